package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.reauthentication.ReauthenticationOutcome;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.EmailRejection;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** How a request for a new address ended. */
public sealed interface EmailChangeOutcome {

    /**
     * The link is on its way to {@code newAddress}; {@code passwordCheckedAt} is present when a password was checked
     * by this request (the caller renews the re-authentication window from it).
     */
    record Requested(EmailAddress newAddress, Optional<Instant> passwordCheckedAt) implements EmailChangeOutcome {
        public Requested {
            Objects.requireNonNull(newAddress, "newAddress");
            Objects.requireNonNull(passwordCheckedAt, "passwordCheckedAt");
        }
    }

    /** The user did not prove it was them; nothing was looked up. */
    record NotConfirmed(ReauthenticationOutcome refusal) implements EmailChangeOutcome {
        public NotConfirmed {
            Objects.requireNonNull(refusal, "refusal");
            if (refusal.confirmed()) {
                throw new IllegalArgumentException("a confirmed re-authentication is no refusal");
            }
        }
    }

    /** The address typed is not one we accept. */
    record Invalid(EmailRejection rejection) implements EmailChangeOutcome {
        public Invalid {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    /** Another account has that address (what sign-up says too, so nothing more is revealed). */
    record Taken() implements EmailChangeOutcome {}

    /** It already is the account's address. */
    record Unchanged() implements EmailChangeOutcome {}
}
