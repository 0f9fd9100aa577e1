package dev.vestibule.bootstrap.throttling;

import dev.vestibule.bootstrap.redis.RedisOutages;
import dev.vestibule.domain.model.throttle.AttemptLimit;
import dev.vestibule.domain.model.throttle.Permit;
import dev.vestibule.domain.port.out.AttemptLimiter;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;

/**
 * Buckets in Redis through Bucket4j's compare-and-swap proxy manager: every instance draws from the
 * same buckets, so an attacker gains nothing by spreading attempts over instances. Redis failures
 * reach the caller as the domain's outage.
 */
public final class RedisAttemptLimiter implements AttemptLimiter {

    private final AsyncProxyManager<String> buckets;
    private final String keyPrefix;

    public RedisAttemptLimiter(AsyncProxyManager<String> buckets, String keyPrefix) {
        this.buckets = Objects.requireNonNull(buckets, "buckets");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
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
        return buckets.builder().build(keyPrefix + ":" + limit.name() + ":" + key,
                () -> CompletableFuture.completedFuture(Buckets.configurationOf(limit)));
    }
}
