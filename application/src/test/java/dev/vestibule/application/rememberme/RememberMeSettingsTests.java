package dev.vestibule.application.rememberme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RememberMeSettingsTests {

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void lifetimeWhenNotPositiveThenRefused(long seconds) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RememberMeSettings(Duration.ofSeconds(seconds), Duration.ofSeconds(20), 3));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 301, 86_400})
    void gracePeriodWhenNegativeOrOverFiveMinutesThenRefused(long seconds) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RememberMeSettings(Duration.ofDays(14), Duration.ofSeconds(seconds), 3));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 20, 300})
    void gracePeriodFromZeroToFiveMinutesThenAllowed(long seconds) {
        assertThat(new RememberMeSettings(Duration.ofDays(14), Duration.ofSeconds(seconds), 3).rotationGracePeriod())
                .isEqualTo(Duration.ofSeconds(seconds));
    }

    // issue 13 finding 1: a few grace uses, never hundreds
    @ParameterizedTest
    @ValueSource(ints = {-1, 101})
    void graceUsesWhenNegativeOrOverTheMostThenRefused(int uses) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RememberMeSettings(Duration.ofDays(14), Duration.ofSeconds(3), uses));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 100})
    void graceUsesFromZeroToTheMostThenAllowedAndHandedToTheDomain(int uses) {
        RememberMeSettings settings = new RememberMeSettings(Duration.ofDays(14), Duration.ofSeconds(3), uses);

        assertThat(settings.rotationGrace().uses()).isEqualTo(uses);
        assertThat(settings.rotationGrace().period()).isEqualTo(Duration.ofSeconds(3));
    }
}
