package dev.vestibule.application.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.emailconfirmation.EmailConfirmations;
import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.application.fakes.FakePasswordHasher;
import dev.vestibule.application.fakes.InMemoryAttemptLimiter;
import dev.vestibule.application.fakes.InMemoryKnownBrowserRepository;
import dev.vestibule.application.fakes.InMemoryLinkTokens;
import dev.vestibule.application.fakes.InMemoryMailOutbox;
import dev.vestibule.application.fakes.InMemorySecurityEventLog;
import dev.vestibule.application.fakes.InMemoryTransactions;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.application.hashing.OffloadedPasswordHasher;
import dev.vestibule.application.mail.PublicLinks;
import dev.vestibule.application.reauthentication.ConfirmCurrentPasswordService;
import dev.vestibule.application.throttling.LoginThrottle;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.linktoken.LinkPurpose;
import dev.vestibule.domain.model.mail.EmailConfirmationLink;
import dev.vestibule.domain.model.mail.MailKind;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.model.reauthentication.ReauthenticationOutcome;
import dev.vestibule.domain.model.reauthentication.ReauthenticationWindow;
import dev.vestibule.domain.model.throttling.ThrottlePolicy;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.EmailRejection;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.in.EmailChangeOutcome;
import dev.vestibule.domain.port.in.EmailChangeRequest;
import dev.vestibule.domain.port.in.ReauthenticationAttempt;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class RequestEmailChangeServiceTests {

    private static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");
    private static final String PASSWORD = "correct horse battery staple";
    private static final Origin ORIGIN = new Origin("203.0.113.9", "Firefox/140");

    private final MutableClock clock = new MutableClock(NOW);
    private final FakePasswordHasher passwordHasher = new FakePasswordHasher();
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemorySecurityEventLog log = new InMemorySecurityEventLog();
    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final InMemoryLinkTokens linkTokens = new InMemoryLinkTokens();
    private final SecurityEvents events = new SecurityEvents(log, clock);
    private final RequestEmailChangeService service = new RequestEmailChangeService(
            new ConfirmCurrentPasswordService(
                    users,
                    new OffloadedPasswordHasher(passwordHasher, Schedulers.immediate()),
                    new LoginThrottle(
                            new InMemoryAttemptLimiter(clock),
                            new InMemoryKnownBrowserRepository(),
                            ThrottlePolicy.DEFAULT,
                            clock),
                    events,
                    ReauthenticationWindow.ofDefaultLength(),
                    clock),
            users,
            new EmailConfirmations(
                    linkTokens,
                    outbox,
                    new PublicLinks("https://vestibule.test/"),
                    Duration.ofHours(24),
                    new SecureRandom()),
            outbox,
            new InMemoryTransactions(linkTokens, outbox, log),
            events,
            clock);

    @Test
    void requestMailsTheLinkToTheNewAddressAndTheNoticeToTheOldOneAndChangesNothingYet() {
        User alice = stored("alice");

        StepVerifier.create(service.request(request(alice, "Alice.New@Example.com", PASSWORD)))
                .expectNext(
                        new EmailChangeOutcome.Requested(new EmailAddress("alice.new@example.com"), Optional.of(NOW)))
                .verifyComplete();

        assertThat(users.findById(alice.id()).block().email()).isEqualTo(alice.email());
        assertThat(outbox.entries())
                .extracting(InMemoryMailOutbox.Entry::kind)
                .containsExactly(MailKind.EMAIL_CONFIRMATION_LINK, MailKind.EMAIL_CHANGE_REQUESTED_NOTICE);
        EmailConfirmationLink link =
                (EmailConfirmationLink) outbox.entries().get(0).mail();
        assertThat(link.to().value()).isEqualTo("alice.new@example.com");
        assertThat(link.link()).matches("https://vestibule\\.test/email-confirmation/[A-Za-z0-9_-]{43}");
        assertThat(link.languageTag()).isEqualTo("de");
        SecurityNotice notice = (SecurityNotice) outbox.entries().get(1).mail();
        assertThat(notice.to()).isEqualTo(alice.email());
        assertThat(notice.notice()).isEqualTo(SecurityNotice.Notice.EMAIL_CHANGE_REQUESTED);
        assertThat(notice.origin()).isEqualTo(ORIGIN);
        assertThat(linkTokens.unspentFor(alice.id(), LinkPurpose.EMAIL_CONFIRMATION))
                .isEqualTo(1);
        assertThat(log.types())
                .containsExactly(SecurityEventType.REAUTHENTICATED, SecurityEventType.EMAIL_CHANGE_REQUESTED);
    }

    @Test
    void aSecondRequestSpendsTheFirstLink() {
        User alice = stored("alice");
        service.request(request(alice, "first@example.com", PASSWORD)).block();

        service.request(request(alice, "second@example.com", PASSWORD)).block();

        assertThat(linkTokens.unspentFor(alice.id(), LinkPurpose.EMAIL_CONFIRMATION))
                .isEqualTo(1);
    }

    @Test
    void aMalformedAddressIsRefusedBeforeAnyPasswordIsChecked() {
        User alice = stored("alice");
        int verifications = passwordHasher.verifications();

        StepVerifier.create(service.request(request(alice, "not an address", PASSWORD)))
                .expectNext(new EmailChangeOutcome.Invalid(new EmailRejection.Malformed()))
                .verifyComplete();
        StepVerifier.create(service.request(request(alice, "  ", PASSWORD)))
                .expectNext(new EmailChangeOutcome.Invalid(new EmailRejection.Missing()))
                .verifyComplete();
        assertThat(passwordHasher.verifications()).isEqualTo(verifications);
        assertThat(outbox.entries()).isEmpty();
    }

    @Test
    void aWrongPasswordRefusesWithoutSayingWhetherTheAddressIsTaken() {
        User alice = stored("alice");
        User bob = stored("bob");

        StepVerifier.create(service.request(request(alice, bob.email().value(), "wrong")))
                .expectNext(new EmailChangeOutcome.NotConfirmed(new ReauthenticationOutcome.WrongPassword()))
                .verifyComplete();
        assertThat(outbox.entries()).isEmpty();
    }

    @Test
    void anAddressOfAnotherAccountIsTakenAndNothingIsMailed() {
        User alice = stored("alice");
        User bob = stored("bob");

        StepVerifier.create(service.request(request(alice, bob.email().value().toUpperCase(), PASSWORD)))
                .expectNext(new EmailChangeOutcome.Taken())
                .verifyComplete();
        assertThat(outbox.entries()).isEmpty();
    }

    @Test
    void theCurrentAddressIsUnchanged() {
        User alice = stored("alice");

        StepVerifier.create(service.request(request(alice, alice.email().value(), PASSWORD)))
                .expectNext(new EmailChangeOutcome.Unchanged())
                .verifyComplete();
    }

    @Test
    void withinTheWindowNoPasswordIsNeededAndNoNewWindowIsOpened() {
        User alice = stored("alice");

        StepVerifier.create(service.request(new EmailChangeRequest(
                        ReauthenticationAttempt.of(alice.id(), null, Optional.of(NOW.minusSeconds(60)), ORIGIN),
                        "fresh@example.com",
                        "en")))
                .expectNext(new EmailChangeOutcome.Requested(new EmailAddress("fresh@example.com"), Optional.empty()))
                .verifyComplete();
    }

    private User stored(String name) {
        User user = User.registerWithPassword(
                new Username(name), new EmailAddress(name + "@example.com"), passwordHasher.hash(PASSWORD), NOW);
        users.add(user).block();
        return user;
    }

    private static EmailChangeRequest request(User user, String email, String password) {
        return new EmailChangeRequest(
                ReauthenticationAttempt.of(user.id(), password, Optional.empty(), ORIGIN), email, "de-DE");
    }
}
