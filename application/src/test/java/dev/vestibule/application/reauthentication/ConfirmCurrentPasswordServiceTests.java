package dev.vestibule.application.reauthentication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.application.fakes.FakePasswordHasher;
import dev.vestibule.application.fakes.InMemoryAttemptLimiter;
import dev.vestibule.application.fakes.InMemoryKnownBrowserRepository;
import dev.vestibule.application.fakes.InMemorySecurityEventLog;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.application.fakes.RecordingPasswordHasher;
import dev.vestibule.application.hashing.OffloadedPasswordHasher;
import dev.vestibule.application.login.LogInService;
import dev.vestibule.application.throttling.LoginThrottle;
import dev.vestibule.application.twofactor.LoadSecondFactorsService;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEvent;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.login.Credentials;
import dev.vestibule.domain.model.login.LoginOutcome;
import dev.vestibule.domain.model.reauthentication.ReauthenticationOutcome;
import dev.vestibule.domain.model.reauthentication.ReauthenticationWindow;
import dev.vestibule.domain.model.throttling.ThrottlePolicy;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.ExternalIdentity;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.in.LoginAttempt;
import dev.vestibule.domain.port.in.ReauthenticationAttempt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class ConfirmCurrentPasswordServiceTests {

    private static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");
    private static final String PASSWORD = "correct horse battery staple";
    private static final Origin ORIGIN = new Origin("203.0.113.9", "Firefox");

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final FakePasswordHasher passwordHasher = new FakePasswordHasher();
    private final MutableClock clock = new MutableClock(NOW);
    private final InMemorySecurityEventLog log = new InMemorySecurityEventLog();
    private final InMemoryAttemptLimiter limiter = new InMemoryAttemptLimiter(clock);
    private final OffloadedPasswordHasher hasher = new OffloadedPasswordHasher(passwordHasher, Schedulers.immediate());
    private final LoginThrottle throttle =
            new LoginThrottle(limiter, new InMemoryKnownBrowserRepository(), ThrottlePolicy.DEFAULT, clock);
    private final SecurityEvents events = new SecurityEvents(log, clock);
    private final ConfirmCurrentPasswordService service = new ConfirmCurrentPasswordService(
            users, hasher, throttle, events, ReauthenticationWindow.ofDefaultLength(), clock);

    @Test
    void confirmWhenPasswordRightThenConfirmedFromNowAndRecorded() {
        User alice = stored("alice", PASSWORD);

        StepVerifier.create(service.confirm(attempt(alice, PASSWORD, Optional.empty())))
                .expectNext(new ReauthenticationOutcome.Confirmed(Optional.of(NOW)))
                .verifyComplete();
        assertThat(types()).containsExactly(SecurityEventType.REAUTHENTICATED);
        assertThat(log.all().get(0).userId()).contains(alice.id());
        assertThat(log.all().get(0).origin()).isEqualTo(ORIGIN);
    }

    @Test
    void confirmWhenPasswordWrongThenRefusedAndRecorded() {
        User alice = stored("alice", PASSWORD);

        StepVerifier.create(service.confirm(attempt(alice, "not it", Optional.of(NOW))))
                .expectNext(new ReauthenticationOutcome.WrongPassword())
                .verifyComplete();
        assertThat(types()).containsExactly(SecurityEventType.REAUTHENTICATION_FAILED);
    }

    @Test
    void confirmWhenNoPasswordAndWindowOpenThenConfirmedWithoutACheck() {
        User alice = stored("alice", PASSWORD);
        clock.advance(Duration.ofMinutes(4));

        StepVerifier.create(service.confirm(attempt(alice, "", Optional.of(NOW))))
                .expectNext(new ReauthenticationOutcome.Confirmed(Optional.empty()))
                .verifyComplete();
        assertThat(passwordHasher.verifications()).isZero();
    }

    @Test
    void confirmWhenNoPasswordAndWindowClosedThenPasswordRequired() {
        User alice = stored("alice", PASSWORD);
        clock.advance(Duration.ofMinutes(5));

        StepVerifier.create(service.confirm(attempt(alice, null, Optional.of(NOW))))
                .expectNext(new ReauthenticationOutcome.PasswordRequired())
                .verifyComplete();
        StepVerifier.create(service.confirm(attempt(alice, null, Optional.empty())))
                .expectNext(new ReauthenticationOutcome.PasswordRequired())
                .verifyComplete();
    }

    @Test
    void confirmWhenWrongPasswordWithinTheWindowThenStillRefused() {
        User alice = stored("alice", PASSWORD);

        StepVerifier.create(service.confirm(attempt(alice, "not it", Optional.of(NOW))))
                .expectNext(new ReauthenticationOutcome.WrongPassword())
                .verifyComplete();
    }

    @Test
    void confirmWhenFiveWrongPasswordsThenTheSixthIsThrottledUncheckedEvenIfRight() {
        User alice = stored("alice", PASSWORD);
        for (int i = 0; i < 5; i++) {
            StepVerifier.create(service.confirm(attempt(alice, "wrong " + i, Optional.empty())))
                    .expectNext(new ReauthenticationOutcome.WrongPassword())
                    .verifyComplete();
        }
        int checked = passwordHasher.verifications();

        StepVerifier.create(service.confirm(attempt(alice, PASSWORD, Optional.empty())))
                .assertNext(outcome -> assertThat(outcome).isInstanceOf(ReauthenticationOutcome.Throttled.class))
                .verifyComplete();
        assertThat(passwordHasher.verifications()).isEqualTo(checked);
        assertThat(types()).endsWith(SecurityEventType.REAUTHENTICATION_THROTTLED);
    }

    @Test
    void wrongCurrentPasswordsCountAgainstTheAccountsLoginAllowance() {
        User alice = stored("alice", PASSWORD);
        for (int i = 0; i < 5; i++) {
            service.confirm(attempt(alice, "wrong " + i, Optional.empty())).block();
        }
        LogInService logIn = new LogInService(users, hasher, throttle, events, new LoadSecondFactorsService(List.of()));

        StepVerifier.create(logIn.logIn(new LoginAttempt(
                        new Credentials.Password("alice", PASSWORD), new Origin("198.51.100.1", ""), Optional.empty())))
                .assertNext(outcome -> assertThat(outcome).isInstanceOf(LoginOutcome.Throttled.class))
                .verifyComplete();
    }

    @Test
    void aRightPasswordGivesItsAttemptBack() {
        User alice = stored("alice", PASSWORD);
        for (int i = 0; i < 20; i++) {
            StepVerifier.create(service.confirm(attempt(alice, PASSWORD, Optional.empty())))
                    .assertNext(outcome -> assertThat(outcome.confirmed()).isTrue())
                    .verifyComplete();
        }
    }

    @Test
    void aUserWithoutALocalPasswordIsNeverConfirmedByOneButCostsAVerification() {
        int before = passwordHasher.verifications();
        User bob = User.registerWithExternalIdentity(
                new Username("bob"), new EmailAddress("bob@example.com"), new ExternalIdentity("github", "1"), NOW);
        users.add(bob).block();

        StepVerifier.create(service.confirm(attempt(bob, "anything", Optional.empty())))
                .expectNext(new ReauthenticationOutcome.WrongPassword())
                .verifyComplete();
        assertThat(passwordHasher.verifications()).isEqualTo(before + 1);
    }

    @Test
    void theHashIsCheckedOnTheHashingPool() {
        User alice = stored("alice", PASSWORD);
        RecordingPasswordHasher recording = new RecordingPasswordHasher(passwordHasher);
        var pool = Schedulers.newSingle("password-hashing-test");
        try {
            var offloaded = new ConfirmCurrentPasswordService(
                    users,
                    new OffloadedPasswordHasher(recording, pool),
                    throttle,
                    events,
                    ReauthenticationWindow.ofDefaultLength(),
                    clock);

            offloaded.confirm(attempt(alice, PASSWORD, Optional.empty())).block();

            assertThat(recording.threadNames()).last().asString().startsWith("password-hashing-test");
        } finally {
            pool.dispose();
        }
    }

    private User stored(String name, String password) {
        User user = User.registerWithPassword(
                new Username(name), new EmailAddress(name + "@example.com"), passwordHasher.hash(password), NOW);
        users.add(user).block();
        return user;
    }

    private static ReauthenticationAttempt attempt(User user, String password, Optional<Instant> givenAt) {
        return ReauthenticationAttempt.of(user.id(), password, givenAt, ORIGIN);
    }

    private java.util.List<SecurityEventType> types() {
        return log.all().stream().map(SecurityEvent::type).toList();
    }
}
