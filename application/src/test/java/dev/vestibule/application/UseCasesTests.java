package dev.vestibule.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.fakes.FakePasswordHasher;
import dev.vestibule.application.fakes.FakeSignedInSessions;
import dev.vestibule.application.fakes.InMemoryAttemptLimiter;
import dev.vestibule.application.fakes.InMemoryKnownBrowserRepository;
import dev.vestibule.application.fakes.InMemoryLinkTokens;
import dev.vestibule.application.fakes.InMemoryMailOutbox;
import dev.vestibule.application.fakes.InMemoryRememberedBrowserRepository;
import dev.vestibule.application.fakes.InMemorySecurityEventLog;
import dev.vestibule.application.fakes.InMemoryTransactions;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.application.hashing.OffloadedPasswordHasher;
import dev.vestibule.application.rememberme.RememberMeSettings;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.linktoken.LinkLifetimes;
import dev.vestibule.domain.model.login.Credentials;
import dev.vestibule.domain.model.login.LoginOutcome;
import dev.vestibule.domain.model.password.CommonPasswords;
import dev.vestibule.domain.model.password.PasswordPolicy;
import dev.vestibule.domain.model.reauthentication.ReauthenticationWindow;
import dev.vestibule.domain.model.throttling.ThrottlePolicy;
import dev.vestibule.domain.port.in.LoginAttempt;
import dev.vestibule.domain.port.in.RegistrationCommand;
import dev.vestibule.domain.port.in.RegistrationOutcome;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class UseCasesTests {

    private static final String PASSWORD = "correct horse battery staple";

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T09:00:00Z"));
    private final UseCases useCases = new UseCases(
            new UseCases.OutPorts(
                    users,
                    new InMemoryRememberedBrowserRepository(),
                    new InMemoryKnownBrowserRepository(),
                    new InMemorySecurityEventLog(),
                    new InMemoryAttemptLimiter(clock),
                    new InMemoryLinkTokens(),
                    new InMemoryMailOutbox(),
                    new InMemoryTransactions(),
                    new FakeSignedInSessions(),
                    java.util.List.of()),
            new OffloadedPasswordHasher(new FakePasswordHasher(), Schedulers.immediate()),
            new UseCases.Settings(
                    new PasswordPolicy(
                            PasswordPolicy.DEFAULT_MINIMUM_LENGTH,
                            PasswordPolicy.DEFAULT_MAXIMUM_LENGTH,
                            CommonPasswords.of(List.of())),
                    ThrottlePolicy.DEFAULT,
                    new RememberMeSettings(Duration.ofDays(14), Duration.ofSeconds(30), 3),
                    Duration.ofDays(365),
                    Duration.ofDays(400),
                    LinkLifetimes.DEFAULT,
                    ReauthenticationWindow.ofDefaultLength(),
                    "https://vestibule.test"),
            clock,
            new SecureRandom());

    static Stream<Function<UseCases, Object>> everyInPort() {
        return Stream.of(
                UseCases::logIn,
                UseCases::registerUser,
                UseCases::rememberBrowser,
                UseCases::recognizeRememberedBrowser,
                UseCases::forgetRememberedBrowser,
                UseCases::markBrowserKnown,
                UseCases::loadCurrentUser,
                UseCases::recordSecurityEvent,
                UseCases::viewAccountActivity,
                UseCases::purgeExpiredRecords,
                // Password reset.
                UseCases::requestPasswordReset,
                UseCases::openPasswordResetLink,
                UseCases::resetPassword,
                // re-authentication, account deletion, email change
                UseCases::confirmCurrentPassword,
                UseCases::deleteAccount,
                UseCases::requestEmailChange,
                UseCases::openEmailConfirmationLink,
                UseCases::confirmEmail);
    }

    @ParameterizedTest
    @MethodSource("everyInPort")
    void everyInPortIsBuilt(Function<UseCases, Object> inPort) {
        assertThat(inPort.apply(useCases)).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("everyInPort")
    void everyInPortIsBuiltOnceAndHandedOutAgainOnEachCall(Function<UseCases, Object> inPort) {
        assertThat(inPort.apply(useCases)).isSameAs(inPort.apply(useCases));
    }

    @Test
    void useCasesShareTheOutPortsTheyAreGiven() {
        StepVerifier.create(useCases.registerUser()
                        .register(
                                new RegistrationCommand("alice", "alice@example.com", PASSWORD, PASSWORD),
                                Origin.unknown()))
                .assertNext(outcome -> assertThat(outcome).isInstanceOf(RegistrationOutcome.Registered.class))
                .verifyComplete();

        StepVerifier.create(useCases.logIn()
                        .logIn(new LoginAttempt(
                                new Credentials.Password("alice", PASSWORD), Origin.unknown(), Optional.empty())))
                .assertNext(outcome -> assertThat(outcome).isInstanceOf(LoginOutcome.Succeeded.class))
                .verifyComplete();
    }
}
