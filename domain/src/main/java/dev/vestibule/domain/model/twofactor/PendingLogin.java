package dev.vestibule.domain.model.twofactor;

import dev.vestibule.domain.model.login.Factor;
import dev.vestibule.domain.model.login.SignInFactors;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A sign-in half done: the password was right, the second step is still to come. It is not a signed-in session: it
 * opens no page but the second step, and it lapses after {@link #LIFETIME}, or as soon as the user's security stamp
 * changes (password changed or reset, "log out everywhere else").
 *
 * @param factorsSoFar what was proven already (the password, and when)
 */
public record PendingLogin(UserId userId, SecurityStamp securityStamp, SignInFactors factorsSoFar, Instant startedAt) {

    /** How long the second step may take: long enough to find the phone, short enough not to linger (5 minutes). */
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    public PendingLogin {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(securityStamp, "securityStamp");
        Objects.requireNonNull(factorsSoFar, "factorsSoFar");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public Instant expiresAt() {
        return startedAt.plus(LIFETIME);
    }

    /** Whether the second step may still be taken at {@code now}. */
    public boolean isOpenAt(Instant now) {
        return now.isBefore(expiresAt());
    }

    /** The factors of the finished sign-in, once {@code proof} passed the second step at {@code at}. */
    public SignInFactors completedWith(Factor proof, Instant at) {
        if (!proof.isSecondFactor()) {
            throw new IllegalArgumentException(proof + " is not a second factor");
        }
        return factorsSoFar.plus(proof, at);
    }
}
