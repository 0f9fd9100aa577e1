package dev.vestibule.application.rememberme;

import dev.vestibule.domain.model.login.RememberMeToken;
import dev.vestibule.domain.port.in.ForgetDevice;
import dev.vestibule.domain.port.out.RememberedDeviceRepository;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Revokes a browser's remembered series; called at logout, so only the signed-in owner reaches it. */
public final class ForgetDeviceService implements ForgetDevice {

    private final RememberedDeviceRepository devices;

    public ForgetDeviceService(RememberedDeviceRepository devices) {
        this.devices = Objects.requireNonNull(devices, "devices");
    }

    @Override
    public Mono<Void> forget(RememberMeToken token) {
        return devices.remove(token.series());
    }
}
