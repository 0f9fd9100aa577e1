package dev.vestibule.domain.model.passkey;

import java.util.Objects;
import java.util.UUID;

/** Our own id of a stored passkey: what the rename and remove forms name (the credential id stays internal). */
public record PasskeyId(UUID value) {

    public PasskeyId {
        Objects.requireNonNull(value, "value");
    }

    public static PasskeyId random() {
        return new PasskeyId(UUID.randomUUID());
    }

    /** A form's value; anything that is not a UUID is empty, never another passkey. */
    public static java.util.Optional<PasskeyId> parse(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new PasskeyId(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException malformed) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
