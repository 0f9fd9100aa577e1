package dev.vestibule.adapters.persistence.user;

import java.time.Duration;
import java.util.Objects;

/**
 * How much the per-instance user cache may hold, and for how long at most.
 *
 * @param maxSize users kept at once; the least useful go first beyond it
 * @param ttl     the longest a user is kept after it was loaded: a safety net only, since every change
 *                evicts its user through the database's notifications
 */
public record UserCacheSettings(int maxSize, Duration ttl) {

    public static final int DEFAULT_MAX_SIZE = 10_000;
    public static final String DEFAULT_TTL = "5m";
    public static final UserCacheSettings DEFAULT = new UserCacheSettings(DEFAULT_MAX_SIZE, Duration.ofMinutes(5));

    public UserCacheSettings {
        Objects.requireNonNull(ttl, "ttl");
        if (maxSize < 1) {
            throw new IllegalArgumentException("vestibule.user-cache.max-size must be at least 1, was " + maxSize
                    + " (set vestibule.user-cache.enabled=false to do without the cache)");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("vestibule.user-cache.ttl must be positive, was " + ttl);
        }
    }
}
