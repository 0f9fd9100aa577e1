package dev.vestibule.domain.model.rememberme;

import java.time.Duration;
import java.util.Objects;

/**
 * How far the secret a rotation just replaced still counts: for the browser whose request rotated it (parallel
 * requests of one browser restoring its tabs carry the secret it had before the first answer came back), during
 * {@code period} after the rotation, at most {@code uses} times. Any other use of that secret is a copy in
 * someone else's hands.
 */
public record RotationGrace(Duration period, int uses) {

    public RotationGrace {
        Objects.requireNonNull(period, "period");
        if (period.isNegative()) {
            throw new IllegalArgumentException("grace period must not be negative");
        }
        if (uses < 0) {
            throw new IllegalArgumentException("grace uses must not be negative");
        }
    }

    /** No grace: the replaced secret is theft from the rotation on. */
    public static RotationGrace none() {
        return new RotationGrace(Duration.ZERO, 0);
    }
}
