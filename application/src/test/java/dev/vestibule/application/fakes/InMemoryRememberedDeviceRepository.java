package dev.vestibule.application.fakes;

import dev.vestibule.domain.model.login.RememberedDevice;
import dev.vestibule.domain.port.out.RememberedDeviceRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/** A {@link RememberedDeviceRepository} in a map. */
public final class InMemoryRememberedDeviceRepository implements RememberedDeviceRepository {

    private final Map<String, RememberedDevice> devices = new LinkedHashMap<>();

    @Override
    public synchronized Mono<Void> add(RememberedDevice device) {
        return Mono.fromRunnable(() -> {
            if (devices.putIfAbsent(device.series(), device) != null) {
                throw new IllegalStateException("series already exists");
            }
        });
    }

    @Override
    public synchronized Mono<RememberedDevice> findBySeries(String series) {
        return Mono.justOrEmpty(devices.get(series));
    }

    @Override
    public synchronized Mono<Boolean> replace(RememberedDevice current, RememberedDevice next) {
        RememberedDevice stored = devices.get(current.series());
        if (stored == null || !stored.secretHash().equals(current.secretHash())) {
            return Mono.just(false);
        }
        devices.put(next.series(), next);
        return Mono.just(true);
    }

    @Override
    public synchronized Mono<Void> remove(String series) {
        return Mono.fromRunnable(() -> devices.remove(series));
    }

    @Override
    public synchronized Mono<Long> removeExpired(Instant now) {
        long before = devices.size();
        devices.values().removeIf(device -> !now.isBefore(device.expiresAt()));
        return Mono.just(before - devices.size());
    }

    public synchronized int count() {
        return devices.size();
    }
}
