package dev.vestibule.domain.model.passkey;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * The WebAuthn user handle of an account: 32 random bytes, one per user, never the username or the user id (the
 * authenticator keeps it and may show it to anyone holding the device, WebAuthn Level 3 §14.6.1).
 */
public record UserHandle(String value) {

    static final int BYTES = 32;
    static final int MAX_BYTES = 64;

    public UserHandle {
        Objects.requireNonNull(value, "value");
        if (!Base64Url.isValid(value, MAX_BYTES)) {
            throw new IllegalArgumentException("a user handle is 1 to 64 bytes in base64url");
        }
    }

    public static UserHandle random(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new UserHandle(Base64Url.encode(bytes));
    }

    public static UserHandle of(byte[] bytes) {
        return new UserHandle(Base64Url.encode(bytes));
    }

    public byte[] bytes() {
        return Base64Url.decode(value);
    }
}
