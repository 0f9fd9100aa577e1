package dev.vestibule.domain.model.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.domain.model.password.PasswordCheck;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.Username;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LoginDecisionTests {

    private static final Instant REGISTERED_AT = Instant.parse("2025-03-01T09:00:00Z");

    private static User activeUser() {
        return User.registerWithPassword(
                new Username("alice"),
                new EmailAddress("alice@example.com"),
                new PasswordHash("{test}secret"),
                REGISTERED_AT);
    }

    @Test
    void unknownUserThenRejectedAsUnknownUser() {
        assertThat(LoginDecision.forUnknownUser())
                .isEqualTo(new LoginOutcome.Rejected(LoginOutcome.Reason.UNKNOWN_USER));
    }

    @Test
    void userWithoutPasswordThenRejectedAsNoLocalPassword() {
        assertThat(LoginDecision.forUserWithoutPassword())
                .isEqualTo(new LoginOutcome.Rejected(LoginOutcome.Reason.NO_LOCAL_PASSWORD));
    }

    @Test
    void rightPasswordThenSucceededWithTheUser() {
        User user = activeUser();

        assertThat(LoginDecision.forPassword(user, PasswordCheck.MATCHES)).isEqualTo(new LoginOutcome.Succeeded(user));
    }

    @Test
    void wrongPasswordThenRejectedAsWrongPassword() {
        assertThat(LoginDecision.forPassword(activeUser(), PasswordCheck.DOES_NOT_MATCH))
                .isEqualTo(new LoginOutcome.Rejected(LoginOutcome.Reason.WRONG_PASSWORD));
    }

    @Test
    void disabledUserWithRightPasswordThenRejectedAsDisabled() {
        assertThat(LoginDecision.forPassword(activeUser().deactivated(), PasswordCheck.MATCHES))
                .isEqualTo(new LoginOutcome.Rejected(LoginOutcome.Reason.DISABLED));
    }

    @Test
    void disabledUserWithOutdatedButRightPasswordThenRejectedAsDisabled() {
        assertThat(LoginDecision.forPassword(activeUser().deactivated(), PasswordCheck.MATCHES_BUT_OUTDATED))
                .isEqualTo(new LoginOutcome.Rejected(LoginOutcome.Reason.DISABLED));
    }

    @Test
    void disabledUserWithWrongPasswordThenRejectedAsWrongPasswordSoDisabledIsOnlyToldToWhoKnowsThePassword() {
        assertThat(LoginDecision.forPassword(activeUser().deactivated(), PasswordCheck.DOES_NOT_MATCH))
                .isEqualTo(new LoginOutcome.Rejected(LoginOutcome.Reason.WRONG_PASSWORD));
    }

    @Test
    void outdatedHashWithRightPasswordThenStillSucceeded() {
        User user = activeUser();

        assertThat(LoginDecision.forPassword(user, PasswordCheck.MATCHES_BUT_OUTDATED))
                .isEqualTo(new LoginOutcome.Succeeded(user));
    }

    @ParameterizedTest
    @MethodSource("everyRejection")
    void everyRejectionTellsTheVisitorTheSameReason(LoginOutcome outcome) {
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        LoginOutcome.Rejected.class,
                        rejected -> assertThat(rejected.publicReason())
                                .isEqualTo(LoginOutcome.PublicReason.INVALID_CREDENTIALS));
    }

    @Test
    void rejectionsForEveryReasonTellTheSameReason() {
        assertThat(LoginOutcome.Reason.values())
                .extracting(reason -> new LoginOutcome.Rejected(reason).publicReason())
                .containsOnly(LoginOutcome.PublicReason.INVALID_CREDENTIALS);
    }

    static Stream<LoginOutcome> everyRejection() {
        return Stream.of(
                LoginDecision.forUnknownUser(),
                LoginDecision.forUserWithoutPassword(),
                LoginDecision.forPassword(activeUser(), PasswordCheck.DOES_NOT_MATCH),
                LoginDecision.forPassword(activeUser().deactivated(), PasswordCheck.MATCHES),
                LoginDecision.forPassword(activeUser().deactivated(), PasswordCheck.DOES_NOT_MATCH));
    }
}
