package dev.vestibule.application.twofactor;

import static dev.vestibule.application.twofactor.TwoFactorFixture.ORIGIN;
import static dev.vestibule.application.twofactor.TwoFactorFixture.codeAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.fakes.InMemoryMailOutbox;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.login.Factor;
import dev.vestibule.domain.model.login.SignInFactors;
import dev.vestibule.domain.model.mail.MailKind;
import dev.vestibule.domain.model.twofactor.PendingLogin;
import dev.vestibule.domain.model.twofactor.RecoveryCode;
import dev.vestibule.domain.model.twofactor.Totp;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.port.in.SecondStepAttempt;
import dev.vestibule.domain.port.in.SecondStepOutcome;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class PassSecondStepServiceTests {

    private final TwoFactorFixture fixture = new TwoFactorFixture();

    @Test
    void aCurrentCodeSignsInOnPasswordAndAppAndIsRecordedAsLoginSucceeded() {
        User alice = fixture.stored("alice");
        var enrolled = fixture.enrol(alice);
        fixture.clock.advance(Duration.ofSeconds(30));

        StepVerifier.create(fixture.secondStep.pass(attempt(alice, codeAt(enrolled.secret(), fixture.clock.instant()))))
                .assertNext(outcome -> {
                    var passed = (SecondStepOutcome.Passed) outcome;
                    assertThat(passed.user().id()).isEqualTo(alice.id());
                    assertThat(passed.factors().factors())
                            .containsExactlyInAnyOrder(Factor.PASSWORD, Factor.AUTHENTICATOR_APP);
                })
                .verifyComplete();
        assertThat(fixture.log.types()).endsWith(SecurityEventType.LOGIN_SUCCEEDED);
    }

    @Test
    void aCodeIsAcceptedOnceItsReplayWithinTheWindowIsRefused() {
        User alice = fixture.stored("alice");
        var enrolled = fixture.enrol(alice);
        fixture.clock.advance(Duration.ofSeconds(30));
        String code = codeAt(enrolled.secret(), fixture.clock.instant());

        assertThat(fixture.secondStep.pass(attempt(alice, code)).block()).isInstanceOf(SecondStepOutcome.Passed.class);
        fixture.clock.advance(Duration.ofSeconds(5));

        StepVerifier.create(fixture.secondStep.pass(attempt(alice, code)))
                .expectNext(new SecondStepOutcome.WrongCode())
                .verifyComplete();
        assertThat(fixture.log.types()).endsWith(SecurityEventType.SECOND_STEP_FAILED);
    }

    @Test
    void theCodeThatEnabledTheAppIsRefusedAtSignIn() {
        User alice = fixture.stored("alice");
        var enrolled = fixture.enrol(alice);

        StepVerifier.create(fixture.secondStep.pass(attempt(alice, codeAt(enrolled.secret(), fixture.clock.instant()))))
                .expectNext(new SecondStepOutcome.WrongCode())
                .verifyComplete();
    }

    @Test
    void aRecoveryCodeWorksOnceRecordsItAndQueuesTheNotice() {
        User alice = fixture.stored("alice");
        var enrolled = fixture.enrol(alice);
        String code = enrolled.recoveryCodes().get(3).toLowerCase().replace("-", " ");

        StepVerifier.create(fixture.secondStep.pass(attempt(alice, code)))
                .assertNext(outcome -> assertThat(
                                ((SecondStepOutcome.Passed) outcome).factors().factors())
                        .containsExactlyInAnyOrder(Factor.PASSWORD, Factor.RECOVERY_CODE))
                .verifyComplete();
        StepVerifier.create(fixture.secondStep.pass(attempt(alice, code)))
                .expectNext(new SecondStepOutcome.WrongCode())
                .verifyComplete();

        assertThat(fixture.recoveryCodes.countLeft(alice.id()).block()).isEqualTo(9);
        assertThat(fixture.log.types())
                .containsSubsequence(
                        SecurityEventType.RECOVERY_CODE_USED,
                        SecurityEventType.LOGIN_SUCCEEDED,
                        SecurityEventType.SECOND_STEP_FAILED);
        assertThat(fixture.outbox.entries())
                .extracting(InMemoryMailOutbox.Entry::kind)
                .containsExactly(MailKind.SECOND_FACTOR_CHANGED_NOTICE, MailKind.RECOVERY_CODE_USED_NOTICE);
    }

    @Test
    void anotherUsersRecoveryCodeIsWrong() {
        User alice = fixture.stored("alice");
        User bob = fixture.stored("bob");
        fixture.enrol(alice);
        var bobs = fixture.enrol(bob);

        StepVerifier.create(fixture.secondStep.pass(
                        attempt(alice, bobs.recoveryCodes().get(0))))
                .expectNext(new SecondStepOutcome.WrongCode())
                .verifyComplete();
    }

    @Test
    void tenWrongCodesThenTheStepIsLockedForTheAccountAndTheRightCodeIsRefusedToo() {
        User alice = fixture.stored("alice");
        var enrolled = fixture.enrol(alice);
        fixture.clock.advance(Duration.ofSeconds(30));
        String right = codeAt(enrolled.secret(), fixture.clock.instant());
        String wrong = right.equals("000000") ? "111111" : "000000";

        for (int i = 0; i < 10; i++) {
            // Each from a new pending login: the allowance is the account's, not the login's.
            assertThat(fixture.secondStep.pass(attempt(alice, wrong)).block())
                    .isEqualTo(new SecondStepOutcome.WrongCode());
        }
        for (int i = 0; i < 2; i++) {
            assertThat(fixture.secondStep.pass(attempt(alice, wrong)).block())
                    .isInstanceOf(SecondStepOutcome.Throttled.class);
        }
        StepVerifier.create(fixture.secondStep.pass(attempt(alice, right)))
                .assertNext(outcome -> assertThat(((SecondStepOutcome.Throttled) outcome).retryAfter())
                        .isPositive()
                        .isLessThanOrEqualTo(Duration.ofHours(1)))
                .verifyComplete();
        // Three throttled attempts, one record of their burst.
        assertThat(fixture.log.types().stream()
                        .filter(type -> type == SecurityEventType.SECOND_STEP_THROTTLED)
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aLapsedPendingLoginOrAChangedStampIsLapsedAndChecksNothing() {
        User alice = fixture.stored("alice");
        var enrolled = fixture.enrol(alice);
        String code = codeAt(enrolled.secret(), fixture.clock.instant().plusSeconds(30));
        var old = new PendingLogin(
                alice.id(),
                alice.securityStamp(),
                SignInFactors.of(Factor.PASSWORD, fixture.clock.instant()),
                fixture.clock.instant());
        var otherStamp = new PendingLogin(
                alice.id(),
                new SecurityStamp("someotherstamp"),
                SignInFactors.of(Factor.PASSWORD, fixture.clock.instant()),
                fixture.clock.instant());
        fixture.clock.advance(PendingLogin.LIFETIME);

        StepVerifier.create(fixture.secondStep.pass(new SecondStepAttempt(old, code, ORIGIN, "en")))
                .expectNext(new SecondStepOutcome.Lapsed())
                .verifyComplete();
        StepVerifier.create(fixture.secondStep.pass(new SecondStepAttempt(otherStamp, code, ORIGIN, "en")))
                .expectNext(new SecondStepOutcome.Lapsed())
                .verifyComplete();
        assertThat(fixture.log.types()).doesNotContain(SecurityEventType.SECOND_STEP_FAILED);
    }

    @Test
    void aSecretSealedWithAnOlderKeyIsResealedWhenUsed() {
        User alice = fixture.stored("alice");
        var enrolled = fixture.enrol(alice);
        fixture.cipher.rotateTo("k2");
        fixture.clock.advance(Duration.ofSeconds(30));

        fixture.secondStep
                .pass(attempt(alice, codeAt(enrolled.secret(), fixture.clock.instant())))
                .block();

        assertThat(fixture.apps.find(alice.id()).block().sealedSecret()).startsWith("k2.");
    }

    @Test
    void nothingButSixDigitsOrARecoveryCodeIsEvenLookedUp() {
        User alice = fixture.stored("alice");
        fixture.enrol(alice);

        for (String typed : Set.of(
                "",
                "12345",
                "1234567",
                "not a code",
                RecoveryCode.parse("0000-0000-0000-0000").orElseThrow().formatted())) {
            assertThat(fixture.secondStep.pass(attempt(alice, typed)).block())
                    .isEqualTo(new SecondStepOutcome.WrongCode());
        }
        assertThat(Totp.looksLikeCode("12345")).isFalse();
    }

    private SecondStepAttempt attempt(User user, String code) {
        var login = new PendingLogin(
                user.id(),
                user.securityStamp(),
                SignInFactors.of(Factor.PASSWORD, fixture.clock.instant()),
                fixture.clock.instant());
        return new SecondStepAttempt(login, code, ORIGIN, "en");
    }
}
