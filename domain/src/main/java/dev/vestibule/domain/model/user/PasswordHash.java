package dev.vestibule.domain.model.user;

import java.util.Objects;

/** A stored password hash in the hasher's self-describing encoding (algorithm and parameters included). */
public record PasswordHash(String encoded) {

    public PasswordHash {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.isBlank()) {
            throw new IllegalArgumentException("encoded hash must not be blank");
        }
    }

    /** Keeps hashes out of logs and exception messages. */
    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
