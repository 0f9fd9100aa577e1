package dev.vestibule.domain.model.session;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.login.Factor;
import dev.vestibule.domain.model.login.SignInFactors;
import dev.vestibule.domain.model.user.UserId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One web session in which a user is signed in, as the session store has it.
 *
 * @param securityStamp      the stamp it was signed in under (empty for a session signed in before stamps)
 * @param rememberedBrowser  the handle of the remember-me series that opened it, if one did
 * @param lastSeen           the last request, as precise as the store keeps it (Redis: within a minute)
 * @param factors            (issue 14) how it signed in; a session signed in before they were kept signed in with
 *                           its password (the only way then)
 */
public record SignedInSession(
        Handle handle,
        UserId userId,
        Origin origin,
        Instant signedInAt,
        Instant lastSeen,
        Optional<String> securityStamp,
        Optional<Handle> rememberedBrowser,
        SignInFactors factors) {

    public SignedInSession {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(signedInAt, "signedInAt");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(securityStamp, "securityStamp");
        Objects.requireNonNull(rememberedBrowser, "rememberedBrowser");
        Objects.requireNonNull(factors, "factors");
    }

    /** A session whose factors nobody kept: signed in with its password, when it signed in. */
    public SignedInSession(
            Handle handle,
            UserId userId,
            Origin origin,
            Instant signedInAt,
            Instant lastSeen,
            Optional<String> securityStamp,
            Optional<Handle> rememberedBrowser) {
        this(
                handle,
                userId,
                origin,
                signedInAt,
                lastSeen,
                securityStamp,
                rememberedBrowser,
                SignInFactors.of(Factor.PASSWORD, signedInAt));
    }

    /**
     * What a stored session says of its sign-in, read from its {@link SessionAttributes}; for the session
     * stores. A session signed in before these were kept shows its creation time and an unknown origin.
     *
     * @param attribute the session's attribute of a name, or null
     */
    public static SignedInSession fromAttributes(
            String sessionId,
            UserId user,
            Function<String, Object> attribute,
            Instant createdAt,
            Instant lastAccessedAt) {
        Instant signedInAt =
                instant(attribute.apply(SessionAttributes.SIGNED_IN_AT)).orElse(createdAt);
        String address = text(attribute, SessionAttributes.CLIENT_ADDRESS);
        return new SignedInSession(
                Handle.of(sessionId),
                user,
                address == null ? Origin.unknown() : new Origin(address, text(attribute, SessionAttributes.USER_AGENT)),
                signedInAt,
                lastAccessedAt,
                Optional.ofNullable(text(attribute, SessionAttributes.SECURITY_STAMP)),
                Optional.ofNullable(text(attribute, SessionAttributes.REMEMBERED_BROWSER))
                        .flatMap(Handle::parse),
                // issue 14: sessions signed in before the factors were kept (or with unreadable ones) used a password
                SignInFactors.parse(text(attribute, SessionAttributes.SIGN_IN_FACTORS))
                        .orElseGet(() -> SignInFactors.of(Factor.PASSWORD, signedInAt)));
    }

    private static String text(Function<String, Object> attribute, String name) {
        return attribute.apply(name) instanceof String value ? value : null;
    }

    private static Optional<Instant> instant(Object stored) {
        if (stored instanceof String text) {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException corrupted) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
