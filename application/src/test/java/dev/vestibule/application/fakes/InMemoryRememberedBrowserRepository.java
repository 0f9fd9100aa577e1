package dev.vestibule.application.fakes;

import dev.vestibule.domain.model.rememberme.RememberedBrowser;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.RememberedBrowserRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A {@link RememberedBrowserRepository} in a map. Every operation happens when its {@code Mono} is
 * subscribed, under one lock, so that {@link #replace} is a true compare-and-set for parallel callers.
 */
public final class InMemoryRememberedBrowserRepository implements RememberedBrowserRepository {

    private final Map<String, RememberedBrowser> devices = new LinkedHashMap<>();

    @Override
    public Mono<Void> add(RememberedBrowser device) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                if (devices.putIfAbsent(device.series(), device) != null) {
                    throw new IllegalStateException("series already exists");
                }
            }
        });
    }

    @Override
    public Mono<RememberedBrowser> findBySeries(String series) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                return devices.get(series);
            }
        });
    }

    @Override
    public Mono<Boolean> replace(RememberedBrowser current, RememberedBrowser next) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                RememberedBrowser stored = devices.get(current.series());
                if (stored == null || !stored.secretHash().equals(current.secretHash())) {
                    return false;
                }
                devices.put(next.series(), next);
                return true;
            }
        });
    }

    @Override
    public Mono<Boolean> spendGraceUse(RememberedBrowser device, int allowed) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                RememberedBrowser stored = devices.get(device.series());
                if (stored == null
                        || !stored.secretHash().equals(device.secretHash())
                        || stored.graceUses() >= allowed) {
                    return false;
                }
                devices.put(stored.series(), stored.graceUsed());
                return true;
            }
        });
    }

    @Override
    public Mono<Void> remove(String series) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                devices.remove(series);
            }
        });
    }

    @Override
    public Flux<RememberedBrowser> findByUser(UserId user) {
        return Flux.defer(() -> {
            synchronized (this) {
                return Flux.fromIterable(devices.values().stream()
                        .filter(device -> device.userId().equals(user))
                        .sorted(Comparator.comparing(RememberedBrowser::rememberedAt))
                        .toList());
            }
        });
    }

    @Override
    public Mono<Boolean> restamp(UserId user, String series, SecurityStamp newStamp) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                RememberedBrowser stored = devices.get(series);
                if (stored == null || !stored.userId().equals(user)) {
                    return false;
                }
                devices.put(series, stored.restamped(newStamp));
                return true;
            }
        });
    }

    @Override
    public Mono<Long> removeAllOf(UserId user, String keepSeries) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                long before = devices.size();
                devices.values()
                        .removeIf(device ->
                                device.userId().equals(user) && !device.series().equals(keepSeries));
                return before - devices.size();
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
}
