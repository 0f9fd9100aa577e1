package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.passkey.CredentialId;
import dev.vestibule.domain.model.passkey.UserHandle;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the browser needs to create a passkey (WebAuthn {@code PublicKeyCredentialCreationOptions}): the relying
 * party, the account's user handle and name, the challenge, and the user's existing credentials, which the
 * authenticator must not register twice.
 */
public record PasskeyCreationOptions(
        String rpId,
        String rpName,
        UserHandle userHandle,
        String userName,
        String challenge,
        List<CredentialId> excludeCredentials,
        Duration timeout) {

    public PasskeyCreationOptions {
        Objects.requireNonNull(rpId, "rpId");
        Objects.requireNonNull(rpName, "rpName");
        Objects.requireNonNull(userHandle, "userHandle");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(timeout, "timeout");
        excludeCredentials = List.copyOf(excludeCredentials);
    }
}
