package dev.vestibule.domain.model.throttling;

import java.time.Duration;
import java.util.Objects;

/** Whether an attempt may go ahead. */
public sealed interface Permit {

    Permit GRANTED = new Granted();

    record Granted() implements Permit {}

    /** Not now; the next attempt is allowed after {@code retryAfter}. */
    record Denied(Duration retryAfter) implements Permit {
        public Denied {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /**
     * Denied until {@code wait} has passed, rounded up to whole seconds: Retry-After speaks seconds, and zero
     * would invite an instant retry.
     */
    static Denied deniedFor(Duration wait) {
        long seconds = Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
        return new Denied(Duration.ofSeconds(seconds));
    }
}
