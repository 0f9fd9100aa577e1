package dev.vestibule.application.fakes;

import dev.vestibule.domain.model.device.KnownDevice;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.KnownDeviceRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Known devices in a map. */
public final class InMemoryKnownDeviceRepository implements KnownDeviceRepository {

    private final Map<String, KnownDevice> devices = new HashMap<>();

    @Override
    public Mono<Void> add(KnownDevice device) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                devices.put(device.id(), device);
            }
        });
    }

    @Override
    public Mono<Boolean> isKnown(String deviceId, UserId userId, Instant now) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                KnownDevice device = devices.get(deviceId);
                return device != null && device.userId().equals(userId) && now.isBefore(device.expiresAt());
            }
        });
    }
}
