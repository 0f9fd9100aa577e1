package dev.vestibule.domain.model.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A random value that changes whenever what a user's sign-ins rest on changes: the password (changed or
 * reset), the account being disabled or enabled, or the user asking to be "logged out everywhere else".
 * Every web session and remembered browser keeps the stamp it was signed in under; one whose stamp is no
 * longer the user's is refused (ASP.NET Identity's security stamp). On PostgreSQL a trigger renews it
 * for changes made by SQL too, so an operator's reset in the database ends the sessions as well.
 */
public record SecurityStamp(String value) {

    private static final int RANDOM_BYTES = 16;
    private static final int MAX_LENGTH = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    public SecurityStamp {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a security stamp has 1 to " + MAX_LENGTH + " characters");
        }
    }

    /** A new stamp: 128 bits from a CSPRNG, in hex (the database trigger's stamps are hex too). */
    public static SecurityStamp random() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return new SecurityStamp(HexFormat.of().formatHex(bytes));
    }

    /** Whether {@code stored} (as kept by a session or a remembered browser) is this stamp; constant time. */
    public boolean matches(String stored) {
        return stored != null
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8));
    }

    /** Not secret like a password, but no log needs it either. */
    @Override
    public String toString() {
        return "SecurityStamp[…]";
    }
}
