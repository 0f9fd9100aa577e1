package dev.vestibule.adapters.redis.session;

import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sessions shared in Redis, counted by a SCAN over the session namespace every {@code refreshEvery}: the
 * gauge reads the last count and never waits for Redis. Redis expires a session key when the session
 * expires, so the keys are the live sessions. SCAN does not block Redis (it walks the keyspace in steps
 * of {@value #KEYS_PER_STEP}) but its cost grows with the keyspace, hence a pass every few seconds on
 * one subscriber instead of one per scrape, never two at once. Spring Session's indexed repository
 * would count without a scan, but writes an index per session and needs keyspace notifications
 * (CONFIG), which managed Redis often forbids.
 */
public final class RedisActiveSessions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisActiveSessions.class);
    private static final long KEYS_PER_STEP = 1000;

    private final ReactiveStringRedisTemplate redis;
    private final String sessionKeyPattern;
    private final Duration refreshEvery;
    private volatile double latest = Double.NaN;
    private Disposable refreshing;

    /** @param sessionNamespace Spring Session's key namespace; session keys are {@code <namespace>:sessions:<id>} */
    public RedisActiveSessions(ReactiveStringRedisTemplate redis, String sessionNamespace, Duration refreshEvery) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.sessionKeyPattern = Objects.requireNonNull(sessionNamespace, "sessionNamespace") + ":sessions:*";
        this.refreshEvery = Objects.requireNonNull(refreshEvery, "refreshEvery");
    }

    /** Starts counting in the background, at once and then every {@code refreshEvery}. */
    public void start() {
        refreshing = Flux.interval(Duration.ZERO, refreshEvery)
                .onBackpressureDrop()
                .concatMap(tick -> countNow(), 1)
                .subscribe();
    }

    Mono<Void> countNow() {
        return redis.scan(ScanOptions.scanOptions()
                        .match(sessionKeyPattern)
                        .count(KEYS_PER_STEP)
                        .build())
                .count()
                .doOnNext(count -> latest = count)
                .onErrorResume(unreachable -> {
                    log.debug("Counting sessions failed: {}", unreachable.toString());
                    latest = Double.NaN;
                    return Mono.empty();
                })
                .then();
    }

    /** The latest count; NaN when it cannot be known (Redis is unreachable). */
    public double count() {
        return latest;
    }

    @Override
    public void close() {
        if (refreshing != null) {
            refreshing.dispose();
        }
    }
}
