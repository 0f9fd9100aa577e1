package dev.vestibule.domain.model.rememberme;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.User;
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
 * the secret, and the others must not be mistaken for a thief. It also keeps the user's security stamp
 * at the time it was remembered: once the user's stamp changes (password changed or reset, account
 * disabled, "log out everywhere"), the browser is no longer recognized, and enabling the account again
 * revives nothing. When and from where it was remembered is shown to the user on the sessions page.
 */
public record RememberedBrowser(
        String series,
        UserId userId,
        String secretHash,
        String previousSecretHash,
        Instant rotatedAt,
        Instant expiresAt,
        SecurityStamp securityStamp,
        Instant rememberedAt,
        Origin origin) {

    public RememberedBrowser {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(rotatedAt, "rotatedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(securityStamp, "securityStamp");
        Objects.requireNonNull(rememberedAt, "rememberedAt");
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * A device of {@code user} remembered now, under the user's current stamp; it stays remembered until
     * {@code now + lifetime}, however often it is used.
     */
    public static RememberedBrowser remember(
            RememberMeToken token, User user, Origin origin, Instant now, Duration lifetime) {
        return new RememberedBrowser(
                token.series(),
                user.id(),
                token.secretHash(),
                null,
                now,
                now.plus(lifetime),
                user.securityStamp(),
                now,
                origin);
    }

    /** Whether this browser was remembered under the user's current stamp: if not, it must be forgotten. */
    public boolean isStampCurrentFor(User user) {
        return user.id().equals(userId) && user.securityStamp().matches(securityStamp.value());
    }

    /** The same browser under a new stamp: the one browser a "log out everywhere else" keeps. */
    public RememberedBrowser restamped(SecurityStamp newStamp) {
        return new RememberedBrowser(
                series,
                userId,
                secretHash,
                previousSecretHash,
                rotatedAt,
                expiresAt,
                Objects.requireNonNull(newStamp, "newStamp"),
                rememberedAt,
                origin);
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
        return new RememberedBrowser(
                series, userId, next.secretHash(), secretHash, now, expiresAt, securityStamp, rememberedAt, origin);
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
