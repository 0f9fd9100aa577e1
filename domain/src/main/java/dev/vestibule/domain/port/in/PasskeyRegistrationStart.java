package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.reauthentication.ReauthenticationOutcome;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Whether adding a passkey may begin: the options, or why not (no fresh re-authentication). */
public sealed interface PasskeyRegistrationStart {

    /** {@code passwordCheckedAt} is present when this request checked a password: the window opens anew from then. */
    record Ready(PasskeyCreationOptions options, Optional<Instant> passwordCheckedAt)
            implements PasskeyRegistrationStart {
        public Ready {
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(passwordCheckedAt, "passwordCheckedAt");
        }
    }

    record NotConfirmed(ReauthenticationOutcome refusal) implements PasskeyRegistrationStart {
        public NotConfirmed {
            Objects.requireNonNull(refusal, "refusal");
        }
    }
}
