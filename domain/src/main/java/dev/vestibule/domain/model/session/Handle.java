package dev.vestibule.domain.model.session;

import dev.vestibule.domain.model.digest.Sha256;
import java.util.Objects;
import java.util.Optional;

/**
 * The opaque name of one sign-in (a web session, or a remembered browser's series) that pages may show
 * and forms may send back: the SHA-256 of its secret, base64url. Knowing it does not let anyone take the
 * session over, and it is only ever acted on together with the user it belongs to.
 */
public record Handle(String value) {

    private static final int LENGTH = 43;

    public Handle {
        Objects.requireNonNull(value, "value");
        if (value.length() != LENGTH || !value.chars().allMatch(Handle::isBase64Url)) {
            throw new IllegalArgumentException("not a handle");
        }
    }

    /** The handle of a session id or a remember-me series. */
    public static Handle of(String secret) {
        Objects.requireNonNull(secret, "secret");
        return new Handle(Sha256.base64Url(secret));
    }

    /** A handle as sent back by a form; anything else is no handle. */
    public static Optional<Handle> parse(String text) {
        if (text == null || text.length() != LENGTH || !text.chars().allMatch(Handle::isBase64Url)) {
            return Optional.empty();
        }
        return Optional.of(new Handle(text));
    }

    private static boolean isBase64Url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    @Override
    public String toString() {
        return value;
    }
}
