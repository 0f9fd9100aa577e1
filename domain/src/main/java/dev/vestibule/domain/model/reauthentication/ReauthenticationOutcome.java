package dev.vestibule.domain.model.reauthentication;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Whether a signed-in user proved, just now or within the window, that they know the password. */
public sealed interface ReauthenticationOutcome {

    /**
     * The user is who the session says. {@code passwordCheckedAt} is present when a password was checked by this
     * request, so the caller opens a new window from then; empty when an open window vouched.
     */
    record Confirmed(Optional<Instant> passwordCheckedAt) implements ReauthenticationOutcome {
        public Confirmed {
            Objects.requireNonNull(passwordCheckedAt, "passwordCheckedAt");
        }
    }

    /** No password was given and the window is closed: the page asks for the current password. */
    record PasswordRequired() implements ReauthenticationOutcome {}

    /** The password given is not the user's (or the user has none, or no longer exists). */
    record WrongPassword() implements ReauthenticationOutcome {}

    /** Too many wrong passwords: this one was not even checked. */
    record Throttled(Duration retryAfter) implements ReauthenticationOutcome {
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    default boolean confirmed() {
        return this instanceof Confirmed;
    }
}
