package dev.vestibule.domain.model.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.domain.model.login.Factor;
import dev.vestibule.domain.model.login.SignInFactors;
import dev.vestibule.domain.model.user.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** (issue 14) What a stored session says of how it signed in. */
class SignedInSessionTests {

    private static final Instant CREATED = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant SIGNED_IN = Instant.parse("2026-12-01T08:00:05Z");

    @Test
    void fromAttributesReadsTheFactorsTheSessionKeeps() {
        SignInFactors factors =
                SignInFactors.of(Factor.PASSWORD, SIGNED_IN).plus(Factor.RECOVERY_CODE, SIGNED_IN.plusSeconds(30));

        SignedInSession session = read(Map.of(
                SessionAttributes.SIGNED_IN_AT, SIGNED_IN.toString(),
                SessionAttributes.SIGN_IN_FACTORS, factors.serialized()));

        assertThat(session.factors()).isEqualTo(factors);
    }

    @Test
    void fromAttributesWhenASessionFromBeforeFactorsWereKeptThenItSignedInWithItsPasswordWhenItSignedIn() {
        SignedInSession session = read(Map.of(SessionAttributes.SIGNED_IN_AT, SIGNED_IN.toString()));

        assertThat(session.factors()).isEqualTo(SignInFactors.of(Factor.PASSWORD, SIGNED_IN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "FINGERPRINT@2026-12-01T08:00:05Z", "PASSWORD@yesterday"})
    void fromAttributesWhenTheFactorsAreUnreadableThenPassword(String stored) {
        var attributes = new HashMap<String, Object>();
        attributes.put(SessionAttributes.SIGN_IN_FACTORS, stored);

        assertThat(read(attributes).factors()).isEqualTo(SignInFactors.of(Factor.PASSWORD, CREATED));
    }

    @Test
    void fromAttributesWhenTheFactorsAreNoTextThenPassword() {
        assertThat(read(Map.of(SessionAttributes.SIGN_IN_FACTORS, 42)).factors())
                .isEqualTo(SignInFactors.of(Factor.PASSWORD, CREATED));
    }

    private static SignedInSession read(Map<String, ?> attributes) {
        return SignedInSession.fromAttributes("id-1", UserId.random(), attributes::get, CREATED, CREATED);
    }
}
