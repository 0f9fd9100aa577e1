package dev.vestibule.domain.model.passkey;

import java.util.List;
import java.util.Objects;

/** A credential as a verified registration (attestation "none") describes it, before it is stored as a passkey. */
public record NewCredential(
        CredentialId credentialId,
        String publicKeyCose,
        long signCount,
        List<String> transports,
        boolean backupEligible,
        boolean backedUp) {

    public NewCredential {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(publicKeyCose, "publicKeyCose");
        transports = List.copyOf(transports);
    }
}
