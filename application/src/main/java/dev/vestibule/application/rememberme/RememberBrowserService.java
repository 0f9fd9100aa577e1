package dev.vestibule.application.rememberme;

import dev.vestibule.domain.model.rememberme.RememberMeToken;
import dev.vestibule.domain.model.rememberme.RememberedBrowser;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.in.RememberBrowser;
import dev.vestibule.domain.port.out.RememberedBrowserRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Starts a new remembered series for the browser a user just logged in from. */
public final class RememberBrowserService implements RememberBrowser {

    private final RememberedBrowserRepository devices;
    private final RememberMeSettings settings;
    private final Clock clock;
    private final SecureRandom random;

    public RememberBrowserService(
            RememberedBrowserRepository devices, RememberMeSettings settings, Clock clock, SecureRandom random) {
        this.devices = Objects.requireNonNull(devices, "devices");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Mono<RememberMeToken> remember(UserId userId) {
        return Mono.defer(() -> {
            RememberMeToken token = RememberMeToken.generate(random);
            RememberedBrowser device = RememberedBrowser.remember(token, userId, clock.instant(), settings.lifetime());
            return devices.add(device).thenReturn(token);
        });
    }
}
