package dev.vestibule.domain.model.reauthentication;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a password given in this session vouches for the user before a sensitive change (changing the email
 * address, deleting the account): within the window the page does not ask for it again (GitHub's "sudo mode").
 * A zero length asks every time.
 *
 * <p>A moment a little in the future still counts: instances of one deployment stamp and read the session with
 * clocks that differ by milliseconds, and the moment is written only by the service itself.
 */
public record ReauthenticationWindow(Duration length) {

    /** What ASVS 5.0 and GitHub use: five minutes. */
    public static final Duration DEFAULT_LENGTH = Duration.ofMinutes(5);

    /** How far apart the clocks of two instances may be. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    public ReauthenticationWindow {
        Objects.requireNonNull(length, "length");
        if (length.isNegative()) {
            throw new IllegalArgumentException("the re-authentication window must not be negative, was " + length);
        }
    }

    public static ReauthenticationWindow ofDefaultLength() {
        return new ReauthenticationWindow(DEFAULT_LENGTH);
    }

    /** Whether a password given at {@code passwordGivenAt} (if ever) still vouches for the user at {@code now}. */
    public boolean isOpen(Optional<Instant> passwordGivenAt, Instant now) {
        Objects.requireNonNull(passwordGivenAt, "passwordGivenAt");
        Objects.requireNonNull(now, "now");
        return passwordGivenAt
                .filter(given -> !given.isAfter(now.plus(CLOCK_SKEW)) && now.isBefore(given.plus(length)))
                .isPresent();
    }
}
