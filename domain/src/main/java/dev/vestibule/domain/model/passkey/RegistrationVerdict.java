package dev.vestibule.domain.model.passkey;

import java.util.Objects;

/** Whether an attestation (a new credential) passed verification against its challenge and the relying party. */
public sealed interface RegistrationVerdict {

    record Verified(NewCredential credential) implements RegistrationVerdict {
        public Verified {
            Objects.requireNonNull(credential, "credential");
        }
    }

    /** Wrong origin, relying party, challenge or type, no user verification, or not a credential at all. */
    record Rejected() implements RegistrationVerdict {}
}
