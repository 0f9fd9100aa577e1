package dev.vestibule.domain.model.passkey;

import java.util.Objects;

/** A credential's id as the authenticator chose it (at most 1023 bytes, WebAuthn Level 3 §5.1), in base64url. */
public record CredentialId(String value) {

    static final int MAX_BYTES = 1023;

    public CredentialId {
        Objects.requireNonNull(value, "value");
        if (!Base64Url.isValid(value, MAX_BYTES)) {
            throw new IllegalArgumentException("a credential id is 1 to 1023 bytes in base64url");
        }
    }

    public static CredentialId of(byte[] bytes) {
        return new CredentialId(Base64Url.encode(bytes));
    }

    public byte[] bytes() {
        return Base64Url.decode(value);
    }
}
