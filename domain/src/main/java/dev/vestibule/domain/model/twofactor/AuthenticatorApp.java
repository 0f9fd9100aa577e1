package dev.vestibule.domain.model.twofactor;

import dev.vestibule.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A user's enabled authenticator app as stored: the secret sealed (encrypted, only the cipher port opens it), when it
 * was enabled, and the last time step whose code was accepted (a code is accepted once).
 *
 * @param sealedSecret the secret encrypted with the service's key, the user id bound in
 */
public record AuthenticatorApp(UserId userId, String sealedSecret, Instant enabledAt, long lastUsedStep) {

    public AuthenticatorApp {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sealedSecret, "sealedSecret");
        Objects.requireNonNull(enabledAt, "enabledAt");
    }

    @Override
    public String toString() {
        return "AuthenticatorApp[userId=" + userId + ", enabledAt=" + enabledAt + ", lastUsedStep=" + lastUsedStep
                + "]";
    }
}
