package dev.vestibule.adapters.redis.throttling;

import dev.vestibule.adapters.redis.RedisOutages;
import dev.vestibule.domain.model.throttling.AttemptLimit;
import dev.vestibule.domain.model.throttling.Permit;
import dev.vestibule.domain.port.out.AttemptLimiter;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;

/**
 * Buckets in Redis through Bucket4j's compare-and-swap proxy manager: every instance draws from the
 * same buckets, so an attacker gains nothing by spreading attempts over instances. Redis failures
 * reach the caller as the domain's outage.
 */
public final class RedisAttemptLimiter implements AttemptLimiter {

    /**
     * How long Redis keeps a bucket after it has refilled completely. A full bucket is the same as no
     * bucket, so Redis may drop it: every key lives at most its limit's full-refill time plus this.
     */
    public static final Duration KEPT_AFTER_REFILL = Duration.ofMinutes(1);

    private final AsyncProxyManager<String> buckets;
    private final String keyPrefix;

    public RedisAttemptLimiter(AsyncProxyManager<String> buckets, String keyPrefix) {
        this.buckets = Objects.requireNonNull(buckets, "buckets");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    }

    /** Buckets under {@code keyPrefix} on that connection, each written with an expiry so that Redis never fills up. */
    public static RedisAttemptLimiter on(StatefulRedisConnection<String, byte[]> connection, String keyPrefix) {
        var buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEPT_AFTER_REFILL))
                .build();
        return new RedisAttemptLimiter(buckets.asAsync(), keyPrefix);
    }

    @Override
    public Mono<Permit> tryAcquire(String key, AttemptLimit limit) {
        return RedisOutages.translate(Mono.fromFuture(() -> bucket(key, limit).tryConsumeAndReturnRemaining(1)))
                .map(Buckets::permitOf);
    }

    @Override
    public Mono<Void> release(String key, AttemptLimit limit) {
        return RedisOutages.translate(Mono.fromFuture(() -> bucket(key, limit).addTokens(1)));
    }

    private AsyncBucketProxy bucket(String key, AttemptLimit limit) {
        return buckets.builder()
                .build(
                        keyPrefix + ":" + limit.name() + ":" + key,
                        () -> CompletableFuture.completedFuture(Buckets.configurationOf(limit)));
    }
}
