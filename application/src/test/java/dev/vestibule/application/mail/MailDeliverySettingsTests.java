package dev.vestibule.application.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailDeliverySettingsTests {

    private static MailDeliverySettings settings(Duration first, Duration max) {
        return new MailDeliverySettings(20, 4, Duration.ofMinutes(5), first, max, 25, Duration.ofDays(1));
    }

    @Test
    void retryAfterStartsAtTheFirstDelayAndDoublesUpToTheLongest() {
        MailDeliverySettings settings = settings(Duration.ofSeconds(30), Duration.ofHours(1));

        assertThat(settings.retryAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.retryAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.retryAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.retryAfter(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(settings.retryAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(settings.retryAfter(1_000_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> settings(Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(Duration.ZERO, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MailDeliverySettings(
                        0,
                        4,
                        Duration.ofMinutes(5),
                        Duration.ofSeconds(30),
                        Duration.ofHours(1),
                        25,
                        Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MailDeliverySettings(
                        20, 4, Duration.ZERO, Duration.ofSeconds(30), Duration.ofHours(1), 25, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
