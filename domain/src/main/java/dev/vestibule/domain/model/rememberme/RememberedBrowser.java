package dev.vestibule.domain.model.rememberme;

import dev.vestibule.domain.model.user.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The server's record of one remembered browser: which user, the hash of the secret it should present
 * next, and until when. The previous secret's hash is kept for a short grace period, because a browser
 * that restores several tabs at once sends the same cookie in parallel requests: only the first rotates
 * the secret, and the others must not be mistaken for a thief.
 */
public record RememberedBrowser(
        String series,
        UserId userId,
        String secretHash,
        String previousSecretHash,
        Instant rotatedAt,
        Instant expiresAt) {

    public RememberedBrowser {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(rotatedAt, "rotatedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** A device remembered now; it stays remembered until {@code now + lifetime}, however often it is used. */
    public static RememberedBrowser remember(RememberMeToken token, UserId userId, Instant now, Duration lifetime) {
        return new RememberedBrowser(token.series(), userId, token.secretHash(), null, now, now.plus(lifetime));
    }

    /** What presenting {@code token} at {@code now} means. */
    public Recognition recognize(RememberMeToken token, Instant now, Duration gracePeriod) {
        if (!token.series().equals(series)) {
            throw new IllegalArgumentException("token of another series");
        }
        if (!now.isBefore(expiresAt)) {
            return Recognition.EXPIRED;
        }
        String presented = token.secretHash();
        if (constantTimeEquals(presented, secretHash)) {
            return Recognition.CURRENT;
        }
        if (previousSecretHash != null
                && constantTimeEquals(presented, previousSecretHash)
                && now.isBefore(rotatedAt.plus(gracePeriod))) {
            return Recognition.JUST_ROTATED;
        }
        return Recognition.STOLEN;
    }

    /** The record after the device was handed {@code next}; its lifetime does not grow. */
    public RememberedBrowser rotatedTo(RememberMeToken next, Instant now) {
        return new RememberedBrowser(series, userId, next.secretHash(), secretHash, now, expiresAt);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    public enum Recognition {
        /** The secret this device was last given: sign in and rotate. */
        CURRENT,
        /** The secret it had a moment ago, sent by a parallel request: sign in, do not rotate again. */
        JUST_ROTATED,
        /** An older secret of a live series: someone else holds a copy; revoke the series. */
        STOLEN,
        EXPIRED
    }
}
