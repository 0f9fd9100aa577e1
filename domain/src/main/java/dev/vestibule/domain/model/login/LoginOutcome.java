package dev.vestibule.domain.model.login;

import dev.vestibule.domain.model.user.User;
import java.time.Duration;
import java.util.Objects;

/** How a login attempt ended. */
public sealed interface LoginOutcome {

    /** The one message every rejection shows, so a visitor cannot learn which accounts exist or are disabled. */
    String REJECTION_MESSAGE = "Invalid username or password.";

    record Succeeded(User user) implements LoginOutcome {
        public Succeeded {
            Objects.requireNonNull(user, "user");
        }
    }

    /** The reason is for logs and security events only; users always see {@link #REJECTION_MESSAGE}. */
    record Rejected(Reason reason) implements LoginOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }

        public String message() {
            return REJECTION_MESSAGE;
        }
    }

    /** Too many failed attempts for this account or from this address: not even checked. */
    record Throttled(Duration retryAfter) implements LoginOutcome {
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    enum Reason {
        UNKNOWN_USER,
        WRONG_PASSWORD,
        /** The account exists but signs in through an external provider only. */
        NO_LOCAL_PASSWORD,
        DISABLED
    }
}
