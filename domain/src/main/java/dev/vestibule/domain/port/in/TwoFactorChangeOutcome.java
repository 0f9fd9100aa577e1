package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.reauthentication.ReauthenticationOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How enabling, disabling or regenerating went. */
public sealed interface TwoFactorChangeOutcome {

    /**
     * Done. {@code recoveryCodes} are the new codes to show once (none when the app was disabled);
     * {@code passwordCheckedAt} opens a new re-authentication window when a password was checked.
     */
    record Changed(List<String> recoveryCodes, Optional<Instant> passwordCheckedAt) implements TwoFactorChangeOutcome {
        public Changed {
            recoveryCodes = List.copyOf(recoveryCodes);
            Objects.requireNonNull(passwordCheckedAt, "passwordCheckedAt");
        }

        @Override
        public String toString() {
            return "Changed[" + recoveryCodes.size() + " codes, passwordCheckedAt=" + passwordCheckedAt + "]";
        }
    }

    /** The re-authentication did not pass (password needed, wrong, or throttled). */
    record NotConfirmed(ReauthenticationOutcome refusal) implements TwoFactorChangeOutcome {
        public NotConfirmed {
            Objects.requireNonNull(refusal, "refusal");
        }
    }

    /** The code is not the app's current one (the password, if typed, was right). */
    record WrongCode(Optional<Instant> passwordCheckedAt) implements TwoFactorChangeOutcome {
        public WrongCode {
            Objects.requireNonNull(passwordCheckedAt, "passwordCheckedAt");
        }
    }

    /** There is no authenticator app to disable or to make codes for. */
    record NotEnabled() implements TwoFactorChangeOutcome {}
}
