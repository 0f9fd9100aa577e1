package dev.vestibule.application.login;

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
import dev.vestibule.domain.model.password.PasswordPolicy;
import dev.vestibule.domain.model.throttling.AttemptLimit;
import dev.vestibule.domain.model.throttling.KnownBrowser;
import dev.vestibule.domain.model.throttling.LoginSurge;
import dev.vestibule.domain.model.throttling.ThrottlePolicy;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.in.LoginAttempt;
import dev.vestibule.domain.port.out.AddUserResult;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The throttle as the login sees it: what a throttled attempt does and does not do. */
class LogInServiceThrottlingTests {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final String PASSWORD = "correct horse battery staple";
    private static final int PER_ACCOUNT = 5;
    private static final ThrottlePolicy POLICY = new ThrottlePolicy(
            new AttemptLimit("account", PER_ACCOUNT, Duration.ofMinutes(1)),
            new AttemptLimit("device", 10, Duration.ofMinutes(1)),
            new AttemptLimit("client", 1_000, Duration.ofSeconds(1)),
            ThrottlePolicy.DEFAULT.registrationsPerClientAddress());
    private static final Origin ATTACKER = new Origin("203.0.113.66", "curl/8");
    private static final Origin OWNER = new Origin("198.51.100.7", "Firefox");

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final MutableClock clock = new MutableClock(NOW);
    private final InMemorySecurityEventLog events = new InMemorySecurityEventLog();
    private final InMemoryKnownBrowserRepository knownBrowsers = new InMemoryKnownBrowserRepository();
    private final LogInService service = new LogInService(
            users,
            new OffloadedPasswordHasher(hasher, Schedulers.immediate()),
            new LoginThrottle(new InMemoryAttemptLimiter(clock), knownBrowsers, POLICY, clock),
            new SecurityEvents(events, clock),
            new LoadSecondFactorsService(List.of()));

    @Test
    void throttledAttemptWithTheRightPasswordIsNeitherCheckedNorLetIn() {
        User alice = stored("alice");
        failTimes("alice", PER_ACCOUNT, ATTACKER);
        int verificationsBefore = hasher.verifications();

        StepVerifier.create(service.logIn(attempt("alice", PASSWORD, OWNER, Optional.empty())))
                .assertNext(outcome -> assertThat(outcome).isInstanceOf(LoginOutcome.Throttled.class))
                .verifyComplete();

        assertThat(hasher.verifications()).isEqualTo(verificationsBefore);
        assertThat(events.all().get(events.all().size() - 1)).satisfies(event -> {
            assertThat(event.type()).isEqualTo(SecurityEventType.LOGIN_THROTTLED);
            assertThat(event.userId()).contains(alice.id());
            assertThat(event.origin()).isEqualTo(OWNER);
        });
    }

    @Test
    void successfulLoginsNeverUseUpTheAllowance() {
        stored("alice");

        IntStream.range(0, PER_ACCOUNT * 4)
                .forEach(i -> StepVerifier.create(service.logIn(attempt("alice", PASSWORD, OWNER, Optional.empty())))
                        .assertNext(outcome -> assertThat(outcome).isInstanceOf(LoginOutcome.Succeeded.class))
                        .verifyComplete());
    }

    @Test
    void aSuccessGivesBackOnlyItsOwnTokenNotThoseOfEarlierFailures() {
        stored("alice");
        failTimes("alice", PER_ACCOUNT - 1, ATTACKER);
        StepVerifier.create(service.logIn(attempt("alice", PASSWORD, OWNER, Optional.empty())))
                .assertNext(outcome -> assertThat(outcome).isInstanceOf(LoginOutcome.Succeeded.class))
                .verifyComplete();

        failTimes("alice", 1, ATTACKER);
        StepVerifier.create(service.logIn(attempt("alice", "guess", ATTACKER, Optional.empty())))
                .assertNext(outcome -> assertThat(outcome).isInstanceOf(LoginOutcome.Throttled.class))
                .verifyComplete();
    }

    @Test
    void theOwnersKnownBrowserStillGetsInWhileTheAccountIsUnderAttack() {
        User alice = stored("alice");
        KnownBrowser device = KnownBrowser.newFor(alice.id(), NOW, Duration.ofDays(365), new SecureRandom());
        StepVerifier.create(knownBrowsers.add(device)).verifyComplete();
        failTimes("alice", PER_ACCOUNT, ATTACKER);

        StepVerifier.create(service.logIn(attempt("alice", PASSWORD, OWNER, Optional.of(device.id()))))
                .expectNext(new LoginOutcome.Succeeded(alice))
                .verifyComplete();
        StepVerifier.create(service.logIn(attempt("alice", PASSWORD, ATTACKER, Optional.empty())))
                .assertNext(outcome -> assertThat(outcome).isInstanceOf(LoginOutcome.Throttled.class))
                .verifyComplete();
    }

    @Test
    void anUnknownUsernameIsThrottledAfterAsManyFailuresAsARealOne() {
        stored("alice");
        failTimes("alice", PER_ACCOUNT, ATTACKER);
        failTimes("nobody", PER_ACCOUNT, ATTACKER);

        LoginOutcome real = service.logIn(attempt("alice", "guess", ATTACKER, Optional.empty()))
                .block();
        LoginOutcome unknown = service.logIn(attempt("nobody", "guess", ATTACKER, Optional.empty()))
                .block();

        assertThat(real).isInstanceOf(LoginOutcome.Throttled.class);
        assertThat(unknown).isEqualTo(real);
    }

    @Test
    void theWaitEndsAndTheRightPasswordWorksAgain() {
        User alice = stored("alice");
        failTimes("alice", PER_ACCOUNT, ATTACKER);
        LoginOutcome throttled = service.logIn(attempt("alice", PASSWORD, OWNER, Optional.empty()))
                .block();

        clock.advance(((LoginOutcome.Throttled) throttled).retryAfter());

        StepVerifier.create(service.logIn(attempt("alice", PASSWORD, OWNER, Optional.empty())))
                .expectNext(new LoginOutcome.Succeeded(alice))
                .verifyComplete();
    }

    // issue 13 finding 3: throttled bursts
    @Test
    void threeHundredThrottledAttemptsAreOneEventWithTheirCount() {
        User alice = stored("alice");
        failTimes("alice", PER_ACCOUNT, ATTACKER);
        IntStream.range(0, 300)
                .forEach(i -> StepVerifier.create(
                                service.logIn(attempt("alice", "guess " + i, ATTACKER, Optional.empty())))
                        .assertNext(outcome -> assertThat(outcome).isInstanceOf(LoginOutcome.Throttled.class))
                        .verifyComplete());

        assertThat(events.all())
                .filteredOn(event -> event.type() == SecurityEventType.LOGIN_THROTTLED)
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.occurrences()).isEqualTo(300);
                    assertThat(event.userId()).contains(alice.id());
                });
    }

    @Test
    void aNewPeriodStartsANewBurstEvent() {
        stored("alice");
        failTimes("alice", PER_ACCOUNT, ATTACKER);
        service.logIn(attempt("alice", "guess", ATTACKER, Optional.empty())).block();
        clock.advance(SecurityEvents.DEFAULT_BURST_PERIOD);
        failTimes("alice", PER_ACCOUNT, ATTACKER);
        service.logIn(attempt("alice", "guess", ATTACKER, Optional.empty())).block();

        assertThat(events.types())
                .filteredOn(SecurityEventType.LOGIN_THROTTLED::equals)
                .hasSize(2);
    }

    // issue 13 finding 4: the global failed-login rate
    @Test
    void duringASurgeAnUnknownBrowserWaitsAndStillGetsInAndAKnownOneDoesNotWait() {
        User alice = stored("alice");
        KnownBrowser device = KnownBrowser.newFor(alice.id(), NOW, Duration.ofDays(365), new SecureRandom());
        StepVerifier.create(knownBrowsers.add(device)).verifyComplete();
        LogInService surgeAware = new LogInService(
                users,
                new OffloadedPasswordHasher(hasher, Schedulers.immediate()),
                new LoginThrottle(
                        new InMemoryAttemptLimiter(clock),
                        knownBrowsers,
                        POLICY,
                        new LoginSurge(
                                new AttemptLimit("failures-everywhere", 2, Duration.ofMinutes(1)),
                                Duration.ofSeconds(2)),
                        clock),
                new SecurityEvents(events, clock),
                new LoadSecondFactorsService(List.of()));
        // Spraying: one failure each on many names.
        IntStream.range(0, 3)
                .forEach(i -> surgeAware
                        .logIn(attempt("sprayed" + i, "guess", ATTACKER, Optional.empty()))
                        .block());

        StepVerifier.withVirtualTime(() -> surgeAware.logIn(attempt("alice", PASSWORD, OWNER, Optional.empty())))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(1_999))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(new LoginOutcome.Succeeded(alice))
                .verifyComplete();
        StepVerifier.create(surgeAware.logIn(attempt("alice", PASSWORD, OWNER, Optional.of(device.id()))))
                .expectNext(new LoginOutcome.Succeeded(alice))
                .verifyComplete();
    }

    private void failTimes(String login, int times, Origin origin) {
        IntStream.range(0, times)
                .forEach(i -> StepVerifier.create(
                                service.logIn(attempt(login, "wrong guess " + i, origin, Optional.empty())))
                        .assertNext(outcome -> assertThat(outcome).isInstanceOf(LoginOutcome.Rejected.class))
                        .verifyComplete());
    }

    private static LoginAttempt attempt(String login, String password, Origin origin, Optional<String> device) {
        return new LoginAttempt(new Credentials.Password(login, password), origin, device);
    }

    private User stored(String username) {
        User user = User.registerWithPassword(
                new Username(username),
                new EmailAddress(username + "@example.com"),
                hasher.hash(PasswordPolicy.normalize(PASSWORD)),
                NOW);
        StepVerifier.create(users.add(user))
                .expectNext(new AddUserResult.Added(user))
                .verifyComplete();
        return user;
    }
}
