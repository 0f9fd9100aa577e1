package dev.vestibule.domain.port.in;

import java.io.Serial;
import java.time.Duration;
import java.util.Objects;

/**
 * A login or sign-up that could not be checked now because every password-hashing thread is busy and its
 * queue is full: an overload of the service, not a failed attempt, so it counts against nobody's limits.
 * The caller answers "try again in {@link #retryAfter()}" at once rather than letting the request wait.
 */
public final class PasswordHashingBusyException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public PasswordHashingBusyException(Duration retryAfter) {
        super("Password hashing is at capacity", null, false, false);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
