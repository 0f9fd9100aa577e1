package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.passkey.CredentialId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the browser needs to sign in with a passkey (WebAuthn {@code PublicKeyCredentialRequestOptions}): no allowed
 * credentials for a sign-in without a password (the authenticator offers its discoverable ones), the pending user's
 * for the second step.
 */
public record PasskeyRequestOptions(
        String rpId, String challenge, List<CredentialId> allowCredentials, Duration timeout) {

    public PasskeyRequestOptions {
        Objects.requireNonNull(rpId, "rpId");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(timeout, "timeout");
        allowCredentials = List.copyOf(allowCredentials);
    }
}
