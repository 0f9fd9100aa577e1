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
                .isThrownBy(() -> new RememberMeSettings(Duration.ofSeconds(seconds), Duration.ofSeconds(20)));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 301, 86_400})
    void gracePeriodWhenNegativeOrOverFiveMinutesThenRefused(long seconds) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RememberMeSettings(Duration.ofDays(14), Duration.ofSeconds(seconds)));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 20, 300})
    void gracePeriodFromZeroToFiveMinutesThenAllowed(long seconds) {
        assertThat(new RememberMeSettings(Duration.ofDays(14), Duration.ofSeconds(seconds)).rotationGracePeriod())
                .isEqualTo(Duration.ofSeconds(seconds));
    }
}
