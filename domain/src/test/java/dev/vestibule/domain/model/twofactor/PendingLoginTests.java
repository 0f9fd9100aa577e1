package dev.vestibule.domain.model.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vestibule.domain.model.login.Factor;
import dev.vestibule.domain.model.login.SignInFactors;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PendingLoginTests {

    private static final Instant STARTED = Instant.parse("2026-12-08T01:00:00Z");
    private final PendingLogin pending = new PendingLogin(
            UserId.random(), SecurityStamp.random(), SignInFactors.of(Factor.PASSWORD, STARTED), STARTED);

    @Test
    void theSecondStepStaysOpenForFiveMinutes() {
        assertThat(pending.isOpenAt(STARTED.plus(Duration.ofMinutes(5)).minusMillis(1)))
                .isTrue();
        assertThat(pending.isOpenAt(STARTED.plus(Duration.ofMinutes(5)))).isFalse();
        assertThat(pending.expiresAt()).isEqualTo(STARTED.plus(PendingLogin.LIFETIME));
    }

    @Test
    void passingTheSecondStepAddsItsFactorToThePassword() {
        SignInFactors done = pending.completedWith(Factor.AUTHENTICATOR_APP, STARTED.plusSeconds(30));

        assertThat(done.factors()).containsExactly(Factor.PASSWORD, Factor.AUTHENTICATOR_APP);
        assertThat(done.isMultiFactor()).isTrue();
    }

    @Test
    void onlyASecondFactorCompletesIt() {
        assertThatThrownBy(() -> pending.completedWith(Factor.REMEMBERED_BROWSER, STARTED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pending.completedWith(Factor.PASSWORD, STARTED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
