package dev.vestibule.domain.model.session;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One web session in which a user is signed in, as the session store has it.
 *
 * @param securityStamp      the stamp it was signed in under (empty for a session signed in before stamps)
 * @param rememberedBrowser  the handle of the remember-me series that opened it, if one did
 * @param lastSeen           the last request, as precise as the store keeps it (Redis: within a minute)
 */
public record SignedInSession(
        Handle handle,
        UserId userId,
        Origin origin,
        Instant signedInAt,
        Instant lastSeen,
        Optional<String> securityStamp,
        Optional<Handle> rememberedBrowser) {

    public SignedInSession {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(signedInAt, "signedInAt");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(securityStamp, "securityStamp");
        Objects.requireNonNull(rememberedBrowser, "rememberedBrowser");
    }
}
