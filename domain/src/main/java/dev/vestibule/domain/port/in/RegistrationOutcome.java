package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.user.User;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** How a sign-up ended: the new user, or every problem found, by field (typed reasons, never text). */
public sealed interface RegistrationOutcome {

    record Registered(User user) implements RegistrationOutcome {
        public Registered {
            Objects.requireNonNull(user, "user");
        }
    }

    /** Too many sign-ups from this client address recently. */
    record Throttled(Duration retryAfter) implements RegistrationOutcome {
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    record Rejected(Map<RegistrationField, List<RegistrationProblem>> problems) implements RegistrationOutcome {
        public Rejected {
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejection names at least one problem");
            }
            EnumMap<RegistrationField, List<RegistrationProblem>> copy = new EnumMap<>(RegistrationField.class);
            problems.forEach((field, fieldProblems) -> copy.put(field, List.copyOf(fieldProblems)));
            problems = java.util.Collections.unmodifiableMap(copy);
        }

        public static Rejected of(RegistrationField field, RegistrationProblem problem) {
            return new Rejected(Map.of(field, List.of(problem)));
        }
    }
}
