package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.login.SignInFactors;
import dev.vestibule.domain.model.user.User;
import java.time.Duration;
import java.util.Objects;

/** How a second step went. */
public sealed interface SecondStepOutcome {

    /** Signed in, on {@code factors} (the password and the second factor, with their times). */
    record Passed(User user, SignInFactors factors) implements SecondStepOutcome {
        public Passed {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(factors, "factors");
        }
    }

    /** Neither a current code nor an unused recovery code. */
    record WrongCode() implements SecondStepOutcome {}

    /** Too many wrong codes for this account: not even checked. */
    record Throttled(Duration retryAfter) implements SecondStepOutcome {
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** The pending login is over (timed out, the password changed meanwhile, the account is gone): start again. */
    record Lapsed() implements SecondStepOutcome {}
}
