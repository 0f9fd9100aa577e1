package dev.vestibule.application.login;

import static dev.vestibule.application.fakes.SchedulerSaturation.saturate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.application.fakes.FakePasswordHasher;
import dev.vestibule.application.fakes.InMemoryAttemptLimiter;
import dev.vestibule.application.fakes.InMemoryKnownBrowserRepository;
import dev.vestibule.application.fakes.InMemorySecurityEventLog;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.application.hashing.OffloadedPasswordHasher;
import dev.vestibule.application.throttling.LoginThrottle;
import dev.vestibule.application.twofactor.LoadSecondFactorsService;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.login.Credentials;
import dev.vestibule.domain.model.login.LoginOutcome;
import dev.vestibule.domain.model.password.PasswordCheck;
import dev.vestibule.domain.model.password.PasswordPolicy;
import dev.vestibule.domain.model.throttling.ThrottlePolicy;
import dev.vestibule.domain.model.twofactor.SecondFactors;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.ExternalIdentity;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.in.LoginAttempt;
import dev.vestibule.domain.port.in.PasswordHashingBusyException;
import dev.vestibule.domain.port.out.AddUserResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class LogInServiceTests {

    private static final long SEED = 0x5EED_0101L;
    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final String PASSWORD = "correct horse battery staple";
    private static final ExternalIdentity GITHUB = new ExternalIdentity("github", "583231");

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final FakePasswordHasher passwordHasher = new FakePasswordHasher();
    private final MutableClock clock = new MutableClock(NOW);
    private final InMemorySecurityEventLog events = new InMemorySecurityEventLog();
    private final LogInService service = new LogInService(
            users,
            new OffloadedPasswordHasher(passwordHasher, Schedulers.immediate()),
            new LoginThrottle(
                    new InMemoryAttemptLimiter(clock),
                    new InMemoryKnownBrowserRepository(),
                    ThrottlePolicy.DEFAULT,
                    clock),
            new SecurityEvents(events, clock),
            new LoadSecondFactorsService(List.of()));

    @Test
    void loginWithUsernameAndRightPasswordThenSucceeded() {
        User alice = storedWithPassword("alice", "alice@example.com", PASSWORD);

        StepVerifier.create(service.logIn(attemptOf(new Credentials.Password("alice", PASSWORD))))
                .expectNext(new LoginOutcome.Succeeded(alice))
                .verifyComplete();
    }

    @Test
    void loginWhenTheUserHasASecondFactorThenTheRightPasswordOnlyOpensTheSecondStep() {
        User alice = storedWithPassword("alice", "alice@example.com", PASSWORD);
        SecondFactors app = new SecondFactors(true, 10, 0);
        LogInService withApp = new LogInService(
                users,
                new OffloadedPasswordHasher(passwordHasher, Schedulers.immediate()),
                new LoginThrottle(
                        new InMemoryAttemptLimiter(clock),
                        new InMemoryKnownBrowserRepository(),
                        ThrottlePolicy.DEFAULT,
                        clock),
                new SecurityEvents(events, clock),
                new LoadSecondFactorsService(List.of(userId -> Mono.just(app))));

        StepVerifier.create(withApp.logIn(attemptOf(new Credentials.Password("alice", PASSWORD))))
                .expectNext(new LoginOutcome.SecondStepRequired(alice))
                .verifyComplete();
        assertThat(events.types())
                .as("the sign-in is recorded once the second step passes")
                .doesNotContain(SecurityEventType.LOGIN_SUCCEEDED);
        StepVerifier.create(withApp.logIn(attemptOf(new Credentials.Password("alice", "wrong"))))
                .expectNext(new LoginOutcome.Rejected(LoginOutcome.Reason.WRONG_PASSWORD))
                .verifyComplete();
    }

    @Test
    void loginWithEmailAndRightPasswordThenSucceeded() {
        User alice = storedWithPassword("alice", "alice@example.com", PASSWORD);

        StepVerifier.create(service.logIn(attemptOf(new Credentials.Password("alice@example.com", PASSWORD))))
                .expectNext(new LoginOutcome.Succeeded(alice))
                .verifyComplete();
    }

    @ParameterizedTest
    @MethodSource("generatedCaseVariantsOfUsernameAndEmail")
    void loginWithUsernameOrEmailInAnyCaseThenSucceeded(String login) {
        User alice = storedWithPassword("Alice.Smith", "alice.smith@example.com", PASSWORD);

        StepVerifier.create(service.logIn(attemptOf(new Credentials.Password(login, PASSWORD))))
                .expectNext(new LoginOutcome.Succeeded(alice))
                .verifyComplete();
    }

    @ParameterizedTest
    @ValueSource(strings = {"  alice", "alice  ", " \talice\n", "  ALICE@Example.com ", "\u2003alice@example.com"})
    void loginWithSurroundingBlanksThenSucceeded(String login) {
        User alice = storedWithPassword("alice", "alice@example.com", PASSWORD);

        StepVerifier.create(service.logIn(attemptOf(new Credentials.Password(login, PASSWORD))))
                .expectNext(new LoginOutcome.Succeeded(alice))
                .verifyComplete();
    }

    @Test
    void loginWhenPasswordTypedInAnotherUnicodeFormThenSucceeded() {
        User alice = storedWithPassword("alice", "alice@example.com", "caf\u00E9 au lait, s'il vous pla\u00EEt");

        StepVerifier.create(service.logIn(
                        attemptOf(new Credentials.Password("alice", "cafe\u0301 au lait, s'il vous plai\u0302t"))))
                .expectNext(new LoginOutcome.Succeeded(alice))
                .verifyComplete();
    }

    @Test
    void loginWhenPasswordWrongThenRejectedForWrongPasswordWithSameMessageAsUnknownUser() {
        storedWithPassword("alice", "alice@example.com", PASSWORD);

        StepVerifier.create(
                        service.logIn(attemptOf(new Credentials.Password("alice", "correct horse battery stapler"))))
                .assertNext(outcome -> assertRejected(outcome, LoginOutcome.Reason.WRONG_PASSWORD))
                .verifyComplete();
    }

    @Test
    void loginWhenPasswordDiffersOnlyInCaseThenRejected() {
        storedWithPassword("alice", "alice@example.com", PASSWORD);

        StepVerifier.create(
                        service.logIn(attemptOf(new Credentials.Password("alice", PASSWORD.toUpperCase(Locale.ROOT)))))
                .assertNext(outcome -> assertRejected(outcome, LoginOutcome.Reason.WRONG_PASSWORD))
                .verifyComplete();
    }

    @Test
    void loginWhenUnknownUserThenRejectedForUnknownUserWithSameMessage() {
        storedWithPassword("alice", "alice@example.com", PASSWORD);

        StepVerifier.create(service.logIn(attemptOf(new Credentials.Password("mallory", PASSWORD))))
                .assertNext(outcome -> assertRejected(outcome, LoginOutcome.Reason.UNKNOWN_USER))
                .verifyComplete();
    }

    @Test
    void loginWhenUnknownUserThenStillSpendsOneVerification() {
        StepVerifier.create(service.logIn(attemptOf(new Credentials.Password("mallory", PASSWORD))))
                .assertNext(outcome -> assertRejected(outcome, LoginOutcome.Reason.UNKNOWN_USER))
                .verifyComplete();

        assertThat(passwordHasher.verifications()).isEqualTo(1);
    }

    @Test
    void loginWhenKnownUserThenSpendsOneVerificationToo() {
        storedWithPassword("alice", "alice@example.com", PASSWORD);

        StepVerifier.create(service.logIn(attemptOf(new Credentials.Password("alice", "wrong password"))))
                .expectNextCount(1)
                .verifyComplete();

        assertThat(passwordHasher.verifications()).isEqualTo(1);
    }

    @Test
    void loginWhenUserDisabledAndPasswordRightThenRejectedAsDisabledWithSameMessage() {
        User alice = storedWithPassword("alice", "alice@example.com", PASSWORD);
        users.replace(alice.deactivated());

        StepVerifier.create(service.logIn(attemptOf(new Credentials.Password("alice", PASSWORD))))
                .assertNext(outcome -> assertRejected(outcome, LoginOutcome.Reason.DISABLED))
                .verifyComplete();
    }

    @Test
    void loginWhenUserDisabledAndPasswordWrongThenRejectedForWrongPassword() {
        User alice = storedWithPassword("alice", "alice@example.com", PASSWORD);
        users.replace(alice.deactivated());

        StepVerifier.create(service.logIn(attemptOf(new Credentials.Password("alice", "wrong password"))))
                .assertNext(outcome -> assertRejected(outcome, LoginOutcome.Reason.WRONG_PASSWORD))
                .verifyComplete();
    }

    @Test
    void loginWhenUserHasNoPasswordThenRejectedWithSameMessageAfterOneVerification() {
        stored(User.registerWithExternalIdentity(
                new Username("alice"), new EmailAddress("alice@example.com"), GITHUB, NOW));

        StepVerifier.create(service.logIn(attemptOf(new Credentials.Password("alice", PASSWORD))))
                .assertNext(outcome -> assertRejected(outcome, LoginOutcome.Reason.NO_LOCAL_PASSWORD))
                .verifyComplete();

        assertThat(passwordHasher.verifications()).isEqualTo(1);
    }

    @Test
    void loginWhenHashOutdatedThenSucceededAndHashUpgradedToCurrentGeneration() {
        User alice = storedWithPassword("alice", "alice@example.com", PASSWORD);
        PasswordHash outdated = alice.passwordHash().orElseThrow();
        passwordHasher.outdateExistingHashes();

        StepVerifier.create(service.logIn(attemptOf(new Credentials.Password("alice", PASSWORD))))
                .expectNext(new LoginOutcome.Succeeded(alice))
                .verifyComplete();

        StepVerifier.create(users.findById(alice.id()))
                .assertNext(stored -> {
                    PasswordHash upgraded = stored.passwordHash().orElseThrow();
                    assertThat(upgraded).isNotEqualTo(outdated);
                    assertThat(passwordHasher.verify(PASSWORD, upgraded)).isEqualTo(PasswordCheck.MATCHES);
                })
                .verifyComplete();
    }

    @Test
    void loginWhenHashOutdatedAndPasswordWrongThenHashNotUpgraded() {
        User alice = storedWithPassword("alice", "alice@example.com", PASSWORD);
        PasswordHash outdated = alice.passwordHash().orElseThrow();
        passwordHasher.outdateExistingHashes();

        StepVerifier.create(service.logIn(attemptOf(new Credentials.Password("alice", "wrong password"))))
                .assertNext(outcome -> assertRejected(outcome, LoginOutcome.Reason.WRONG_PASSWORD))
                .verifyComplete();

        assertStoredHash(alice, outdated);
    }

    @Test
    void loginWhenHashOutdatedAndUserDisabledThenHashNotUpgraded() {
        User alice = storedWithPassword("alice", "alice@example.com", PASSWORD);
        PasswordHash outdated = alice.passwordHash().orElseThrow();
        users.replace(alice.deactivated());
        passwordHasher.outdateExistingHashes();

        StepVerifier.create(service.logIn(attemptOf(new Credentials.Password("alice", PASSWORD))))
                .assertNext(outcome -> assertRejected(outcome, LoginOutcome.Reason.DISABLED))
                .verifyComplete();

        assertStoredHash(alice, outdated);
    }

    @Test
    void loginWhenHashCurrentThenHashLeftAsIs() {
        User alice = storedWithPassword("alice", "alice@example.com", PASSWORD);

        StepVerifier.create(service.logIn(attemptOf(new Credentials.Password("alice", PASSWORD))))
                .expectNext(new LoginOutcome.Succeeded(alice))
                .verifyComplete();

        assertStoredHash(alice, alice.passwordHash().orElseThrow());
    }

    @Test
    void loginWithKnownExternalIdentityThenSucceeded() {
        User alice = stored(User.registerWithExternalIdentity(
                new Username("alice"), new EmailAddress("alice@example.com"), GITHUB, NOW));

        StepVerifier.create(service.logIn(attemptOf(new Credentials.External(GITHUB))))
                .expectNext(new LoginOutcome.Succeeded(alice))
                .verifyComplete();
    }

    @Test
    void loginWithUnknownExternalIdentityThenRejectedForUnknownUser() {
        stored(User.registerWithExternalIdentity(
                new Username("alice"), new EmailAddress("alice@example.com"), GITHUB, NOW));

        StepVerifier.create(
                        service.logIn(attemptOf(new Credentials.External(new ExternalIdentity("github", "999999")))))
                .assertNext(outcome -> assertRejected(outcome, LoginOutcome.Reason.UNKNOWN_USER))
                .verifyComplete();
    }

    @Test
    void loginWithSameSubjectAtAnotherProviderThenRejectedForUnknownUser() {
        stored(User.registerWithExternalIdentity(
                new Username("alice"), new EmailAddress("alice@example.com"), GITHUB, NOW));

        StepVerifier.create(service.logIn(
                        attemptOf(new Credentials.External(new ExternalIdentity("gitlab", GITHUB.subject())))))
                .assertNext(outcome -> assertRejected(outcome, LoginOutcome.Reason.UNKNOWN_USER))
                .verifyComplete();
    }

    @Test
    void loginWithExternalIdentityOfDisabledUserThenRejectedAsDisabled() {
        User alice = stored(User.registerWithExternalIdentity(
                new Username("alice"), new EmailAddress("alice@example.com"), GITHUB, NOW));
        users.replace(alice.deactivated());

        StepVerifier.create(service.logIn(attemptOf(new Credentials.External(GITHUB))))
                .assertNext(outcome -> assertRejected(outcome, LoginOutcome.Reason.DISABLED))
                .verifyComplete();
    }

    private static void assertRejected(LoginOutcome outcome, LoginOutcome.Reason reason) {
        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(reason);
            assertThat(rejected.publicReason()).isEqualTo(LoginOutcome.PublicReason.INVALID_CREDENTIALS);
        });
    }

    private void assertStoredHash(User user, PasswordHash expected) {
        StepVerifier.create(users.findById(user.id())
                        .map(stored -> stored.passwordHash().orElseThrow()))
                .expectNext(expected)
                .verifyComplete();
    }

    /** A user whose hash was made as registration makes it: from the normalized password. */
    @Test
    void loginWhenHashingIsAtCapacityThenBusyAndTheAttemptCountsAgainstNobody() {
        User alice = storedWithPassword("alice", "alice@example.com", PASSWORD);
        var limiter = new InMemoryAttemptLimiter(clock);
        var knownBrowsers = new InMemoryKnownBrowserRepository();
        Scheduler saturated = Schedulers.newBoundedElastic(1, 1, "vestibule-test-saturated");
        CountDownLatch release = new CountDownLatch(1);
        try {
            saturate(saturated, release);
            var overloaded = new LogInService(
                    users,
                    new OffloadedPasswordHasher(passwordHasher, saturated),
                    new LoginThrottle(limiter, knownBrowsers, ThrottlePolicy.DEFAULT, clock),
                    new SecurityEvents(events, clock),
                    new LoadSecondFactorsService(List.of()));
            int moreThanTheAccountAllows = ThrottlePolicy.DEFAULT.perAccount().capacity() + 1;

            for (int i = 0; i < moreThanTheAccountAllows; i++) {
                StepVerifier.create(overloaded.logIn(attemptOf(new Credentials.Password("alice", "wrong " + i))))
                        .expectError(PasswordHashingBusyException.class)
                        .verify(Duration.ofSeconds(5));
            }

            var recovered = new LogInService(
                    users,
                    new OffloadedPasswordHasher(passwordHasher, Schedulers.immediate()),
                    new LoginThrottle(limiter, knownBrowsers, ThrottlePolicy.DEFAULT, clock),
                    new SecurityEvents(events, clock),
                    new LoadSecondFactorsService(List.of()));
            StepVerifier.create(recovered.logIn(attemptOf(new Credentials.Password("alice", PASSWORD))))
                    .expectNext(new LoginOutcome.Succeeded(alice))
                    .verifyComplete();
        } finally {
            release.countDown();
            saturated.dispose();
        }
    }

    private User storedWithPassword(String username, String email, String password) {
        return stored(User.registerWithPassword(
                new Username(username),
                new EmailAddress(email),
                passwordHasher.hash(PasswordPolicy.normalize(password)),
                NOW));
    }

    private User stored(User user) {
        StepVerifier.create(users.add(user))
                .expectNext(new AddUserResult.Added(user))
                .verifyComplete();
        return user;
    }

    static Stream<String> generatedCaseVariantsOfUsernameAndEmail() {
        Random random = new Random(SEED);
        return IntStream.range(0, 30).mapToObj(i -> {
            String login = random.nextBoolean() ? "alice.smith" : "alice.smith@example.com";
            StringBuilder variant = new StringBuilder(login.length());
            login.chars().forEach(c -> variant.append((char) (random.nextBoolean() ? Character.toUpperCase(c) : c)));
            return variant.toString();
        });
    }

    /** A login with no known origin and no known browser: what these specs are not about. */
    private static LoginAttempt attemptOf(Credentials credentials) {
        return new LoginAttempt(credentials, Origin.unknown(), Optional.empty());
    }
}
