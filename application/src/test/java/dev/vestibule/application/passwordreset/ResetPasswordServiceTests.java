package dev.vestibule.application.passwordreset;

import static dev.vestibule.application.passwordreset.PasswordResetFixture.LIFETIME;
import static dev.vestibule.application.passwordreset.PasswordResetFixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.domain.model.event.SecurityEvent;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.model.password.PasswordRejection;
import dev.vestibule.domain.model.rememberme.RememberMeToken;
import dev.vestibule.domain.model.rememberme.RememberedBrowser;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.port.in.PasswordResetCommand;
import dev.vestibule.domain.port.in.PasswordResetOutcome;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class ResetPasswordServiceTests {

    private static final String NEW_PASSWORD = "brand new passphrase 9";

    private final PasswordResetFixture fixture = new PasswordResetFixture();

    @Test
    void openWhenTheLinkIsFreshThenTheFormMayBeShownAndNothingIsSpent() {
        fixture.registered("Ada");
        fixture.requestFor("ada@example.com");
        String token = fixture.latestToken();

        StepVerifier.create(fixture.open.open(token)).expectNext(true).verifyComplete();
        StepVerifier.create(fixture.open.open(token)).expectNext(true).verifyComplete();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "../../etc/passwd"})
    void openWhenTheTokenIsUnknownOrMalformedThenNo(String token) {
        StepVerifier.create(fixture.open.open(token)).expectNext(false).verifyComplete();
    }

    @Test
    void resetChangesThePasswordAndSpendsTheLink() {
        User ada = fixture.registered("Ada");
        fixture.requestFor("ada@example.com");
        String token = fixture.latestToken();

        StepVerifier.create(resetWith(token, NEW_PASSWORD, NEW_PASSWORD))
                .expectNext(new PasswordResetOutcome.Reset(ada.username()))
                .verifyComplete();

        assertThat(fixture.passwordHasher
                        .verify(NEW_PASSWORD, fixture.storedHash(ada))
                        .matches())
                .isTrue();
        assertThat(fixture.passwordHasher
                        .verify("old password 1", fixture.storedHash(ada))
                        .matches())
                .isFalse();
        StepVerifier.create(fixture.open.open(token)).expectNext(false).verifyComplete();
        StepVerifier.create(resetWith(token, "another passphrase 8", "another passphrase 8"))
                .expectNext(PasswordResetOutcome.LINK_INVALID)
                .verifyComplete();
        assertThat(fixture.passwordHasher
                        .verify(NEW_PASSWORD, fixture.storedHash(ada))
                        .matches())
                .isTrue();
    }

    @Test
    void resetForgetsEveryRememberedBrowserOfTheUserOnly() {
        User ada = fixture.registered("Ada");
        User bob = fixture.registered("Bob");
        remember(ada);
        remember(ada);
        RememberedBrowser bobs = remember(bob);
        fixture.requestFor("ada@example.com");

        StepVerifier.create(resetWith(fixture.latestToken(), NEW_PASSWORD, NEW_PASSWORD))
                .expectNextCount(1)
                .verifyComplete();

        assertThat(fixture.rememberedBrowsers.count()).isEqualTo(1);
        StepVerifier.create(fixture.rememberedBrowsers.findBySeries(bobs.series()))
                .expectNext(bobs)
                .verifyComplete();
    }

    @Test
    void resetMailsThePasswordResetNoticeAndRecordsTheEvent() {
        User ada = fixture.registered("Ada");
        fixture.requestFor("ada@example.com");

        StepVerifier.create(fixture.reset.reset(
                        new PasswordResetCommand(fixture.latestToken(), NEW_PASSWORD, NEW_PASSWORD, "de"), ORIGIN))
                .expectNextCount(1)
                .verifyComplete();

        assertThat(fixture.outbox.entries())
                .extracting(entry -> entry.mail())
                .filteredOn(SecurityNotice.class::isInstance)
                .singleElement()
                .satisfies(mail -> {
                    SecurityNotice notice = (SecurityNotice) mail;
                    assertThat(notice.notice()).isEqualTo(SecurityNotice.Notice.PASSWORD_RESET);
                    assertThat(notice.to()).isEqualTo(ada.email());
                    assertThat(notice.languageTag()).isEqualTo("de");
                    assertThat(notice.origin()).isEqualTo(ORIGIN);
                    assertThat(notice.at()).isEqualTo(fixture.clock.instant());
                });
        assertThat(fixture.eventLog.all())
                .extracting(SecurityEvent::type)
                .containsExactly(SecurityEventType.PASSWORD_RESET_REQUESTED, SecurityEventType.PASSWORD_RESET);
        assertThat(fixture.eventLog.all().get(1).userId()).contains(ada.id());
    }

    @Test
    void resetWhenThePasswordIsRefusedThenSaysWhyAndTheLinkStaysUnspent() {
        User ada = fixture.registered("Ada");
        fixture.requestFor("ada@example.com");
        String token = fixture.latestToken();
        PasswordHash before = fixture.storedHash(ada);

        StepVerifier.create(resetWith(token, "short", "short"))
                .assertNext(outcome -> assertThat(outcome)
                        .isEqualTo(new PasswordResetOutcome.Rejected(
                                List.of(new PasswordResetOutcome.WeakPassword(new PasswordRejection.TooShort(15))),
                                List.of())))
                .verifyComplete();
        StepVerifier.create(resetWith(token, "password12345678", "password12345678"))
                .assertNext(outcome -> assertThat(((PasswordResetOutcome.Rejected) outcome).password())
                        .containsExactly(new PasswordResetOutcome.WeakPassword(new PasswordRejection.Common())))
                .verifyComplete();
        StepVerifier.create(resetWith(token, NEW_PASSWORD, "something else"))
                .expectNext(new PasswordResetOutcome.Rejected(
                        List.of(), List.of(new PasswordResetOutcome.PasswordsDiffer())))
                .verifyComplete();
        StepVerifier.create(resetWith(token, "", ""))
                .expectNext(new PasswordResetOutcome.Rejected(
                        List.of(new PasswordResetOutcome.PasswordMissing()), List.of()))
                .verifyComplete();

        assertThat(fixture.storedHash(ada)).isEqualTo(before);
        StepVerifier.create(fixture.open.open(token)).expectNext(true).verifyComplete();
        StepVerifier.create(resetWith(token, NEW_PASSWORD, NEW_PASSWORD))
                .expectNextMatches(PasswordResetOutcome.Reset.class::isInstance)
                .verifyComplete();
    }

    @Test
    void resetWhenThePasswordContainsTheUsernameThenRefused() {
        fixture.registered("Adalovelace");
        fixture.requestFor("adalovelace@example.com");

        StepVerifier.create(resetWith(fixture.latestToken(), "my adalovelace pass", "my adalovelace pass"))
                .expectNextMatches(PasswordResetOutcome.Rejected.class::isInstance)
                .verifyComplete();
    }

    @Test
    void resetWhenTheLinkExpiredThenInvalidAndNothingChanges() {
        User ada = fixture.registered("Ada");
        fixture.requestFor("ada@example.com");
        String token = fixture.latestToken();
        PasswordHash before = fixture.storedHash(ada);
        fixture.clock.advance(LIFETIME);

        StepVerifier.create(fixture.open.open(token)).expectNext(false).verifyComplete();
        StepVerifier.create(resetWith(token, NEW_PASSWORD, NEW_PASSWORD))
                .expectNext(PasswordResetOutcome.LINK_INVALID)
                .verifyComplete();
        assertThat(fixture.storedHash(ada)).isEqualTo(before);
    }

    @Test
    void resetWhenTheLinkIsJustBeforeItsExpiryThenWorks() {
        fixture.registered("Ada");
        fixture.requestFor("ada@example.com");
        fixture.clock.advance(LIFETIME.minusSeconds(1));

        StepVerifier.create(resetWith(fixture.latestToken(), NEW_PASSWORD, NEW_PASSWORD))
                .expectNextMatches(PasswordResetOutcome.Reset.class::isInstance)
                .verifyComplete();
    }

    @Test
    void resetWhenTheAccountsAddressChangedSinceTheLinkWasSentThenInvalid() {
        User ada = fixture.registered("Ada");
        fixture.requestFor("ada@example.com");
        fixture.users.replace(User.restore(
                ada.id(),
                ada.username(),
                new EmailAddress("ada@elsewhere.example"),
                fixture.storedHash(ada),
                List.of(),
                true,
                ada.registeredAt(),
                ada.securityStamp(),
                ada.isEmailConfirmed()));

        StepVerifier.create(fixture.open.open(fixture.latestToken()))
                .expectNext(false)
                .verifyComplete();
        StepVerifier.create(resetWith(fixture.latestToken(), NEW_PASSWORD, NEW_PASSWORD))
                .expectNext(PasswordResetOutcome.LINK_INVALID)
                .verifyComplete();
    }

    @Test
    void resetWhenTheAccountWasDisabledSinceThenInvalid() {
        User ada = fixture.registered("Ada");
        fixture.requestFor("ada@example.com");
        fixture.users.replace(ada.deactivated());

        StepVerifier.create(resetWith(fixture.latestToken(), NEW_PASSWORD, NEW_PASSWORD))
                .expectNext(PasswordResetOutcome.LINK_INVALID)
                .verifyComplete();
    }

    @Test
    void resetWithAnOlderLinkAfterANewerWasRequestedThenInvalid() {
        fixture.registered("Ada");
        fixture.requestFor("ada@example.com");
        String older = fixture.latestToken();
        fixture.clock.advance(Duration.ofSeconds(5));
        fixture.requestFor("ada@example.com");

        StepVerifier.create(resetWith(older, NEW_PASSWORD, NEW_PASSWORD))
                .expectNext(PasswordResetOutcome.LINK_INVALID)
                .verifyComplete();
    }

    @Test
    void resetWhenTwoRequestsRaceWithOneLinkThenExactlyOneResets() {
        fixture.registered("Ada");
        fixture.requestFor("ada@example.com");
        String token = fixture.latestToken();

        List<PasswordResetOutcome> outcomes = Flux.merge(List.of(
                        resetWith(token, NEW_PASSWORD, NEW_PASSWORD).subscribeOn(Schedulers.boundedElastic()),
                        resetWith(token, "another passphrase 8", "another passphrase 8")
                                .subscribeOn(Schedulers.boundedElastic()),
                        resetWith(token, "a third passphrase 7", "a third passphrase 7")
                                .subscribeOn(Schedulers.boundedElastic())))
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(outcomes)
                .filteredOn(PasswordResetOutcome.Reset.class::isInstance)
                .hasSize(1);
        assertThat(outcomes)
                .filteredOn(PasswordResetOutcome.LinkInvalid.class::isInstance)
                .hasSize(2);
        assertThat(fixture.outbox.entries())
                .filteredOn(entry -> entry.mail() instanceof SecurityNotice)
                .hasSize(1);
    }

    @Test
    void commandNeverPrintsTheTokenOrPasswords() {
        String text = new PasswordResetCommand("the-token-value", NEW_PASSWORD, NEW_PASSWORD, "en").toString();

        assertThat(text).doesNotContain("the-token-value").doesNotContain(NEW_PASSWORD);
    }

    private reactor.core.publisher.Mono<PasswordResetOutcome> resetWith(String token, String password, String repeat) {
        return fixture.reset.reset(new PasswordResetCommand(token, password, repeat, "en"), ORIGIN);
    }

    private RememberedBrowser remember(User user) {
        RememberedBrowser device = RememberedBrowser.remember(
                RememberMeToken.generate(new SecureRandom()),
                user,
                ORIGIN,
                fixture.clock.instant(),
                Duration.ofDays(14));
        StepVerifier.create(fixture.rememberedBrowsers.add(device)).verifyComplete();
        return device;
    }

    // issue 13 finding 8: breached passwords
    @Test
    void resetWhenTheBreachCheckKnowsThePasswordThenRefusedAndTheLinkStaysUnspent() {
        User ada = fixture.registered("Ada");
        fixture.requestFor("ada@example.com");
        String token = fixture.latestToken();
        var before = fixture.storedHash(ada);
        fixture.breached.add("leaked but long enough");

        StepVerifier.create(resetWith(token, "leaked but long enough", "leaked but long enough"))
                .expectNext(new PasswordResetOutcome.Rejected(
                        List.of(new PasswordResetOutcome.WeakPassword(new PasswordRejection.Breached())), List.of()))
                .verifyComplete();

        assertThat(fixture.storedHash(ada)).isEqualTo(before);
        StepVerifier.create(resetWith(token, NEW_PASSWORD, NEW_PASSWORD))
                .expectNextMatches(PasswordResetOutcome.Reset.class::isInstance)
                .verifyComplete();
    }
}
