package dev.vestibule.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vestibule.adapters.web.security.StepUp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** (issue 14) The password minimums and the step-up settings, as operators write them. */
class PasswordAndStepUpSettingsTests {

    @Test
    void passwordMinimumsDefaultToNistRevisionFour() {
        VestibuleProperties.Password password = bind(Map.of()).password();

        assertThat(password.effectiveMinimumLength()).isEqualTo(15);
        assertThat(password.minimumLengthWithSecondFactor()).isEqualTo(8);
    }

    @Test
    void passwordMinimumsAreConfigurableAndTheOldNameIsHonouredUntilTheNewOneIsSet() {
        assertThat(bind(Map.of(
                                "vestibule.password.minimum-length", "20",
                                "vestibule.password.minimum-length-with-second-factor", "10"))
                        .password())
                .satisfies(password -> {
                    assertThat(password.effectiveMinimumLength()).isEqualTo(20);
                    assertThat(password.minimumLengthWithSecondFactor()).isEqualTo(10);
                });
        assertThat(bind(Map.of("vestibule.password.min-length", "18"))
                        .password()
                        .effectiveMinimumLength())
                .isEqualTo(18);
        assertThat(bind(Map.of("vestibule.password.min-length", "18", "vestibule.password.minimum-length", "16"))
                        .password()
                        .effectiveMinimumLength())
                .isEqualTo(16);
    }

    @Test
    void passwordMinimumsBelowEightOrOnItsOwnBelowTheOtherRefuseToStart() {
        var configuration = new UseCaseConfiguration();
        for (Map<String, String> wrong : List.of(
                Map.of("vestibule.password.minimum-length-with-second-factor", "7"),
                Map.of("vestibule.password.minimum-length", "7"),
                Map.of(
                        "vestibule.password.minimum-length", "9",
                        "vestibule.password.minimum-length-with-second-factor", "10"))) {
            assertThatThrownBy(() -> configuration.passwordPolicy(bind(wrong)))
                    .as(wrong.toString())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("vestibule.password.minimum-length");
        }
        assertThat(configuration.passwordPolicy(bind(Map.of())).minimumLength()).isEqualTo(15);
    }

    @Test
    void stepUpDefaultsToFifteenMinutesAndNoPage() {
        StepUp stepUp = new StepUpConfiguration().stepUp(bindStepUp(Map.of()));

        assertThat(stepUp.window()).isEqualTo(Duration.ofMinutes(15));
        assertThat(stepUp.paths()).isEmpty();
    }

    @Test
    void stepUpWindowAndPathsAreConfigurable() {
        StepUp stepUp = new StepUpConfiguration()
                .stepUp(bindStepUp(Map.of(
                        "vestibule.two-factor.step-up-window", "5m",
                        "vestibule.two-factor.step-up-paths", "/account/delete,/admin/**")));

        assertThat(stepUp.window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(stepUp.paths()).containsExactly("/account/delete", "/admin/**");
    }

    private static VestibuleProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("vestibule", VestibuleProperties.class);
    }

    private static StepUpConfiguration.StepUpProperties bindStepUp(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("vestibule.two-factor", StepUpConfiguration.StepUpProperties.class);
    }
}
