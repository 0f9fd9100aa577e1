package dev.vestibule.application.twofactor;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.application.fakes.FakePasswordHasher;
import dev.vestibule.application.fakes.FakeSecretCipher;
import dev.vestibule.application.fakes.InMemoryAttemptLimiter;
import dev.vestibule.application.fakes.InMemoryAuthenticatorAppRepository;
import dev.vestibule.application.fakes.InMemoryKnownBrowserRepository;
import dev.vestibule.application.fakes.InMemoryMailOutbox;
import dev.vestibule.application.fakes.InMemoryRecoveryCodeRepository;
import dev.vestibule.application.fakes.InMemorySecurityEventLog;
import dev.vestibule.application.fakes.InMemoryTransactions;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.application.hashing.OffloadedPasswordHasher;
import dev.vestibule.application.reauthentication.ConfirmCurrentPasswordService;
import dev.vestibule.application.throttling.LoginThrottle;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.reauthentication.ReauthenticationWindow;
import dev.vestibule.domain.model.throttling.ThrottlePolicy;
import dev.vestibule.domain.model.twofactor.SecondStepThrottle;
import dev.vestibule.domain.model.twofactor.Totp;
import dev.vestibule.domain.model.twofactor.TotpSecret;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.in.AuthenticatorAppEnrolment;
import dev.vestibule.domain.port.in.AuthenticatorAppOffer;
import dev.vestibule.domain.port.in.ReauthenticationAttempt;
import dev.vestibule.domain.port.in.TwoFactorChangeOutcome;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import reactor.core.scheduler.Schedulers;

/** The two-factor use cases over the application's in-memory fakes, and a user who enrols. */
class TwoFactorFixture {

    static final Instant NOW = Instant.parse("2026-12-08T10:00:10Z");
    static final String PASSWORD = "correct horse battery staple";
    static final Origin ORIGIN = new Origin("203.0.113.9", "Firefox/140");

    final MutableClock clock = new MutableClock(NOW);
    final FakePasswordHasher passwordHasher = new FakePasswordHasher();
    final InMemoryUserRepository users = new InMemoryUserRepository();
    final InMemorySecurityEventLog log = new InMemorySecurityEventLog();
    final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    final InMemoryAuthenticatorAppRepository apps = new InMemoryAuthenticatorAppRepository();
    final InMemoryRecoveryCodeRepository recoveryCodes = new InMemoryRecoveryCodeRepository();
    final FakeSecretCipher cipher = new FakeSecretCipher();
    final InMemoryAttemptLimiter limiter = new InMemoryAttemptLimiter(clock);
    final SecurityEvents events = new SecurityEvents(log, clock);
    final InMemoryTransactions transactions = new InMemoryTransactions(apps, recoveryCodes, outbox, log);
    final AuthenticatorAppService appService = new AuthenticatorAppService(
            users,
            apps,
            recoveryCodes,
            cipher,
            new ConfirmCurrentPasswordService(
                    users,
                    new OffloadedPasswordHasher(passwordHasher, Schedulers.immediate()),
                    new LoginThrottle(limiter, new InMemoryKnownBrowserRepository(), ThrottlePolicy.DEFAULT, clock),
                    events,
                    ReauthenticationWindow.ofDefaultLength(),
                    clock),
            transactions,
            outbox,
            events,
            clock,
            new SecureRandom());
    final PassSecondStepService secondStep = new PassSecondStepService(
            users,
            apps,
            recoveryCodes,
            cipher,
            limiter,
            SecondStepThrottle.DEFAULT,
            transactions,
            outbox,
            events,
            clock);

    User stored(String name) {
        User user = User.registerWithPassword(
                new Username(name), new EmailAddress(name + "@example.com"), passwordHasher.hash(PASSWORD), NOW);
        users.add(user).block();
        return user;
    }

    static ReauthenticationAttempt withPassword(User user, String password) {
        return ReauthenticationAttempt.of(user.id(), password, Optional.empty(), ORIGIN);
    }

    /** What a user who enrolled has: the app's secret, and the recovery codes shown once. */
    record Enrolled(TotpSecret secret, List<String> recoveryCodes) {}

    Enrolled enrol(User user) {
        AuthenticatorAppOffer offer = appService.offer(user.id()).block();
        TotpSecret secret = TotpSecret.of(dev.vestibule.domain.model.twofactor.Base32.decode(offer.secretBase32()));
        var outcome = (TwoFactorChangeOutcome.Changed) appService
                .enable(new AuthenticatorAppEnrolment(
                        withPassword(user, PASSWORD), offer.sealedSecret(), codeAt(secret, clock.instant()), "en"))
                .block();
        return new Enrolled(secret, outcome.recoveryCodes());
    }

    static String codeAt(TotpSecret secret, Instant at) {
        return Totp.code(secret, Totp.stepAt(at));
    }
}
