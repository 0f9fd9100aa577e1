package dev.vestibule.domain.model.throttling;

import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket: {@code capacity} attempts at once, then one more each {@code refillEvery}. A name keeps
 * the buckets of different limits apart even when their keys look alike.
 */
public record AttemptLimit(String name, int capacity, Duration refillEvery) {

    public AttemptLimit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(refillEvery, "refillEvery");
        if (capacity < 1 || refillEvery.isNegative() || refillEvery.isZero()) {
            throw new IllegalArgumentException("a limit needs a capacity of at least 1 and a positive refill period");
        }
    }

    /** How long a bucket takes to refill from empty: after that, an untouched bucket is as good as new. */
    public Duration fullRefill() {
        return refillEvery.multipliedBy(capacity);
    }
}
