package dev.vestibule.domain.model.rememberme;

import dev.vestibule.domain.model.digest.Sha256;
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
 * the secret, and the others must not be mistaken for a thief. That grace is narrow ({@link RotationGrace}):
 * only for the browser whose request rotated ({@code graceBrowser}, a hash of its address and User-Agent
 * taken at the rotation, never the values themselves), only a few times ({@code graceUses} counts them), only
 * for a few seconds; the previous secret anywhere else is theft. It also keeps the user's security stamp
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
        Origin origin,
        String graceBrowser,
        int graceUses) {

    public RememberedBrowser {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(rotatedAt, "rotatedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(securityStamp, "securityStamp");
        Objects.requireNonNull(rememberedAt, "rememberedAt");
        Objects.requireNonNull(origin, "origin");
        if (graceUses < 0) {
            throw new IllegalArgumentException("graceUses must not be negative");
        }
    }

    /** A record from before the grace was narrowed: nobody may use its previous secret. */
    public RememberedBrowser(
            String series,
            UserId userId,
            String secretHash,
            String previousSecretHash,
            Instant rotatedAt,
            Instant expiresAt,
            SecurityStamp securityStamp,
            Instant rememberedAt,
            Origin origin) {
        this(
                series,
                userId,
                secretHash,
                previousSecretHash,
                rotatedAt,
                expiresAt,
                securityStamp,
                rememberedAt,
                origin,
                null,
                0);
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
                origin,
                null,
                0);
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
                origin,
                graceBrowser,
                graceUses);
    }

    /**
     * What presenting {@code token} from {@code from} at {@code now} means. The secret the last rotation replaced
     * is {@link Recognition#JUST_ROTATED} only from the browser that rotated, within the grace period, while
     * grace uses are left; anywhere else, later, or once more, it is {@link Recognition#STOLEN}.
     */
    public Recognition recognize(RememberMeToken token, Origin from, Instant now, RotationGrace grace) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(grace, "grace");
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
                && now.isBefore(rotatedAt.plus(grace.period()))
                && graceBrowser != null
                && constantTimeEquals(browserHash(from), graceBrowser)
                && graceUses < grace.uses()) {
            return Recognition.JUST_ROTATED;
        }
        return Recognition.STOLEN;
    }

    /**
     * The record after the browser at {@code by} was handed {@code next}: the replaced secret keeps its grace for
     * that browser alone, with no grace use spent yet. Its lifetime does not grow.
     */
    public RememberedBrowser rotatedTo(RememberMeToken next, Origin by, Instant now) {
        return new RememberedBrowser(
                series,
                userId,
                next.secretHash(),
                secretHash,
                now,
                expiresAt,
                securityStamp,
                rememberedAt,
                origin,
                browserHash(by),
                0);
    }

    /** The record after one more use of the replaced secret within its grace. */
    public RememberedBrowser graceUsed() {
        return new RememberedBrowser(
                series,
                userId,
                secretHash,
                previousSecretHash,
                rotatedAt,
                expiresAt,
                securityStamp,
                rememberedAt,
                origin,
                graceBrowser,
                graceUses + 1);
    }

    /**
     * SHA-256 of the series, the client address and the User-Agent: enough to know the same browser again at the
     * next request, while the table keeps neither value of the rotating request (the series in it makes the same
     * browser's hash differ from one series to the next).
     */
    public String browserHash(Origin from) {
        String material = series + '\n' + from.clientAddress() + '\n' + from.userAgent();
        return Sha256.base64Url(material);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    public enum Recognition {
        /** The secret this device was last given: sign in and rotate. */
        CURRENT,
        /**
         * The secret it had a moment ago, sent by a parallel request of the browser that rotated, within the
         * grace: sign in, do not rotate again, spend one grace use.
         */
        JUST_ROTATED,
        /**
         * An older secret of a live series, or the one just replaced from another browser, too late or once too
         * often: someone else holds a copy; revoke the series.
         */
        STOLEN,
        EXPIRED
    }
}
