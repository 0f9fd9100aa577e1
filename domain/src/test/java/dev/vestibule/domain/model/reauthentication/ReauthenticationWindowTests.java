package dev.vestibule.domain.model.reauthentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReauthenticationWindowTests {

    private static final Instant GIVEN = Instant.parse("2026-12-07T15:00:00Z");
    private final ReauthenticationWindow window = ReauthenticationWindow.ofDefaultLength();

    @Test
    void theDefaultIsFiveMinutes() {
        assertThat(window.length()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void openRightAfterThePasswordWasGiven() {
        assertThat(window.isOpen(Optional.of(GIVEN), GIVEN)).isTrue();
    }

    @Test
    void openJustBeforeItsLengthHasPassed() {
        assertThat(window.isOpen(
                        Optional.of(GIVEN), GIVEN.plus(Duration.ofMinutes(5)).minusMillis(1)))
                .isTrue();
    }

    @Test
    void closedOnceItsLengthHasPassed() {
        assertThat(window.isOpen(Optional.of(GIVEN), GIVEN.plus(Duration.ofMinutes(5))))
                .isFalse();
        assertThat(window.isOpen(Optional.of(GIVEN), GIVEN.plus(Duration.ofHours(3))))
                .isFalse();
    }

    @Test
    void closedWhenThisSessionNeverSawThePassword() {
        assertThat(window.isOpen(Optional.empty(), GIVEN)).isFalse();
    }

    @Test
    void aMomentSecondsAheadCountsBecauseInstancesClocksDiffer() {
        assertThat(window.isOpen(Optional.of(GIVEN), GIVEN.minusSeconds(2))).isTrue();
    }

    @Test
    void aMomentFarInTheFutureDoesNotCount() {
        assertThat(window.isOpen(Optional.of(GIVEN), GIVEN.minus(Duration.ofMinutes(1))))
                .isFalse();
    }

    @Test
    void aZeroLengthAsksEveryTime() {
        assertThat(new ReauthenticationWindow(Duration.ZERO).isOpen(Optional.of(GIVEN), GIVEN))
                .isFalse();
    }

    @Test
    void aNegativeLengthIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReauthenticationWindow(Duration.ofSeconds(-1)));
    }
}
