package dev.vestibule.application.device;

import dev.vestibule.domain.model.device.KnownDevice;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.in.TrustDevice;
import dev.vestibule.domain.port.out.KnownDeviceRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** Keeps a browser's known-device id valid for the user, or hands it a new one. */
public final class TrustDeviceService implements TrustDevice {

    private final KnownDeviceRepository devices;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random;

    public TrustDeviceService(KnownDeviceRepository devices, Duration lifetime, Clock clock, SecureRandom random) {
        this.devices = Objects.requireNonNull(devices, "devices");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Mono<String> trust(UserId userId, Optional<String> presentedDeviceId) {
        Mono<Boolean> stillKnown = presentedDeviceId.filter(KnownDevice::isWellFormedId)
                .map(id -> devices.isKnown(id, userId, clock.instant()))
                .orElse(Mono.just(false));
        return stillKnown.flatMap(known -> {
            if (known) {
                return Mono.just(presentedDeviceId.get());
            }
            KnownDevice device = KnownDevice.newFor(userId, clock.instant(), lifetime, random);
            return devices.add(device).thenReturn(device.id());
        });
    }
}
