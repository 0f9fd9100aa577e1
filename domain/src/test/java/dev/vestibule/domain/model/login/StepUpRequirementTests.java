package dev.vestibule.domain.model.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.vestibule.domain.model.login.StepUpRequirement.Verdict;
import dev.vestibule.domain.model.twofactor.SecondFactors;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Step-up: a second factor within the window, unless the account has none to give. */
class StepUpRequirementTests {

    private static final Instant NOW = Instant.parse("2026-12-08T02:00:00Z");
    private static final StepUpRequirement FIFTEEN_MINUTES = new StepUpRequirement(Duration.ofMinutes(15));
    private static final SecondFactors APP = new SecondFactors(true, 10, 0);
    private static final SecondFactors PASSKEY = new SecondFactors(false, 0, 1);

    @ParameterizedTest
    @EnumSource(
            value = Factor.class,
            names = {"AUTHENTICATOR_APP", "RECOVERY_CODE", "PASSKEY"})
    void judgeWhenASecondFactorWasGivenWithinTheWindowThenGranted(Factor second) {
        SignInFactors factors =
                SignInFactors.of(Factor.PASSWORD, NOW.minusSeconds(900)).plus(second, NOW.minusSeconds(899));

        assertThat(FIFTEEN_MINUTES.judge(Optional.of(factors), APP.any(), NOW)).isEqualTo(Verdict.RECENT_SECOND_FACTOR);
    }

    @Test
    void judgeWhenSignedInWithAPasskeyAloneJustNowThenGranted() {
        SignInFactors passkey = SignInFactors.of(Factor.PASSKEY, NOW.minusSeconds(60));

        assertThat(FIFTEEN_MINUTES.judge(Optional.of(passkey), PASSKEY.any(), NOW))
                .isEqualTo(Verdict.RECENT_SECOND_FACTOR);
    }

    @Test
    void judgeWhenTheSecondFactorIsOlderThanTheWindowThenStepUpNeeded() {
        SignInFactors stale = SignInFactors.of(Factor.PASSWORD, NOW.minusSeconds(3600))
                .plus(Factor.AUTHENTICATOR_APP, NOW.minus(Duration.ofMinutes(15)));

        Verdict verdict = FIFTEEN_MINUTES.judge(Optional.of(stale), APP.any(), NOW);

        assertThat(verdict).isEqualTo(Verdict.STEP_UP_NEEDED);
        assertThat(verdict.isGranted()).isFalse();
    }

    @Test
    void judgeWhenOnlyAPasswordWasGivenJustNowAndTheAccountHasASecondFactorThenStepUpNeeded() {
        // A password is no second factor, however recent (a session from before the second factor was set up).
        SignInFactors password = SignInFactors.of(Factor.PASSWORD, NOW);

        assertThat(FIFTEEN_MINUTES.judge(Optional.of(password), APP.any(), NOW)).isEqualTo(Verdict.STEP_UP_NEEDED);
    }

    @Test
    void judgeWhenARememberedBrowserOpenedTheSessionAndTheAccountHasASecondFactorThenStepUpNeeded() {
        SignInFactors cookie = SignInFactors.of(Factor.REMEMBERED_BROWSER, NOW);

        assertThat(FIFTEEN_MINUTES.judge(Optional.of(cookie), PASSKEY.any(), NOW))
                .isEqualTo(Verdict.STEP_UP_NEEDED);
    }

    @Test
    void judgeWhenNoFactorsAreKnownAndTheAccountHasASecondFactorThenStepUpNeeded() {
        assertThat(FIFTEEN_MINUTES.judge(Optional.empty(), APP.any(), NOW)).isEqualTo(Verdict.STEP_UP_NEEDED);
    }

    @Test
    void judgeWhenTheAccountHasNoSecondFactorThenGrantedWhateverTheSessionGave() {
        assertThat(FIFTEEN_MINUTES.judge(
                        Optional.of(SignInFactors.of(Factor.PASSWORD, NOW.minusSeconds(7200))),
                        SecondFactors.NONE.any(),
                        NOW))
                .isEqualTo(Verdict.NO_SECOND_FACTOR_SET_UP);
        assertThat(FIFTEEN_MINUTES
                        .judge(Optional.empty(), SecondFactors.NONE.any(), NOW)
                        .isGranted())
                .isTrue();
    }

    @Test
    void judgeWhenOnlyRecoveryCodesAreLeftThenThereIsNothingToStepUpWith() {
        // Recovery codes stand in for an app; without the app a password sign-in has no second step either.
        assertThat(FIFTEEN_MINUTES.judge(
                        Optional.of(SignInFactors.of(Factor.PASSWORD, NOW)), new SecondFactors(false, 4, 0).any(), NOW))
                .isEqualTo(Verdict.NO_SECOND_FACTOR_SET_UP);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void constructorWhenTheWindowIsNotPositiveThenRefused(long seconds) {
        assertThatIllegalArgumentException().isThrownBy(() -> new StepUpRequirement(Duration.ofSeconds(seconds)));
    }
}
