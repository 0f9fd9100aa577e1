package dev.vestibule.domain.model.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.domain.model.throttling.ThrottleKeys;
import dev.vestibule.domain.model.user.UserId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The allowance of wrong second steps: small enough that a 6-digit code cannot be guessed, counted per account. */
class SecondStepThrottleTests {

    @Test
    void twelveWrongCodesWithinAnHourCertainlyLockTheStep() {
        var limit = SecondStepThrottle.DEFAULT;
        // Within an hour a full bucket lets through its capacity and at most one refilled attempt.
        long allowedWithinAnHour = limit.capacity()
                + Duration.ofHours(1).minusNanos(1).toSeconds()
                        / limit.refillEvery().toSeconds()
                + 1;

        assertThat(limit.capacity()).isEqualTo(10);
        assertThat(allowedWithinAnHour).isEqualTo(11).isLessThan(12);
    }

    @Test
    void guessingOddsStayLowForADayAMonthAndAYear() {
        var limit = SecondStepThrottle.DEFAULT;

        assertThat(SecondStepThrottle.guessesWithin(limit, Duration.ofDays(1))).isEqualTo(34);
        assertThat(SecondStepThrottle.oddsOfGuessing(SecondStepThrottle.guessesWithin(limit, Duration.ofDays(1))))
                .isLessThan(1.1e-4);
        assertThat(SecondStepThrottle.oddsOfGuessing(SecondStepThrottle.guessesWithin(limit, Duration.ofDays(30))))
                .isLessThan(0.0025);
        assertThat(SecondStepThrottle.oddsOfGuessing(SecondStepThrottle.guessesWithin(limit, Duration.ofDays(365))))
                .isLessThan(0.03);
    }

    @Test
    void oneBucketPerAccountInANamespaceOfItsOwn() {
        UserId user = UserId.random();

        assertThat(ThrottleKeys.secondStep(user)).isEqualTo("second-step:" + user);
        assertThat(ThrottleKeys.secondStep(user))
                .isNotEqualTo(ThrottleKeys.account(user, "ada"))
                .isNotEqualTo(ThrottleKeys.account(user, "ada@example.com"));
    }
}
