package dev.vestibule.application.passwordreset;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.application.fakes.FakePasswordHasher;
import dev.vestibule.application.fakes.InMemoryAttemptLimiter;
import dev.vestibule.application.fakes.InMemoryLinkTokens;
import dev.vestibule.application.fakes.InMemoryMailOutbox;
import dev.vestibule.application.fakes.InMemoryRememberedBrowserRepository;
import dev.vestibule.application.fakes.InMemorySecurityEventLog;
import dev.vestibule.application.fakes.InMemoryTransactions;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.application.hashing.OffloadedPasswordHasher;
import dev.vestibule.application.mail.PublicLinks;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.mail.PasswordResetLink;
import dev.vestibule.domain.model.password.CommonPasswords;
import dev.vestibule.domain.model.password.PasswordPolicy;
import dev.vestibule.domain.model.throttling.AttemptLimit;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.in.PasswordResetRequest;
import dev.vestibule.domain.port.in.PasswordResetRequestOutcome;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The password-reset use cases over the application's fakes, and the steps their tests share. */
final class PasswordResetFixture {

    static final String PUBLIC_URL = "https://vestibule.example";
    static final Duration LIFETIME = Duration.ofHours(1);
    static final AttemptLimit PER_ACCOUNT = new AttemptLimit("password-reset-account", 3, Duration.ofMinutes(10));
    static final AttemptLimit PER_CLIENT = new AttemptLimit("password-reset-client", 5, Duration.ofMinutes(1));
    static final Origin ORIGIN = new Origin("203.0.113.7", "Firefox");

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T15:00:00Z"));
    final InMemoryUserRepository users = new InMemoryUserRepository();
    final InMemoryLinkTokens linkTokens = new InMemoryLinkTokens();
    final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    final InMemoryRememberedBrowserRepository rememberedBrowsers = new InMemoryRememberedBrowserRepository();
    final InMemorySecurityEventLog eventLog = new InMemorySecurityEventLog();
    final InMemoryAttemptLimiter limiter = new InMemoryAttemptLimiter(clock);
    final InMemoryTransactions transactions = new InMemoryTransactions(linkTokens, outbox);
    final FakePasswordHasher passwordHasher = new FakePasswordHasher();
    final SecurityEvents events = new SecurityEvents(eventLog, clock);
    final java.util.Set<String> breached = java.util.concurrent.ConcurrentHashMap.newKeySet();

    final RequestPasswordResetService request = new RequestPasswordResetService(
            users,
            linkTokens,
            outbox,
            transactions,
            limiter,
            PER_ACCOUNT,
            PER_CLIENT,
            new PublicLinks(PUBLIC_URL),
            LIFETIME,
            events,
            clock,
            new SecureRandom());
    final OpenPasswordResetLinkService open = new OpenPasswordResetLinkService(linkTokens, users, clock);
    final ResetPasswordService reset = new ResetPasswordService(
            linkTokens,
            users,
            rememberedBrowsers,
            outbox,
            transactions,
            new OffloadedPasswordHasher(passwordHasher, Schedulers.immediate()),
            // issue 14: the defaults (15 on its own, 8 with a second factor); a reset always asks 15
            new PasswordPolicy(
                    PasswordPolicy.DEFAULT_MINIMUM_LENGTH,
                    PasswordPolicy.DEFAULT_MINIMUM_LENGTH_WITH_SECOND_FACTOR,
                    PasswordPolicy.DEFAULT_MAXIMUM_LENGTH,
                    CommonPasswords.of(List.of("password123", "password12345678"))),
            events,
            clock,
            // issue 13 finding 8: the passwords in this set are the breach corpus's
            new dev.vestibule.application.breachcheck.BreachCheck(
                    password -> reactor.core.publisher.Mono.just(
                            breached.contains(password)
                                    ? dev.vestibule.domain.model.password.BreachCheckAnswer.BREACHED
                                    : dev.vestibule.domain.model.password.BreachCheckAnswer.NOT_BREACHED),
                    dev.vestibule.domain.model.password.WhenBreachCheckUnavailable.ACCEPT));

    User registered(String name) {
        User user = User.registerWithPassword(
                new Username(name),
                new EmailAddress(name.toLowerCase(java.util.Locale.ROOT) + "@example.com"),
                passwordHasher.hash("old password 1"),
                clock.instant());
        StepVerifier.create(users.add(user)).expectNextCount(1).verifyComplete();
        return user;
    }

    void requestFor(String email) {
        StepVerifier.create(request.request(new PasswordResetRequest(email, "en"), ORIGIN))
                .expectNext(PasswordResetRequestOutcome.ANSWERED)
                .verifyComplete();
    }

    /** The reset links in the outbox, oldest first. */
    List<PasswordResetLink> resetMails() {
        return outbox.entries().stream()
                .map(InMemoryMailOutbox.Entry::mail)
                .filter(PasswordResetLink.class::isInstance)
                .map(PasswordResetLink.class::cast)
                .toList();
    }

    /** The token of the newest reset mail, as the user's browser takes it from the link. */
    String latestToken() {
        List<PasswordResetLink> mails = resetMails();
        String link = mails.get(mails.size() - 1).link();
        return link.substring((PUBLIC_URL + "/password-reset/").length());
    }

    PasswordHash storedHash(User user) {
        return users.findById(user.id()).block().passwordHash().orElseThrow();
    }
}
