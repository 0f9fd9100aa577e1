package dev.vestibule.domain.model.passkey;

import java.util.Objects;
import java.util.Optional;

/**
 * What an assertion claims before it is verified: which credential signed, which challenge it answers, and the user
 * handle the authenticator returned (a discoverable credential always returns it).
 */
public record AssertionClaim(CredentialId credentialId, String challenge, Optional<UserHandle> userHandle) {

    public AssertionClaim {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(userHandle, "userHandle");
    }
}
