package dev.vestibule.application.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.breachcheck.BreachCheck;
import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.application.fakes.FakePasswordHasher;
import dev.vestibule.application.fakes.FakeSignedInSessions;
import dev.vestibule.application.fakes.InMemoryAttemptLimiter;
import dev.vestibule.application.fakes.InMemoryKnownBrowserRepository;
import dev.vestibule.application.fakes.InMemoryMailOutbox;
import dev.vestibule.application.fakes.InMemoryRememberedBrowserRepository;
import dev.vestibule.application.fakes.InMemorySecurityEventLog;
import dev.vestibule.application.fakes.InMemoryTransactions;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.application.hashing.OffloadedPasswordHasher;
import dev.vestibule.application.session.Containment;
import dev.vestibule.application.throttling.LoginThrottle;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.model.password.CommonPasswords;
import dev.vestibule.domain.model.password.PasswordPolicy;
import dev.vestibule.domain.model.password.PasswordRejection;
import dev.vestibule.domain.model.rememberme.RememberMeToken;
import dev.vestibule.domain.model.rememberme.RememberedBrowser;
import dev.vestibule.domain.model.session.Handle;
import dev.vestibule.domain.model.throttling.ThrottlePolicy;
import dev.vestibule.domain.model.twofactor.SecondFactors;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.in.PasswordChangeCommand;
import dev.vestibule.domain.port.in.PasswordChangeOutcome;
import dev.vestibule.domain.port.in.PasswordChangeProblem;
import dev.vestibule.domain.port.in.ThisBrowser;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class ChangePasswordServiceTests {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final String CURRENT = "correct horse battery staple";
    private static final String NEW = "a new and longer passphrase";
    private static final Origin ORIGIN = new Origin("198.51.100.7", "Firefox");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryRememberedBrowserRepository remembered = new InMemoryRememberedBrowserRepository();
    private final FakeSignedInSessions sessions = new FakeSignedInSessions();
    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final InMemorySecurityEventLog log = new InMemorySecurityEventLog();
    private final FakePasswordHasher fakeHasher = new FakePasswordHasher();
    /** What the account has set up as second factors, as LoadSecondFactors answers at the moment of the change. */
    private final AtomicReference<SecondFactors> secondFactors = new AtomicReference<>(SecondFactors.NONE);

    private final ChangePasswordService service = new ChangePasswordService(
            users,
            new OffloadedPasswordHasher(fakeHasher, Schedulers.immediate()),
            // NIST SP 800-63B rev. 4: 15 for a password on its own, 8 for one always followed by a second factor
            new PasswordPolicy(15, 8, 64, CommonPasswords.of(List.of("password1", "password12345678"))),
            new LoginThrottle(
                    new InMemoryAttemptLimiter(clock),
                    new InMemoryKnownBrowserRepository(),
                    ThrottlePolicy.DEFAULT,
                    clock),
            new InMemoryTransactions(outbox),
            outbox,
            new Containment(remembered, sessions),
            new SecurityEvents(log, clock),
            clock,
            BreachCheck.off(),
            user -> Mono.fromSupplier(secondFactors::get));

    private final User alice = stored();
    private final String thisSession = sessions.signIn(alice.id(), Map.of());
    private final String otherSession = sessions.signIn(alice.id(), Map.of());
    private final RememberedBrowser thisRemembered = remember();
    private final RememberedBrowser otherRemembered = remember();
    private final ThisBrowser thisBrowser =
            new ThisBrowser(Handle.of(thisSession), Optional.of(Handle.of(thisRemembered.series())));

    @Test
    void changeThenNewPasswordNewStampOtherSignInsEndThisBrowserKeptAndNoticeQueued() {
        PasswordChangeOutcome outcome = change(CURRENT, NEW, NEW);

        assertThat(outcome).isInstanceOf(PasswordChangeOutcome.Changed.class);
        User changed = users.findById(alice.id()).block();
        assertThat(changed.securityStamp())
                .isEqualTo(((PasswordChangeOutcome.Changed) outcome).newStamp())
                .isNotEqualTo(alice.securityStamp());
        assertThat(fakeHasher.verify(NEW, changed.passwordHash().orElseThrow()).matches())
                .isTrue();
        assertThat(sessions.isLive(thisSession)).isTrue();
        assertThat(sessions.isLive(otherSession)).isFalse();
        assertThat(remembered.findByUser(alice.id()).collectList().block())
                .singleElement()
                .satisfies(kept -> {
                    assertThat(kept.series()).isEqualTo(thisRemembered.series());
                    assertThat(kept.isStampCurrentFor(changed)).isTrue();
                });
        assertThat(outbox.entries())
                .singleElement()
                .satisfies(entry -> assertThat(entry.mail()).isInstanceOfSatisfying(SecurityNotice.class, notice -> {
                    assertThat(notice.notice()).isEqualTo(SecurityNotice.Notice.PASSWORD_CHANGED);
                    assertThat(notice.languageTag()).isEqualTo("de");
                    assertThat(notice.origin()).isEqualTo(ORIGIN);
                }));
        assertThat(log.types()).contains(SecurityEventType.PASSWORD_CHANGED);
    }

    @Test
    void changeWithAWrongCurrentPasswordThenRefusedAndNothingChanges() {
        PasswordChangeOutcome outcome = change("not my password", NEW, NEW);

        assertThat(outcome)
                .isEqualTo(
                        new PasswordChangeOutcome.Refused(List.of(new PasswordChangeProblem.CurrentPasswordWrong())));
        assertNothingChanged();
        assertThat(log.types()).containsExactly(SecurityEventType.CURRENT_PASSWORD_REJECTED);
    }

    @Test
    void changeWithAWeakOrMismatchedNewPasswordThenRefusedBeforeTheCurrentIsEvenChecked() {
        assertThat(change("not my password", "short", "other"))
                .isEqualTo(new PasswordChangeOutcome.Refused(List.of(
                        new PasswordChangeProblem.WeakPassword(new PasswordRejection.TooShort(15)),
                        new PasswordChangeProblem.PasswordsDiffer())));
        assertThat(change(CURRENT, "", ""))
                .isEqualTo(new PasswordChangeOutcome.Refused(List.of(new PasswordChangeProblem.PasswordMissing())));
        assertThat(change(CURRENT, "password12345678", "password12345678"))
                .isEqualTo(new PasswordChangeOutcome.Refused(
                        List.of(new PasswordChangeProblem.WeakPassword(new PasswordRejection.Common()))));
        assertThat(fakeHasher.verifications()).as("no hash checked").isZero();
        assertNothingChanged();
    }

    @Test
    void changeWithWrongCurrentPasswordsIsThrottledLikeALogin() {
        for (int i = 0; i < ThrottlePolicy.DEFAULT.perAccount().capacity(); i++) {
            change("wrong " + i, NEW, NEW);
        }

        assertThat(change(CURRENT, NEW, NEW)).isInstanceOf(PasswordChangeOutcome.Throttled.class);
        assertNothingChanged();
    }

    // issue 14: password policy (NIST SP 800-63B rev. 4: a password on its own at least 15, with a second factor 8)

    @Test
    void changeWhenTheAccountHasNoSecondFactorThenFifteenCharactersAreRequired() {
        assertThat(change(CURRENT, "kq7vz3mw-abcde", "kq7vz3mw-abcde"))
                .isEqualTo(new PasswordChangeOutcome.Refused(
                        List.of(new PasswordChangeProblem.WeakPassword(new PasswordRejection.TooShort(15)))));
        assertNothingChanged();

        assertThat(change(CURRENT, "kq7vz3mw-abcdef", "kq7vz3mw-abcdef"))
                .isInstanceOf(PasswordChangeOutcome.Changed.class);
    }

    @Test
    void changeWhenTheAccountHasAnAuthenticatorAppThenEightCharactersAreEnough() {
        secondFactors.set(new SecondFactors(true, 10, 0));

        assertThat(change(CURRENT, "kq7vz3m", "kq7vz3m"))
                .isEqualTo(new PasswordChangeOutcome.Refused(
                        List.of(new PasswordChangeProblem.WeakPassword(new PasswordRejection.TooShort(8)))));
        assertThat(change(CURRENT, "kq7vz3mw", "kq7vz3mw")).isInstanceOf(PasswordChangeOutcome.Changed.class);
    }

    @Test
    void changeWhenTheAccountHasAPasskeyThenEightCharactersAreEnough() {
        secondFactors.set(new SecondFactors(false, 0, 1));

        assertThat(change(CURRENT, "kq7vz3mw", "kq7vz3mw")).isInstanceOf(PasswordChangeOutcome.Changed.class);
    }

    @Test
    void changeWhenOnlyRecoveryCodesAreLeftThenThePasswordStandsAloneAndNeedsFifteen() {
        // Recovery codes stand in for an app that is no longer enabled: a password sign-in needs no second step.
        secondFactors.set(new SecondFactors(false, 3, 0));

        assertThat(change(CURRENT, "kq7vz3mw", "kq7vz3mw"))
                .isEqualTo(new PasswordChangeOutcome.Refused(
                        List.of(new PasswordChangeProblem.WeakPassword(new PasswordRejection.TooShort(15)))));
        assertNothingChanged();
    }

    private void assertNothingChanged() {
        User now = users.findById(alice.id()).block();
        assertThat(now.securityStamp()).isEqualTo(alice.securityStamp());
        assertThat(now.passwordHash()).isEqualTo(alice.passwordHash());
        assertThat(sessions.isLive(otherSession)).isTrue();
        assertThat(remembered.count()).isEqualTo(2);
        assertThat(outbox.entries()).isEmpty();
    }

    private PasswordChangeOutcome change(String current, String password, String repeated) {
        return service.change(new PasswordChangeCommand(
                        alice.id(), current, password, repeated, thisBrowser, ORIGIN, "de-CH"))
                .block(Duration.ofSeconds(5));
    }

    private User stored() {
        User user = User.registerWithPassword(
                new Username("alice"), new EmailAddress("alice@example.com"), fakeHasher.hash(CURRENT), NOW);
        users.replace(user);
        return user;
    }

    private RememberedBrowser remember() {
        RememberedBrowser device = RememberedBrowser.remember(
                RememberMeToken.generate(new SecureRandom()), alice, ORIGIN, NOW, Duration.ofDays(14));
        remembered.add(device).block();
        return device;
    }
}
