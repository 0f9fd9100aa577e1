package dev.vestibule.application.rememberme;

import dev.vestibule.domain.model.rememberme.RememberMeToken;
import dev.vestibule.domain.port.in.ForgetRememberedBrowser;
import dev.vestibule.domain.port.out.RememberedBrowserRepository;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Revokes a browser's remembered series; called at logout, so only the signed-in owner reaches it. */
public final class ForgetRememberedBrowserService implements ForgetRememberedBrowser {

    private final RememberedBrowserRepository devices;

    public ForgetRememberedBrowserService(RememberedBrowserRepository devices) {
        this.devices = Objects.requireNonNull(devices, "devices");
    }

    @Override
    public Mono<Void> forget(RememberMeToken token) {
        return devices.remove(token.series());
    }
}
