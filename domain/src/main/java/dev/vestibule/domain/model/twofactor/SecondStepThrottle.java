package dev.vestibule.domain.model.twofactor;

import dev.vestibule.domain.model.throttling.AttemptLimit;
import java.time.Duration;

/**
 * How many wrong second steps an account gets, counted across every pending login of the account (a new password
 * login does not buy new guesses): 10 at once, then one an hour.
 *
 * <p>Why these figures: with one step of drift each way, a guessed 6-digit code hits one of 3 valid codes in
 * 1,000,000, so each guess succeeds with p = 3e-6. An attacker who already has the password gets 10 + 24 guesses in
 * the first day (odds about 1 in 10,000), 10 + 720 in 30 days (about 0.22 %) and 10 + 8,760 in a year (about 2.6 %),
 * and the user is mailed nothing yet sees every failure on the activity page. Twelve wrong codes in a row are always
 * refused from the eleventh on, however fast or slow they come within an hour; the right code is then refused too,
 * or the lock would only slow guessing instead of stopping it. NIST SP 800-63B (5.2.2) allows at most 100
 * consecutive failures; this stays far below.
 */
public final class SecondStepThrottle {

    /** The default allowance: 10 failures, then one more per hour. */
    public static final AttemptLimit DEFAULT = new AttemptLimit("second-step", 10, Duration.ofHours(1));

    /** Valid codes at any moment: the current step and one step of drift each way. */
    public static final int VALID_CODES = 2 * Totp.DRIFT_STEPS + 1;

    private SecondStepThrottle() {}

    /** How many guesses {@code limit} allows within {@code period}, from a full bucket. */
    public static long guessesWithin(AttemptLimit limit, Duration period) {
        return limit.capacity() + period.toSeconds() / limit.refillEvery().toSeconds();
    }

    /** The chance that {@code guesses} random 6-digit codes hit a valid one (at most; union bound). */
    public static double oddsOfGuessing(long guesses) {
        return Math.min(1.0, guesses * (double) VALID_CODES / Math.pow(10, Totp.DIGITS));
    }
}
