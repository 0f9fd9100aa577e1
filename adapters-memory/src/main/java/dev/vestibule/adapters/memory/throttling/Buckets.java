package dev.vestibule.adapters.memory.throttling;

import dev.vestibule.domain.model.throttling.AttemptLimit;
import dev.vestibule.domain.model.throttling.Permit;
import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/** Translation between the domain's limits and Bucket4j's buckets. */
final class Buckets {

    private Buckets() {}

    /** Greedy refill: tokens trickle back one by one, not all at once at the end of a period. */
    static BucketConfiguration configurationOf(AttemptLimit limit) {
        return BucketConfiguration.builder()
                .addLimit(BandwidthBuilder.builder()
                        .capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.fullRefill())
                        .build())
                .build();
    }

    static Permit permitOf(ConsumptionProbe probe) {
        return probe.isConsumed()
                ? Permit.GRANTED
                : Permit.deniedFor(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
