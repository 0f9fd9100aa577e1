package dev.vestibule.application.fakes;

import dev.vestibule.domain.model.throttling.KnownBrowser;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.KnownBrowserRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Known browsers in a map, with the same rules as the table (unique ids, expiry instant excluded). */
public final class InMemoryKnownBrowserRepository implements KnownBrowserRepository {

    private final Map<String, KnownBrowser> devices = new HashMap<>();

    @Override
    public Mono<Void> add(KnownBrowser device) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                // As the table's primary key does: an id is never silently given to another user.
                if (devices.putIfAbsent(device.id(), device) != null) {
                    throw new IllegalStateException("device id already exists");
                }
            }
        });
    }

    @Override
    public Mono<Boolean> isKnown(String deviceId, UserId userId, Instant now) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                KnownBrowser device = devices.get(deviceId);
                return device != null && device.userId().equals(userId) && now.isBefore(device.expiresAt());
            }
        });
    }

    @Override
    public Mono<Long> removeExpired(Instant now) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                long before = devices.size();
                devices.values().removeIf(device -> !now.isBefore(device.expiresAt()));
                return before - devices.size();
            }
        });
    }

    public synchronized int count() {
        return devices.size();
    }

    // account deletion
    @Override
    public Mono<Long> removeAllOf(UserId userId) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                long before = devices.size();
                devices.values().removeIf(device -> device.userId().equals(userId));
                return before - devices.size();
            }
        });
    }
}
