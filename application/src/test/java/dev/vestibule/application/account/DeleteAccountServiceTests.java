package dev.vestibule.application.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.application.fakes.FakePasswordHasher;
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
import dev.vestibule.application.reauthentication.ConfirmCurrentPasswordService;
import dev.vestibule.application.throttling.LoginThrottle;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEvent;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.linktoken.IssuedLink;
import dev.vestibule.domain.model.linktoken.LinkPurpose;
import dev.vestibule.domain.model.linktoken.LinkToken;
import dev.vestibule.domain.model.mail.MailKind;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.model.reauthentication.ReauthenticationOutcome;
import dev.vestibule.domain.model.reauthentication.ReauthenticationWindow;
import dev.vestibule.domain.model.rememberme.RememberedBrowser;
import dev.vestibule.domain.model.throttling.KnownBrowser;
import dev.vestibule.domain.model.throttling.ThrottlePolicy;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.in.AccountDeletionOutcome;
import dev.vestibule.domain.port.in.AccountDeletionRequest;
import dev.vestibule.domain.port.in.ReauthenticationAttempt;
import dev.vestibule.domain.port.out.KnownBrowserRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class DeleteAccountServiceTests {

    private static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");
    private static final String PASSWORD = "correct horse battery staple";
    private static final Origin ORIGIN = new Origin("203.0.113.9", "Firefox/140");

    private final MutableClock clock = new MutableClock(NOW);
    private final FakePasswordHasher passwordHasher = new FakePasswordHasher();
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryRememberedBrowserRepository rememberedBrowsers = new InMemoryRememberedBrowserRepository();
    private final InMemoryKnownBrowserRepository knownBrowsers = new InMemoryKnownBrowserRepository();
    private final InMemorySecurityEventLog log = new InMemorySecurityEventLog();
    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final InMemoryLinkTokens linkTokens = new InMemoryLinkTokens();
    private final InMemoryTransactions transactions = new InMemoryTransactions(users, log, outbox, linkTokens);
    private final SecurityEvents events = new SecurityEvents(log, clock);
    private final ConfirmCurrentPasswordService confirm = new ConfirmCurrentPasswordService(
            users,
            new OffloadedPasswordHasher(passwordHasher, Schedulers.immediate()),
            new LoginThrottle(new InMemoryAttemptLimiter(clock), knownBrowsers, ThrottlePolicy.DEFAULT, clock),
            events,
            ReauthenticationWindow.ofDefaultLength(),
            clock);

    private DeleteAccountService service(KnownBrowserRepository known) {
        return new DeleteAccountService(
                confirm, users, rememberedBrowsers, known, log, outbox, linkTokens, transactions, events, clock);
    }

    @Test
    void deleteWithTheRightPasswordThenTheUserAndEverythingKeyedToThemGo() {
        User alice = stored("alice");
        User bob = stored("bob");
        rememberedBrowsers
                .add(new RememberedBrowser(
                        "series-a",
                        alice.id(),
                        "hash",
                        null,
                        NOW,
                        NOW.plus(Duration.ofDays(14)),
                        alice.securityStamp(),
                        NOW,
                        Origin.unknown()))
                .block();
        rememberedBrowsers
                .add(new RememberedBrowser(
                        "series-b",
                        bob.id(),
                        "hash",
                        null,
                        NOW,
                        NOW.plus(Duration.ofDays(14)),
                        bob.securityStamp(),
                        NOW,
                        Origin.unknown()))
                .block();
        knownBrowsers
                .add(new KnownBrowser("device-a", alice.id(), NOW.plus(Duration.ofDays(365))))
                .block();
        knownBrowsers
                .add(new KnownBrowser("device-b", bob.id(), NOW.plus(Duration.ofDays(365))))
                .block();

        StepVerifier.create(service(knownBrowsers).delete(request(alice, PASSWORD)))
                .expectNext(new AccountDeletionOutcome.Deleted())
                .verifyComplete();

        assertThat(users.findById(alice.id()).block()).isNull();
        assertThat(users.findById(bob.id()).block()).isEqualTo(bob);
        assertThat(rememberedBrowsers.findBySeries("series-a").block()).isNull();
        assertThat(rememberedBrowsers.findBySeries("series-b").block()).isNotNull();
        assertThat(knownBrowsers.isKnown("device-a", alice.id(), NOW).block()).isFalse();
        assertThat(knownBrowsers.isKnown("device-b", bob.id(), NOW).block()).isTrue();
    }

    @Test
    void deleteSpendsEveryLinkMailedToTheUser() {
        User alice = stored("alice");
        LinkToken reset = LinkToken.generate(new java.security.SecureRandom());
        LinkToken confirmation = LinkToken.generate(new java.security.SecureRandom());
        linkTokens
                .issue(IssuedLink.issue(
                        reset, LinkPurpose.PASSWORD_RESET, alice.id(), alice.email(), NOW, Duration.ofHours(1)))
                .block();
        linkTokens
                .issue(IssuedLink.issue(
                        confirmation,
                        LinkPurpose.EMAIL_CONFIRMATION,
                        alice.id(),
                        new EmailAddress("new@example.com"),
                        NOW,
                        Duration.ofHours(24)))
                .block();

        service(knownBrowsers).delete(request(alice, PASSWORD)).block();

        assertThat(linkTokens
                        .findValid(reset.hash(), LinkPurpose.PASSWORD_RESET, NOW)
                        .block())
                .isNull();
        assertThat(linkTokens
                        .findValid(confirmation.hash(), LinkPurpose.EMAIL_CONFIRMATION, NOW)
                        .block())
                .isNull();
    }

    @Test
    void deleteQueuesTheNoticeToTheOldAddressAndDropsEveryOtherQueuedMailOfTheUser() {
        User alice = stored("alice");
        outbox.enqueue(notice(alice, SecurityNotice.Notice.PASSWORD_CHANGED), NOW)
                .block();

        service(knownBrowsers).delete(request(alice, PASSWORD)).block();

        assertThat(outbox.entries())
                .filteredOn(entry -> entry.mail() != null)
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.kind()).isEqualTo(MailKind.ACCOUNT_DELETED_NOTICE);
                    SecurityNotice notice = (SecurityNotice) entry.mail();
                    assertThat(notice.to()).isEqualTo(alice.email());
                    assertThat(notice.languageTag()).isEqualTo("de");
                    assertThat(notice.origin()).isEqualTo(ORIGIN);
                    assertThat(notice.at()).isEqualTo(NOW);
                });
    }

    @Test
    void deleteKeepsTheUsersEventsWithoutAnythingThatPointsToThem() {
        User alice = stored("alice");
        User bob = stored("bob");
        events.record(SecurityEventType.LOGIN_SUCCEEDED, alice.id(), ORIGIN).block();
        events.record(SecurityEventType.LOGIN_SUCCEEDED, bob.id(), ORIGIN).block();

        service(knownBrowsers).delete(request(alice, PASSWORD)).block();

        assertThat(log.all()).noneMatch(event -> event.userId().equals(Optional.of(alice.id())));
        var formerAlice = log.all().stream()
                .filter(event -> !event.userId().equals(Optional.of(bob.id())))
                .toList();
        assertThat(formerAlice)
                .extracting(SecurityEvent::type)
                .containsExactly(
                        SecurityEventType.LOGIN_SUCCEEDED,
                        SecurityEventType.REAUTHENTICATED,
                        SecurityEventType.ACCOUNT_DELETED);
        assertThat(formerAlice).extracting(SecurityEvent::origin).containsOnly(Origin.unknown());
        assertThat(formerAlice.stream().map(SecurityEvent::userId).distinct())
                .as("one pseudonym, the same for the whole former account")
                .hasSize(1)
                .allMatch(Optional::isPresent);
        assertThat(log.all())
                .filteredOn(event -> event.userId().equals(Optional.of(bob.id())))
                .extracting(SecurityEvent::origin)
                .containsOnly(ORIGIN);
    }

    @Test
    void deleteWithTheWrongPasswordThenNothingChanges() {
        User alice = stored("alice");

        StepVerifier.create(service(knownBrowsers).delete(request(alice, "not it")))
                .expectNext(new AccountDeletionOutcome.NotConfirmed(new ReauthenticationOutcome.WrongPassword()))
                .verifyComplete();

        assertThat(users.findById(alice.id()).block()).isEqualTo(alice);
        assertThat(outbox.entries()).isEmpty();
        assertThat(log.types()).containsExactly(SecurityEventType.REAUTHENTICATION_FAILED);
    }

    @Test
    void deleteWithoutAPasswordAfterTheWindowClosedThenPasswordRequired() {
        User alice = stored("alice");
        clock.advance(Duration.ofMinutes(5));

        StepVerifier.create(service(knownBrowsers)
                        .delete(new AccountDeletionRequest(
                                ReauthenticationAttempt.of(alice.id(), null, Optional.of(NOW), ORIGIN), "en")))
                .expectNext(new AccountDeletionOutcome.NotConfirmed(new ReauthenticationOutcome.PasswordRequired()))
                .verifyComplete();
        assertThat(users.findById(alice.id()).block()).isEqualTo(alice);
    }

    @Test
    void deleteWithoutAPasswordWithinTheWindowThenDeleted() {
        User alice = stored("alice");
        clock.advance(Duration.ofMinutes(4));

        StepVerifier.create(service(knownBrowsers)
                        .delete(new AccountDeletionRequest(
                                ReauthenticationAttempt.of(alice.id(), null, Optional.of(NOW), ORIGIN), "en")))
                .expectNext(new AccountDeletionOutcome.Deleted())
                .verifyComplete();
        assertThat(users.findById(alice.id()).block()).isNull();
    }

    @Test
    void aFailureHalfwayLeavesEverythingAsItWas() {
        User alice = stored("alice");
        events.record(SecurityEventType.LOGIN_SUCCEEDED, alice.id(), ORIGIN).block();
        KnownBrowserRepository failing = new KnownBrowserRepository() {
            @Override
            public Mono<Void> add(KnownBrowser device) {
                return knownBrowsers.add(device);
            }

            @Override
            public Mono<Boolean> isKnown(String deviceId, UserId userId, Instant now) {
                return knownBrowsers.isKnown(deviceId, userId, now);
            }

            @Override
            public Mono<Long> removeExpired(Instant now) {
                return knownBrowsers.removeExpired(now);
            }

            @Override
            public Mono<Long> removeAllOf(UserId userId) {
                return Mono.error(new IllegalStateException("the database went away"));
            }
        };

        StepVerifier.create(service(failing).delete(request(alice, PASSWORD)))
                .expectErrorMessage("the database went away")
                .verify();

        assertThat(users.findById(alice.id()).block()).isEqualTo(alice);
        assertThat(outbox.entries()).isEmpty();
        assertThat(log.all())
                .extracting(SecurityEvent::type)
                .containsExactly(SecurityEventType.LOGIN_SUCCEEDED, SecurityEventType.REAUTHENTICATED);
        assertThat(log.all()).allMatch(event -> event.userId().equals(Optional.of(alice.id())));
    }

    @Test
    void deletingAnAccountThatIsAlreadyGoneIsDoneAndQueuesNothing() {
        User alice = stored("alice");
        users.remove(alice.id()).block();

        StepVerifier.create(service(knownBrowsers)
                        .delete(new AccountDeletionRequest(
                                ReauthenticationAttempt.of(alice.id(), null, Optional.of(NOW), ORIGIN), "en")))
                .expectNext(new AccountDeletionOutcome.Deleted())
                .verifyComplete();
        assertThat(outbox.entries()).isEmpty();
    }

    private User stored(String name) {
        User user = User.registerWithPassword(
                new Username(name), new EmailAddress(name + "@example.com"), passwordHasher.hash(PASSWORD), NOW);
        users.add(user).block();
        return user;
    }

    private static AccountDeletionRequest request(User user, String password) {
        return new AccountDeletionRequest(
                ReauthenticationAttempt.of(user.id(), password, Optional.empty(), ORIGIN), "de-CH");
    }

    private static SecurityNotice notice(User user, SecurityNotice.Notice notice) {
        return new SecurityNotice(user.id(), user.email(), user.username(), "en", notice, NOW, ORIGIN);
    }
}
