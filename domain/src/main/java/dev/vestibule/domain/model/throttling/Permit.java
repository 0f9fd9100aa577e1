package dev.vestibule.domain.model.throttling;

import java.time.Duration;
import java.util.Objects;

/** Whether an attempt may go ahead. */
public sealed interface Permit {

    Permit GRANTED = new Granted();

    record Granted() implements Permit {
    }

    /** Not now; the next attempt is allowed after {@code retryAfter}. */
    record Denied(Duration retryAfter) implements Permit {
        public Denied {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
