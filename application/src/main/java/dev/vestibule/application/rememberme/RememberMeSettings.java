package dev.vestibule.application.rememberme;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a remembered browser stays remembered, and how long the secret it just replaced still counts
 * (for parallel requests that carried the old cookie).
 */
public record RememberMeSettings(Duration lifetime, Duration rotationGracePeriod) {

    public RememberMeSettings {
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(rotationGracePeriod, "rotationGracePeriod");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive");
        }
        if (rotationGracePeriod.isNegative() || rotationGracePeriod.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("grace period must be between 0 and 5 minutes");
        }
    }
}
