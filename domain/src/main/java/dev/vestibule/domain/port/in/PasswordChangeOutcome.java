package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.user.SecurityStamp;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What a password change came to. */
public sealed interface PasswordChangeOutcome {

    /** Changed: this browser's session must now carry {@code newStamp} (and get a new id). */
    record Changed(SecurityStamp newStamp) implements PasswordChangeOutcome {
        public Changed {
            Objects.requireNonNull(newStamp, "newStamp");
        }
    }

    /** Refused for these reasons; nothing changed. */
    record Refused(List<PasswordChangeProblem> problems) implements PasswordChangeOutcome {
        public Refused {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a refusal has a reason");
            }
        }
    }

    /** Too many wrong current passwords: not even checked, like a throttled login. */
    record Throttled(Duration retryAfter) implements PasswordChangeOutcome {
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
