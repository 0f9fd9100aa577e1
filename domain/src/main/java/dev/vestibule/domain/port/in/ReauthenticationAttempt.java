package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed-in user's proof for a sensitive change: the current password as typed (empty when the field was left
 * blank), and when this session last saw the password (at login, or at the last successful check).
 */
public record ReauthenticationAttempt(
        UserId userId, Optional<String> currentPassword, Optional<Instant> passwordGivenAt, Origin origin) {

    public ReauthenticationAttempt {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(currentPassword, "currentPassword");
        Objects.requireNonNull(passwordGivenAt, "passwordGivenAt");
        Objects.requireNonNull(origin, "origin");
        currentPassword = currentPassword.filter(password -> !password.isEmpty());
    }

    /** From a form's field, which may be absent or empty. */
    public static ReauthenticationAttempt of(
            UserId userId, String currentPasswordOrNull, Optional<Instant> passwordGivenAt, Origin origin) {
        return new ReauthenticationAttempt(userId, Optional.ofNullable(currentPasswordOrNull), passwordGivenAt, origin);
    }

    @Override
    public String toString() {
        return "ReauthenticationAttempt[userId=" + userId + ", currentPassword="
                + (currentPassword.isPresent() ? "<given>" : "<none>") + ", passwordGivenAt=" + passwordGivenAt
                + ", origin=" + origin + "]";
    }
}
