package dev.vestibule.adapters.memory.throttling;

import dev.vestibule.domain.model.throttling.AttemptLimit;
import dev.vestibule.domain.model.throttling.Permit;
import dev.vestibule.domain.port.out.AttemptLimiter;
import io.github.bucket4j.Bucket;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Buckets in this process, for the single-instance embedded default. The map is bounded (least recently
 * used buckets are dropped) so that an attacker cycling through addresses cannot exhaust memory; a
 * dropped bucket was idle the longest, which is the one most likely to be full again anyway.
 */
public final class InMemoryAttemptLimiter implements AttemptLimiter {

    private static final int MAX_BUCKETS = 100_000;

    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1_024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_BUCKETS;
        }
    };

    @Override
    public Mono<Permit> tryAcquire(String key, AttemptLimit limit) {
        return Mono.fromSupplier(() -> Buckets.permitOf(bucket(key, limit).tryConsumeAndReturnRemaining(1)));
    }

    @Override
    public Mono<Void> release(String key, AttemptLimit limit) {
        return Mono.fromRunnable(() -> bucket(key, limit).addTokens(1));
    }

    private synchronized Bucket bucket(String key, AttemptLimit limit) {
        return buckets.computeIfAbsent(
                limit.name() + ":" + key,
                ignored -> Bucket.builder()
                        .addLimit(Buckets.configurationOf(limit).getBandwidths()[0])
                        .build());
    }
}
