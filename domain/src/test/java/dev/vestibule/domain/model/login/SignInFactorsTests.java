package dev.vestibule.domain.model.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignInFactorsTests {

    private static final Instant AT = Instant.parse("2026-12-08T01:00:00Z");

    @Test
    void aPasswordAloneIsOneFactor() {
        SignInFactors password = SignInFactors.of(Factor.PASSWORD, AT);

        assertThat(password.isMultiFactor()).isFalse();
        assertThat(password.secondFactorWithin(Duration.ofMinutes(10), AT)).isFalse();
    }

    @Test
    void aPasswordAndAnAppCodeAreMultiFactorInTheOrderGiven() {
        SignInFactors both = SignInFactors.of(Factor.PASSWORD, AT).plus(Factor.AUTHENTICATOR_APP, AT.plusSeconds(20));

        assertThat(both.isMultiFactor()).isTrue();
        assertThat(both.factors()).containsExactly(Factor.PASSWORD, Factor.AUTHENTICATOR_APP);
        assertThat(both.givenAt(Factor.AUTHENTICATOR_APP)).contains(AT.plusSeconds(20));
    }

    @Test
    void aPasskeyOnItsOwnIsMultiFactorBecauseItVerifiedTheUser() {
        assertThat(SignInFactors.of(Factor.PASSKEY, AT).isMultiFactor()).isTrue();
    }

    @Test
    void aRememberedBrowserIsNotMultiFactor() {
        assertThat(SignInFactors.of(Factor.REMEMBERED_BROWSER, AT).isMultiFactor())
                .isFalse();
    }

    @Test
    void stepUpAsksForASecondFactorWithinTheWindow() {
        SignInFactors both = SignInFactors.of(Factor.PASSWORD, AT).plus(Factor.RECOVERY_CODE, AT);

        assertThat(both.secondFactorWithin(Duration.ofMinutes(5), AT.plus(Duration.ofMinutes(4))))
                .isTrue();
        assertThat(both.secondFactorWithin(Duration.ofMinutes(5), AT.plus(Duration.ofMinutes(5))))
                .isFalse();
        assertThat(both.secondFactorWithin(Duration.ofMinutes(5), AT.minus(Duration.ofMinutes(1))))
                .as("a moment far in the future is not believed")
                .isFalse();
    }

    @Test
    void givingAFactorAgainReplacesItsMoment() {
        SignInFactors again = SignInFactors.of(Factor.PASSWORD, AT).plus(Factor.PASSWORD, AT.plusSeconds(60));

        assertThat(again.proofs()).containsExactly(new SignInFactors.Proof(Factor.PASSWORD, AT.plusSeconds(60)));
    }

    @Test
    void theSerializedFormReadsBackUnchanged() {
        SignInFactors both = SignInFactors.of(Factor.PASSWORD, AT).plus(Factor.PASSKEY, AT.plusMillis(1500));

        assertThat(both.serialized()).isEqualTo("PASSWORD@2026-12-08T01:00:00Z;PASSKEY@2026-12-08T01:00:01.500Z");
        assertThat(SignInFactors.parse(both.serialized())).contains(both);
    }

    @Test
    void anUnreadableFormIsEmptyNotAnError() {
        for (String stored : List.of(
                "",
                " ",
                "PASSWORD",
                "@2026-12-08T01:00:00Z",
                "TELEPATHY@2026-12-08T01:00:00Z",
                "PASSWORD@yesterday",
                "PASSWORD@2026-12-08T01:00:00Z;")) {
            assertThat(SignInFactors.parse(stored)).as(stored).isEmpty();
        }
        assertThat(SignInFactors.parse(null)).isEmpty();
    }

    @Test
    void aSignInRestsOnAtLeastOneFactor() {
        assertThatThrownBy(() -> new SignInFactors(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
