package dev.vestibule.domain.model.user;

import java.util.Objects;
import java.util.UUID;

/** A user's permanent identifier; usernames and emails may change, this never does. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    /** Parses the text form kept in a session; a malformed value is an error, never a different user. */
    public static UserId parse(String text) {
        return new UserId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
