package dev.vestibule.bootstrap.metrics;

import dev.vestibule.adapters.persistence.user.UserCacheStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * The per-instance user cache as Prometheus sees it: how lookups of the signed-in user were answered, how often
 * a change evicted someone, how many users are held, and whether the cache is on (its change listener connected
 * and answering). Read from the cache's own counters at each scrape.
 */
public final class UserCacheMetrics {

    public static final String LOOKUPS = "vestibule.user.cache.lookups";
    public static final String EVICTIONS = "vestibule.user.cache.evictions";
    public static final String SIZE = "vestibule.user.cache.size";
    public static final String LISTENER_CONNECTED = "vestibule.user.cache.listener.connected";

    private UserCacheMetrics() {}

    public static void register(UserCacheStatus cache, MeterRegistry registry) {
        lookups(cache, registry, "hit", UserCacheStatus::hits);
        lookups(cache, registry, "miss", UserCacheStatus::misses);
        lookups(cache, registry, "bypassed", UserCacheStatus::bypasses);
        FunctionCounter.builder(EVICTIONS, cache, UserCacheStatus::evictions)
                .description("Users evicted from this instance's cache because they changed")
                .register(registry);
        Gauge.builder(SIZE, cache, UserCacheStatus::size)
                .description("Users held in this instance's cache")
                .register(registry);
        Gauge.builder(LISTENER_CONNECTED, cache, status -> status.serving() ? 1 : 0)
                .description("1 while the cache is on: its PostgreSQL change listener is connected, listening and "
                        + "answering heartbeats; 0 while every lookup goes to the database")
                .register(registry);
    }

    private static void lookups(
            UserCacheStatus cache, MeterRegistry registry, String result, ToDoubleFunction<UserCacheStatus> count) {
        FunctionCounter.builder(LOOKUPS, cache, count)
                .description("Lookups of the signed-in user by result: hit (answered from this instance's cache), "
                        + "miss (loaded from the database, then cached), bypassed (loaded: the cache was off)")
                .tag("result", result)
                .register(registry);
    }
}
