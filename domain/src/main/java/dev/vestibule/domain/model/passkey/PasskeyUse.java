package dev.vestibule.domain.model.passkey;

import java.util.Objects;

/** What a verified assertion means for the stored passkey: accepted (and its new state), or refused and why. */
public sealed interface PasskeyUse {

    /** The assertion stands; {@code updated} is the passkey with its new counter, backup state and last use. */
    record Accepted(Passkey updated) implements PasskeyUse {
        public Accepted {
            Objects.requireNonNull(updated, "updated");
        }
    }

    /** The counter did not increase: the credential may have been cloned (WebAuthn Level 3 §6.1.1). */
    record CounterNotIncreased(long stored, long presented) implements PasskeyUse {}

    /** The authenticator now says otherwise about whether the credential may be backed up: not the same one. */
    record BackupEligibilityChanged() implements PasskeyUse {}
}
