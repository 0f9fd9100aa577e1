package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.user.User;
import java.time.Duration;
import java.util.Objects;

/** Whether a passkey signed someone in. */
public sealed interface PasskeySignInOutcome {

    record SignedIn(User user) implements PasskeySignInOutcome {
        public SignedIn {
            Objects.requireNonNull(user, "user");
        }
    }

    record Refused(PasskeyRefusal reason) implements PasskeySignInOutcome {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Too many failed passkey sign-ins from this client address: not even checked. */
    record Throttled(Duration retryAfter) implements PasskeySignInOutcome {
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
