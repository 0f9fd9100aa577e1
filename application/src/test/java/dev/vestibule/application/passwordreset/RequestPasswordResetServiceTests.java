package dev.vestibule.application.passwordreset;

import static dev.vestibule.application.passwordreset.PasswordResetFixture.LIFETIME;
import static dev.vestibule.application.passwordreset.PasswordResetFixture.ORIGIN;
import static dev.vestibule.application.passwordreset.PasswordResetFixture.PUBLIC_URL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.domain.model.event.SecurityEvent;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.linktoken.LinkPurpose;
import dev.vestibule.domain.model.linktoken.LinkToken;
import dev.vestibule.domain.model.mail.PasswordResetLink;
import dev.vestibule.domain.model.user.EmailRejection;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.port.in.PasswordResetRequest;
import dev.vestibule.domain.port.in.PasswordResetRequestOutcome;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class RequestPasswordResetServiceTests {

    private final PasswordResetFixture fixture = new PasswordResetFixture();

    @Test
    void requestWhenAnAccountHasTheAddressThenMailsALinkBuiltFromThePublicUrl() {
        User ada = fixture.registered("Ada");

        fixture.requestFor("ada@example.com");

        assertThat(fixture.resetMails()).hasSize(1);
        PasswordResetLink mail = fixture.resetMails().get(0);
        assertThat(mail.userId()).isEqualTo(ada.id());
        assertThat(mail.to()).isEqualTo(ada.email());
        assertThat(mail.username()).isEqualTo(ada.username());
        assertThat(mail.languageTag()).isEqualTo("en");
        assertThat(mail.validFor()).isEqualTo(LIFETIME);
        assertThat(mail.link()).matches("\\Q" + PUBLIC_URL + "/password-reset/\\E[A-Za-z0-9_-]{43}");
    }

    @Test
    void requestStoresOnlyTheHashOfTheMailedToken() {
        User ada = fixture.registered("Ada");

        fixture.requestFor("ada@example.com");

        LinkToken token = LinkToken.decode(fixture.latestToken()).orElseThrow();
        StepVerifier.create(
                        fixture.linkTokens.findValid(token.hash(), LinkPurpose.PASSWORD_RESET, fixture.clock.instant()))
                .assertNext(link -> {
                    assertThat(link.userId()).isEqualTo(ada.id());
                    assertThat(link.sentTo()).isEqualTo(ada.email());
                    assertThat(link.expiresAt())
                            .isEqualTo(fixture.clock.instant().plus(LIFETIME));
                })
                .verifyComplete();
        StepVerifier.create(fixture.linkTokens.findValid(
                        token.value(), LinkPurpose.PASSWORD_RESET, fixture.clock.instant()))
                .verifyComplete();
    }

    @Test
    void requestMatchesTheAddressIgnoringCaseAndSpaces() {
        fixture.registered("Ada");

        fixture.requestFor("  ADA@Example.COM ");

        assertThat(fixture.resetMails()).hasSize(1);
    }

    @Test
    void requestWhenNoAccountHasTheAddressThenTheSameAnswerAndNoMail() {
        fixture.registered("Ada");

        fixture.requestFor("nobody@example.com");

        assertThat(fixture.outbox.entries()).isEmpty();
        assertThat(fixture.linkTokens.count()).isZero();
    }

    @Test
    void requestWhenNoAccountThenStillRecordsTheRequestWithoutAUser() {
        fixture.requestFor("nobody@example.com");

        assertThat(fixture.eventLog.all()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(SecurityEventType.PASSWORD_RESET_REQUESTED);
            assertThat(event.userId()).isEmpty();
        });
    }

    @Test
    void requestWhenAccountThenRecordsTheRequestForTheUser() {
        User ada = fixture.registered("Ada");

        fixture.requestFor("ada@example.com");

        assertThat(fixture.eventLog.all())
                .extracting(SecurityEvent::type, SecurityEvent::userId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        SecurityEventType.PASSWORD_RESET_REQUESTED, Optional.of(ada.id())));
    }

    @Test
    void requestWhenAUsernameIsTypedThenNoMail() {
        fixture.registered("Ada");

        StepVerifier.create(fixture.request.request(new PasswordResetRequest("Ada", "en"), ORIGIN))
                .expectNextMatches(PasswordResetRequestOutcome.Rejected.class::isInstance)
                .verifyComplete();
        assertThat(fixture.outbox.entries()).isEmpty();
    }

    @Test
    void requestWhenNotAnAddressThenSaysSoAndMailsNothing() {
        StepVerifier.create(fixture.request.request(new PasswordResetRequest("", "en"), ORIGIN))
                .expectNext(new PasswordResetRequestOutcome.Rejected(new EmailRejection.Missing()))
                .verifyComplete();
        StepVerifier.create(fixture.request.request(new PasswordResetRequest("not an address", "en"), ORIGIN))
                .expectNext(new PasswordResetRequestOutcome.Rejected(new EmailRejection.Malformed()))
                .verifyComplete();
        assertThat(fixture.outbox.entries()).isEmpty();
    }

    @Test
    void aNewRequestSpendsTheOlderLinks() {
        fixture.registered("Ada");
        fixture.requestFor("ada@example.com");
        String older = fixture.latestToken();

        fixture.requestFor("ada@example.com");
        String newer = fixture.latestToken();

        assertThat(newer).isNotEqualTo(older);
        StepVerifier.create(fixture.open.open(older)).expectNext(false).verifyComplete();
        StepVerifier.create(fixture.open.open(newer)).expectNext(true).verifyComplete();
    }

    @Test
    void requestWritesTheMailInTheTransactionOfTheLink() {
        fixture.registered("Ada");
        var failingOutbox = new FailingOutbox(fixture.outbox);
        var service = new RequestPasswordResetService(
                fixture.users,
                fixture.linkTokens,
                failingOutbox,
                fixture.transactions,
                fixture.limiter,
                PasswordResetFixture.PER_ACCOUNT,
                PasswordResetFixture.PER_CLIENT,
                new dev.vestibule.application.mail.PublicLinks(PUBLIC_URL),
                LIFETIME,
                fixture.events,
                fixture.clock,
                new java.security.SecureRandom());

        StepVerifier.create(service.request(new PasswordResetRequest("ada@example.com", "en"), ORIGIN))
                .expectError(IllegalStateException.class)
                .verify();

        assertThat(fixture.linkTokens.count()).as("no link without its mail").isZero();
    }

    @Test
    void requestsPerAccountAreThrottledWithTheSameAnswer() {
        fixture.registered("Ada");

        for (int i = 0; i < 5; i++) {
            fixture.requestFor("ada@example.com");
        }

        assertThat(fixture.resetMails()).hasSize(PasswordResetFixture.PER_ACCOUNT.capacity());
        fixture.clock.advance(Duration.ofMinutes(10));
        fixture.requestFor("ada@example.com");
        assertThat(fixture.resetMails()).hasSize(PasswordResetFixture.PER_ACCOUNT.capacity() + 1);
    }

    @Test
    void requestsPerClientAddressAreThrottledWithTheSameAnswerAcrossAccounts() {
        for (int i = 0; i < 7; i++) {
            fixture.registered("User" + i);
        }

        for (int i = 0; i < 7; i++) {
            fixture.requestFor("user" + i + "@example.com");
        }

        assertThat(fixture.resetMails()).hasSize(PasswordResetFixture.PER_CLIENT.capacity());
    }

    @Test
    void requestForADisabledAccountMailsNothing() {
        User ada = fixture.registered("Ada");
        fixture.users.replace(ada.deactivated());

        fixture.requestFor("ada@example.com");

        assertThat(fixture.outbox.entries()).isEmpty();
    }

    @Test
    void theMailIsInTheBrowsersLanguageWhenSupported() {
        fixture.registered("Ada");

        StepVerifier.create(fixture.request.request(new PasswordResetRequest("ada@example.com", "de-CH"), ORIGIN))
                .expectNext(PasswordResetRequestOutcome.ANSWERED)
                .verifyComplete();
        StepVerifier.create(fixture.request.request(new PasswordResetRequest("ada@example.com", "fr"), ORIGIN))
                .expectNext(PasswordResetRequestOutcome.ANSWERED)
                .verifyComplete();

        assertThat(fixture.resetMails())
                .extracting(PasswordResetLink::languageTag)
                .containsExactly("de", "en");
    }

    /** An outbox that fails after the link was issued, as a database error would. */
    private static final class FailingOutbox implements dev.vestibule.domain.port.out.MailOutbox {

        private final dev.vestibule.domain.port.out.MailOutbox delegate;

        FailingOutbox(dev.vestibule.domain.port.out.MailOutbox delegate) {
            this.delegate = delegate;
        }

        @Override
        public Mono<Void> enqueue(dev.vestibule.domain.model.mail.Mail mail, java.time.Instant now) {
            return Mono.error(new IllegalStateException("the outbox refused"));
        }

        @Override
        public reactor.core.publisher.Flux<dev.vestibule.domain.port.out.QueuedMail> claimDue(
                java.time.Instant now, int limit, Duration lease) {
            return delegate.claimDue(now, limit, lease);
        }

        @Override
        public Mono<Void> delivered(long id, java.time.Instant now) {
            return delegate.delivered(id, now);
        }

        @Override
        public Mono<Void> failed(long id, java.time.Instant retryAt, String error) {
            return delegate.failed(id, retryAt, error);
        }

        @Override
        public Mono<Void> gaveUp(long id, String error) {
            return delegate.gaveUp(id, error);
        }

        @Override
        public Mono<Long> discardQueuedFor(
                dev.vestibule.domain.model.user.UserId userId, dev.vestibule.domain.model.mail.MailKind keep) {
            return delegate.discardQueuedFor(userId, keep);
        }

        @Override
        public Mono<Long> removeFinishedOlderThan(java.time.Instant cutoff) {
            return delegate.removeFinishedOlderThan(cutoff);
        }

        @Override
        public Mono<dev.vestibule.domain.port.out.MailOutboxStats> stats() {
            return delegate.stats();
        }
    }
}
