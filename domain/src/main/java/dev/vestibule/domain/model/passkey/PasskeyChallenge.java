package dev.vestibule.domain.model.passkey;

import dev.vestibule.domain.model.user.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A ceremony's challenge: 32 random bytes (base64url), for one purpose, bound to the user it was issued to (none for
 * a sign-in without a password), usable once until it expires. Stored where every instance sees it, so a ceremony
 * begun on one instance finishes on any.
 */
public record PasskeyChallenge(String value, CeremonyPurpose purpose, Optional<UserId> userId, Instant expiresAt) {

    /** Long enough to find the phone and touch it; short enough that a stolen challenge is soon worthless. */
    public static final Duration LIFETIME = Duration.ofMinutes(3);

    static final int BYTES = 32;

    public PasskeyChallenge {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!Base64Url.isValid(value, 64)) {
            throw new IllegalArgumentException("a challenge is base64url");
        }
        if ((purpose == CeremonyPurpose.SIGN_IN) == userId.isPresent()) {
            throw new IllegalArgumentException("a sign-in challenge names no user; every other one names its user");
        }
    }

    public static PasskeyChallenge issue(
            SecureRandom random, CeremonyPurpose purpose, Optional<UserId> userId, Instant now) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new PasskeyChallenge(Base64Url.encode(bytes), purpose, userId, now.plus(LIFETIME));
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "PasskeyChallenge[purpose=" + purpose + ", userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}
