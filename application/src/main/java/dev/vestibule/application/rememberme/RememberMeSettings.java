package dev.vestibule.application.rememberme;

import dev.vestibule.domain.model.rememberme.RotationGrace;
import java.time.Duration;
import java.util.Objects;

/**
 * How long a remembered browser stays remembered, and how long and how often the secret it just replaced still
 * counts for the browser that rotated it (for parallel requests that carried the old cookie, as when a browser
 * restores its tabs).
 */
public record RememberMeSettings(Duration lifetime, Duration rotationGracePeriod, int rotationGraceUses) {

    /** The most grace uses one rotation may allow: a browser restores tens of tabs, not hundreds. */
    public static final int MAX_ROTATION_GRACE_USES = 100;

    public RememberMeSettings {
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(rotationGracePeriod, "rotationGracePeriod");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive");
        }
        if (rotationGracePeriod.isNegative() || rotationGracePeriod.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("grace period must be between 0 and 5 minutes");
        }
        if (rotationGraceUses < 0 || rotationGraceUses > MAX_ROTATION_GRACE_USES) {
            throw new IllegalArgumentException("grace uses must be between 0 and " + MAX_ROTATION_GRACE_USES);
        }
    }

    /** The grace the domain judges a replaced secret by. */
    public RotationGrace rotationGrace() {
        return new RotationGrace(rotationGracePeriod, rotationGraceUses);
    }
}
