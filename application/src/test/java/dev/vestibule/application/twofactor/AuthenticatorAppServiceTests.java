package dev.vestibule.application.twofactor;

import static dev.vestibule.application.twofactor.TwoFactorFixture.ORIGIN;
import static dev.vestibule.application.twofactor.TwoFactorFixture.PASSWORD;
import static dev.vestibule.application.twofactor.TwoFactorFixture.codeAt;
import static dev.vestibule.application.twofactor.TwoFactorFixture.withPassword;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.fakes.InMemoryMailOutbox;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.mail.MailKind;
import dev.vestibule.domain.model.reauthentication.ReauthenticationOutcome;
import dev.vestibule.domain.model.twofactor.Base32;
import dev.vestibule.domain.model.twofactor.SecondFactors;
import dev.vestibule.domain.model.twofactor.Totp;
import dev.vestibule.domain.model.twofactor.TotpSecret;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.port.in.AuthenticatorAppEnrolment;
import dev.vestibule.domain.port.in.AuthenticatorAppOffer;
import dev.vestibule.domain.port.in.ReauthenticationAttempt;
import dev.vestibule.domain.port.in.TwoFactorChange;
import dev.vestibule.domain.port.in.TwoFactorChangeOutcome;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class AuthenticatorAppServiceTests {

    private final TwoFactorFixture fixture = new TwoFactorFixture();
    private final AuthenticatorAppEnrolments enrolments =
            new AuthenticatorAppEnrolments(fixture.apps, fixture.recoveryCodes);

    @Test
    void offerDrawsANewSealedSecretEachTimeAndStoresNothing() {
        User alice = fixture.stored("alice");

        AuthenticatorAppOffer first = fixture.appService.offer(alice.id()).block();
        AuthenticatorAppOffer second = fixture.appService.offer(alice.id()).block();

        assertThat(first.secretBase32()).isNotEqualTo(second.secretBase32()).hasSize(32);
        assertThat(first.otpauthUri()).startsWith("otpauth://totp/Vestibule:alice?secret=" + first.secretBase32());
        assertThat(first.sealedSecret()).doesNotContain(first.secretBase32());
        assertThat(first.toString()).doesNotContain(first.secretBase32());
        StepVerifier.create(enrolments.of(alice.id()))
                .expectNext(new SecondFactors(false, 0, 0))
                .verifyComplete();
    }

    @Test
    void anOfferIsShownAgainFromItsSealedSecretForItsUserOnly() {
        User alice = fixture.stored("alice");
        User bob = fixture.stored("bob");
        AuthenticatorAppOffer offer = fixture.appService.offer(alice.id()).block();

        StepVerifier.create(fixture.appService.offered(alice.id(), offer.sealedSecret()))
                .expectNext(offer)
                .verifyComplete();
        StepVerifier.create(fixture.appService.offered(bob.id(), offer.sealedSecret()))
                .verifyComplete();
    }

    @Test
    void enableWithACurrentCodeStoresTheAppGivesTenCodesRecordsAndMails() {
        User alice = fixture.stored("alice");
        AuthenticatorAppOffer offer = fixture.appService.offer(alice.id()).block();
        TotpSecret secret = TotpSecret.of(Base32.decode(offer.secretBase32()));

        StepVerifier.create(fixture.appService.enable(new AuthenticatorAppEnrolment(
                        withPassword(alice, PASSWORD),
                        offer.sealedSecret(),
                        codeAt(secret, fixture.clock.instant()),
                        "de")))
                .assertNext(outcome -> {
                    var changed = (TwoFactorChangeOutcome.Changed) outcome;
                    assertThat(changed.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
                    assertThat(changed.passwordCheckedAt()).isPresent();
                })
                .verifyComplete();

        StepVerifier.create(enrolments.of(alice.id()))
                .expectNext(new SecondFactors(true, 10, 0))
                .verifyComplete();
        assertThat(fixture.log.types())
                .containsExactly(SecurityEventType.REAUTHENTICATED, SecurityEventType.AUTHENTICATOR_APP_ENABLED);
        assertThat(fixture.outbox.entries())
                .extracting(InMemoryMailOutbox.Entry::kind)
                .containsExactly(MailKind.SECOND_FACTOR_CHANGED_NOTICE);
    }

    @Test
    void enableWithAWrongCodeStoresNothing() {
        User alice = fixture.stored("alice");
        AuthenticatorAppOffer offer = fixture.appService.offer(alice.id()).block();
        TotpSecret secret = TotpSecret.of(Base32.decode(offer.secretBase32()));
        String stale = Totp.code(secret, Totp.stepAt(fixture.clock.instant()) - 3);

        StepVerifier.create(fixture.appService.enable(new AuthenticatorAppEnrolment(
                        withPassword(alice, PASSWORD), offer.sealedSecret(), stale, "en")))
                .assertNext(outcome -> assertThat(outcome).isInstanceOf(TwoFactorChangeOutcome.WrongCode.class))
                .verifyComplete();
        StepVerifier.create(enrolments.of(alice.id()))
                .expectNext(SecondFactors.NONE)
                .verifyComplete();
        assertThat(fixture.outbox.entries()).isEmpty();
    }

    @Test
    void enableWithAnotherUsersSealedSecretIsAWrongCode() {
        User alice = fixture.stored("alice");
        User mallory = fixture.stored("mallory");
        AuthenticatorAppOffer offer = fixture.appService.offer(alice.id()).block();
        TotpSecret secret = TotpSecret.of(Base32.decode(offer.secretBase32()));

        StepVerifier.create(fixture.appService.enable(new AuthenticatorAppEnrolment(
                        withPassword(mallory, PASSWORD),
                        offer.sealedSecret(),
                        codeAt(secret, fixture.clock.instant()),
                        "en")))
                .assertNext(outcome -> assertThat(outcome).isInstanceOf(TwoFactorChangeOutcome.WrongCode.class))
                .verifyComplete();
    }

    @Test
    void everyChangeNeedsAFreshReauthentication() {
        User alice = fixture.stored("alice");
        AuthenticatorAppOffer offer = fixture.appService.offer(alice.id()).block();
        TotpSecret secret = TotpSecret.of(Base32.decode(offer.secretBase32()));
        String code = codeAt(secret, fixture.clock.instant());
        ReauthenticationAttempt noPassword = ReauthenticationAttempt.of(alice.id(), null, Optional.empty(), ORIGIN);
        ReauthenticationAttempt wrong = withPassword(alice, "not it");
        ReauthenticationAttempt windowOpen = ReauthenticationAttempt.of(
                alice.id(), null, Optional.of(fixture.clock.instant().minusSeconds(60)), ORIGIN);

        StepVerifier.create(fixture.appService.enable(
                        new AuthenticatorAppEnrolment(noPassword, offer.sealedSecret(), code, "en")))
                .expectNext(new TwoFactorChangeOutcome.NotConfirmed(new ReauthenticationOutcome.PasswordRequired()))
                .verifyComplete();
        StepVerifier.create(fixture.appService.enable(
                        new AuthenticatorAppEnrolment(wrong, offer.sealedSecret(), code, "en")))
                .expectNext(new TwoFactorChangeOutcome.NotConfirmed(new ReauthenticationOutcome.WrongPassword()))
                .verifyComplete();
        StepVerifier.create(fixture.appService.disable(new TwoFactorChange(noPassword, "en")))
                .expectNext(new TwoFactorChangeOutcome.NotConfirmed(new ReauthenticationOutcome.PasswordRequired()))
                .verifyComplete();
        StepVerifier.create(fixture.appService.regenerate(new TwoFactorChange(noPassword, "en")))
                .expectNext(new TwoFactorChangeOutcome.NotConfirmed(new ReauthenticationOutcome.PasswordRequired()))
                .verifyComplete();
        // Within the window no password is needed.
        StepVerifier.create(fixture.appService.enable(
                        new AuthenticatorAppEnrolment(windowOpen, offer.sealedSecret(), code, "en")))
                .assertNext(outcome -> assertThat(outcome).isInstanceOf(TwoFactorChangeOutcome.Changed.class))
                .verifyComplete();
    }

    @Test
    void regenerateReplacesEveryCode() {
        User alice = fixture.stored("alice");
        var enrolled = fixture.enrol(alice);
        fixture.recoveryCodes
                .use(
                        alice.id(),
                        dev.vestibule.domain.model.twofactor.RecoveryCode.parse(
                                        enrolled.recoveryCodes().get(0))
                                .orElseThrow()
                                .hash())
                .block();

        var regenerated = (TwoFactorChangeOutcome.Changed) fixture.appService
                .regenerate(new TwoFactorChange(withPassword(alice, PASSWORD), "en"))
                .block();

        assertThat(regenerated.recoveryCodes()).hasSize(10).doesNotContainAnyElementsOf(enrolled.recoveryCodes());
        StepVerifier.create(enrolments.of(alice.id()))
                .expectNext(new SecondFactors(true, 10, 0))
                .verifyComplete();
        assertThat(fixture.log.types()).endsWith(SecurityEventType.RECOVERY_CODES_REGENERATED);
        assertThat(fixture.outbox.entries()).hasSize(2);
    }

    @Test
    void disableRemovesTheAppAndItsCodes() {
        User alice = fixture.stored("alice");
        fixture.enrol(alice);

        StepVerifier.create(fixture.appService.disable(new TwoFactorChange(withPassword(alice, PASSWORD), "en")))
                .assertNext(outcome -> assertThat(outcome).isInstanceOf(TwoFactorChangeOutcome.Changed.class))
                .verifyComplete();

        StepVerifier.create(enrolments.of(alice.id()))
                .expectNext(SecondFactors.NONE)
                .verifyComplete();
        assertThat(fixture.log.types()).endsWith(SecurityEventType.AUTHENTICATOR_APP_DISABLED);
        assertThat(fixture.outbox.entries())
                .extracting(InMemoryMailOutbox.Entry::kind)
                .containsExactly(MailKind.SECOND_FACTOR_CHANGED_NOTICE, MailKind.SECOND_FACTOR_CHANGED_NOTICE);
    }

    @Test
    void disableOrRegenerateWithoutAnAppIsNotEnabled() {
        User alice = fixture.stored("alice");

        StepVerifier.create(fixture.appService.disable(new TwoFactorChange(withPassword(alice, PASSWORD), "en")))
                .expectNext(new TwoFactorChangeOutcome.NotEnabled())
                .verifyComplete();
        StepVerifier.create(fixture.appService.regenerate(new TwoFactorChange(withPassword(alice, PASSWORD), "en")))
                .expectNext(new TwoFactorChangeOutcome.NotEnabled())
                .verifyComplete();
        assertThat(fixture.outbox.entries()).isEmpty();
    }

    @Test
    void theCodeThatEnabledTheAppCannotSignInAMomentLater() {
        User alice = fixture.stored("alice");
        var enrolled = fixture.enrol(alice);
        fixture.clock.advance(Duration.ofSeconds(5));

        assertThat(fixture.apps.find(alice.id()).block().lastUsedStep()).isEqualTo(Totp.stepAt(TwoFactorFixture.NOW));
        assertThat(enrolled.secret()).isNotNull();
    }
}
