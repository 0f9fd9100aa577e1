package dev.vestibule.domain.model.login;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Step-up: what a page that needs "a second factor within N minutes" asks of a signed-in session (Spring Security 7's
 * factor vocabulary: which factors, when). A user who has no second factor set up cannot step up and passes; a user
 * who has one must have given it (an authenticator code, a recovery code or a passkey, passkey sign-ins included)
 * within the window.
 *
 * @param window how recent the second factor must be
 */
public record StepUpRequirement(Duration window) {

    /** The answer for one request. */
    public enum Verdict {
        /** A second factor was given within the window. */
        RECENT_SECOND_FACTOR,
        /** The account has no second factor: there is nothing to step up with, so the page is open to it. */
        NO_SECOND_FACTOR_SET_UP,
        /** The account has a second factor, but this session has not given it within the window. */
        STEP_UP_NEEDED;

        public boolean isGranted() {
            return this != STEP_UP_NEEDED;
        }
    }

    public StepUpRequirement {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the step-up window must be positive, was " + window);
        }
    }

    /**
     * @param factors                what the session signed in with (empty: none known, as for a session from before
     *                               they were kept)
     * @param accountHasSecondFactor whether the account has one set up now ({@code SecondFactors.any()}: an
     *                               authenticator app or a passkey)
     */
    public Verdict judge(Optional<SignInFactors> factors, boolean accountHasSecondFactor, Instant now) {
        Objects.requireNonNull(factors, "factors");
        Objects.requireNonNull(now, "now");
        if (factors.filter(given -> given.secondFactorWithin(window, now)).isPresent()) {
            return Verdict.RECENT_SECOND_FACTOR;
        }
        return accountHasSecondFactor ? Verdict.STEP_UP_NEEDED : Verdict.NO_SECOND_FACTOR_SET_UP;
    }
}
