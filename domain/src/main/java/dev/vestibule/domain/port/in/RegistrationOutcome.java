package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.user.User;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** How a sign-up ended: the new user, or every problem found, by field. */
public sealed interface RegistrationOutcome {

    record Registered(User user) implements RegistrationOutcome {
        public Registered {
            Objects.requireNonNull(user, "user");
        }
    }

    record Rejected(Map<RegistrationField, List<String>> problems) implements RegistrationOutcome {
        public Rejected {
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejection names at least one problem");
            }
            EnumMap<RegistrationField, List<String>> copy = new EnumMap<>(RegistrationField.class);
            problems.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
            problems = java.util.Collections.unmodifiableMap(copy);
        }

        public static Rejected of(RegistrationField field, String message) {
            return new Rejected(Map.of(field, List.of(message)));
        }
    }
}
