package dev.vestibule.domain.model.login;

import dev.vestibule.domain.model.user.User;
import java.time.Duration;
import java.util.Objects;

/** How a login attempt ended. */
public sealed interface LoginOutcome {

    record Succeeded(User user) implements LoginOutcome {
        public Succeeded {
            Objects.requireNonNull(user, "user");
        }
    }

    /**
     * The password was right, and the user has a second factor: the sign-in waits for the second step, and the
     * visitor is not signed in until it passes.
     */
    record SecondStepRequired(User user) implements LoginOutcome {
        public SecondStepRequired {
            Objects.requireNonNull(user, "user");
        }
    }

    /**
     * The reason is for logs and security events only; what the visitor is told is {@link #publicReason()},
     * the same for every reason.
     */
    record Rejected(Reason reason) implements LoginOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }

        public PublicReason publicReason() {
            return PublicReason.INVALID_CREDENTIALS;
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

    /** What a rejected visitor may learn: one reason for all, so that nobody learns which accounts exist or are disabled. */
    enum PublicReason {
        INVALID_CREDENTIALS
    }
}
