package dev.vestibule.domain.model.throttling;

import dev.vestibule.domain.model.user.UserId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/** A browser that signed in to an account before, named by a random id the browser keeps in a cookie. */
public record KnownBrowser(String id, UserId userId, Instant expiresAt) {

    public KnownBrowser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static KnownBrowser newFor(UserId userId, Instant now, Duration lifetime, SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return new KnownBrowser(
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), userId, now.plus(lifetime));
    }

    /** A cookie value that could be one of ours; anything else is ignored without a lookup. */
    public static boolean isWellFormedId(String id) {
        return id != null
                && id.length() == 32
                && id.chars()
                        .allMatch(c -> (c >= 'A' && c <= 'Z')
                                || (c >= 'a' && c <= 'z')
                                || (c >= '0' && c <= '9')
                                || c == '-'
                                || c == '_');
    }
}
