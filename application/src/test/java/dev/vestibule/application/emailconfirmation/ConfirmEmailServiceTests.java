package dev.vestibule.application.emailconfirmation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.application.fakes.InMemoryLinkTokens;
import dev.vestibule.application.fakes.InMemoryMailOutbox;
import dev.vestibule.application.fakes.InMemorySecurityEventLog;
import dev.vestibule.application.fakes.InMemoryTransactions;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.application.mail.PublicLinks;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.linktoken.IssuedLink;
import dev.vestibule.domain.model.linktoken.LinkPurpose;
import dev.vestibule.domain.model.linktoken.LinkToken;
import dev.vestibule.domain.model.mail.EmailConfirmationLink;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.in.EmailConfirmationLinkState;
import dev.vestibule.domain.port.in.EmailConfirmationOutcome;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Opening and confirming a confirmation link: single use, 24 hours, bound to its purpose and its address. */
class ConfirmEmailServiceTests {

    private static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");
    private static final Origin ORIGIN = new Origin("203.0.113.9", "Firefox/140");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryLinkTokens linkTokens = new InMemoryLinkTokens();
    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final InMemorySecurityEventLog log = new InMemorySecurityEventLog();
    private final EmailConfirmations confirmations = new EmailConfirmations(
            linkTokens, outbox, new PublicLinks("https://vestibule.test"), Duration.ofHours(24), new SecureRandom());
    private final OpenEmailConfirmationLinkService open =
            new OpenEmailConfirmationLinkService(linkTokens, users, clock);
    private final ConfirmEmailService confirm = new ConfirmEmailService(
            linkTokens, users, new InMemoryTransactions(users, linkTokens, log), new SecurityEvents(log, clock), clock);

    @Test
    void openingALinkSaysWhichAddressItConfirmsAndSpendsNothing() {
        User alice = stored("alice");
        String token = mailedToken(alice, "new@example.com");

        for (int scan = 0; scan < 3; scan++) {
            StepVerifier.create(open.open(token))
                    .expectNext(new EmailConfirmationLinkState.Usable(new EmailAddress("new@example.com")))
                    .verifyComplete();
        }
        assertThat(linkTokens.unspentFor(alice.id(), LinkPurpose.EMAIL_CONFIRMATION))
                .isEqualTo(1);
        assertThat(users.findById(alice.id()).block().email()).isEqualTo(alice.email());
    }

    @Test
    void confirmingSetsTheAddressTheLinkWasSentToMarksItConfirmedAndWorksOnce() {
        User alice = stored("alice");
        String token = mailedToken(alice, "new@example.com");

        StepVerifier.create(confirm.confirm(token, ORIGIN))
                .expectNext(new EmailConfirmationOutcome.Confirmed(new EmailAddress("new@example.com")))
                .verifyComplete();

        assertThat(users.findById(alice.id()).block().email().value()).isEqualTo("new@example.com");
        assertThat(users.findById(alice.id()).block().isEmailConfirmed()).isTrue();
        assertThat(log.types()).containsExactly(SecurityEventType.EMAIL_CONFIRMED);
        StepVerifier.create(confirm.confirm(token, ORIGIN))
                .expectNext(new EmailConfirmationOutcome.LinkNotUsable())
                .verifyComplete();
        StepVerifier.create(open.open(token))
                .expectNext(new EmailConfirmationLinkState.NotUsable())
                .verifyComplete();
    }

    @Test
    void aLinkWorksForTwentyFourHoursOnly() {
        User alice = stored("alice");
        String token = mailedToken(alice, "new@example.com");
        clock.advance(Duration.ofHours(24));

        StepVerifier.create(open.open(token))
                .expectNext(new EmailConfirmationLinkState.NotUsable())
                .verifyComplete();
        StepVerifier.create(confirm.confirm(token, ORIGIN))
                .expectNext(new EmailConfirmationOutcome.LinkNotUsable())
                .verifyComplete();
        assertThat(users.findById(alice.id()).block().isEmailConfirmed()).isFalse();
    }

    @Test
    void aPasswordResetLinkConfirmsNothing() {
        User alice = stored("alice");
        LinkToken reset = LinkToken.generate(new SecureRandom());
        linkTokens
                .issue(IssuedLink.issue(
                        reset, LinkPurpose.PASSWORD_RESET, alice.id(), alice.email(), NOW, Duration.ofHours(1)))
                .block();

        StepVerifier.create(confirm.confirm(reset.value(), ORIGIN))
                .expectNext(new EmailConfirmationOutcome.LinkNotUsable())
                .verifyComplete();
        assertThat(users.findById(alice.id()).block().isEmailConfirmed()).isFalse();
    }

    @Test
    void unknownAndMalformedTokensAreNotUsable() {
        for (String token : new String[] {LinkToken.generate(new SecureRandom()).value(), "short", "", null}) {
            StepVerifier.create(open.open(token))
                    .expectNext(new EmailConfirmationLinkState.NotUsable())
                    .verifyComplete();
            StepVerifier.create(confirm.confirm(token, ORIGIN))
                    .expectNext(new EmailConfirmationOutcome.LinkNotUsable())
                    .verifyComplete();
        }
    }

    @Test
    void whenAnotherAccountTookTheAddressMeanwhileNothingChangesAndTheLinkStands() {
        User alice = stored("alice");
        String token = mailedToken(alice, "wanted@example.com");
        users.add(User.registerWithPassword(
                        new Username("quick"), new EmailAddress("wanted@example.com"), new PasswordHash("{x}y"), NOW))
                .block();

        StepVerifier.create(confirm.confirm(token, ORIGIN))
                .expectNext(new EmailConfirmationOutcome.AddressTaken(new EmailAddress("wanted@example.com")))
                .verifyComplete();

        assertThat(users.findById(alice.id()).block().email()).isEqualTo(alice.email());
        assertThat(linkTokens.unspentFor(alice.id(), LinkPurpose.EMAIL_CONFIRMATION))
                .isEqualTo(1);
        assertThat(log.types()).isEmpty();
    }

    @Test
    void aLinkOfADisabledAccountConfirmsNothing() {
        User alice = stored("alice");
        String token = mailedToken(alice, "new@example.com");
        users.replace(alice.deactivated());

        StepVerifier.create(confirm.confirm(token, ORIGIN))
                .expectNext(new EmailConfirmationOutcome.LinkNotUsable())
                .verifyComplete();
    }

    @Test
    void onlyTheLatestLinkWorks() {
        User alice = stored("alice");
        String first = mailedToken(alice, "first@example.com");
        String second = mailedToken(alice, "second@example.com");

        StepVerifier.create(confirm.confirm(first, ORIGIN))
                .expectNext(new EmailConfirmationOutcome.LinkNotUsable())
                .verifyComplete();
        StepVerifier.create(confirm.confirm(second, ORIGIN))
                .expectNext(new EmailConfirmationOutcome.Confirmed(new EmailAddress("second@example.com")))
                .verifyComplete();
    }

    private User stored(String name) {
        User user = User.registerWithPassword(
                new Username(name), new EmailAddress(name + "@example.com"), new PasswordHash("{x}" + name), NOW);
        users.add(user).block();
        return user;
    }

    /** Sends a link as sign-up or an email change does, and reads its token back out of the queued mail. */
    private String mailedToken(User user, String address) {
        confirmations
                .send(user, new EmailAddress(address), "en", clock.instant())
                .block();
        EmailConfirmationLink mail = (EmailConfirmationLink)
                outbox.entries().get(outbox.entries().size() - 1).mail();
        return mail.link().substring(mail.link().lastIndexOf('/') + 1);
    }
}
