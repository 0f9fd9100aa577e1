package dev.vestibule.domain.model.linktoken;

import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The server's record of one mailed link: the hash of its token, what it is for, whose it is, the address it
 * was sent to, and until when it works. Spending (single use) is the store's: {@code LinkTokens.spend} is atomic.
 */
public record IssuedLink(
        String tokenHash,
        LinkPurpose purpose,
        UserId userId,
        EmailAddress sentTo,
        Instant issuedAt,
        Instant expiresAt) {

    public IssuedLink {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sentTo, "sentTo");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (tokenHash.isBlank()) {
            throw new IllegalArgumentException("a link needs its token's hash");
        }
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a link must be valid for a positive time");
        }
    }

    /** A link issued now for {@code purpose}, sent to {@code sentTo}, valid for {@code lifetime}. */
    public static IssuedLink issue(
            LinkToken token, LinkPurpose purpose, UserId userId, EmailAddress sentTo, Instant now, Duration lifetime) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(lifetime, "lifetime");
        return new IssuedLink(token.hash(), purpose, userId, sentTo, now, now.plus(lifetime));
    }

    /** From its expiry instant on, a link no longer works. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** How long it was valid for, as the mail says. */
    public Duration lifetime() {
        return Duration.between(issuedAt, expiresAt);
    }

    /** Whether {@code user} (as stored now) may use this unspent link at {@code now}, and if not, why. */
    public Redeemability redeemableBy(User user, Instant now) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(now, "now");
        if (!user.id().equals(userId)) {
            return Redeemability.OTHER_USER;
        }
        if (isExpiredAt(now)) {
            return Redeemability.EXPIRED;
        }
        if (purpose.requiresCurrentAddress() && !user.email().equals(sentTo)) {
            return Redeemability.ADDRESS_CHANGED;
        }
        if (!user.isActive()) {
            return Redeemability.ACCOUNT_INACTIVE;
        }
        return Redeemability.REDEEMABLE;
    }

    /** The answer of {@link #redeemableBy}. */
    public enum Redeemability {
        REDEEMABLE,
        EXPIRED,
        /** The account's address is no longer the one the link was sent to. */
        ADDRESS_CHANGED,
        /** A disabled account is not opened by a link. */
        ACCOUNT_INACTIVE,
        /** The link is someone else's (a caller's mistake rather than an attack). */
        OTHER_USER;

        public boolean isRedeemable() {
            return this == REDEEMABLE;
        }
    }
}
