package dev.vestibule.adapters.webauthn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.webauthn.testing.SoftwareAuthenticator;
import dev.vestibule.domain.model.passkey.AssertionVerdict;
import dev.vestibule.domain.model.passkey.CredentialId;
import dev.vestibule.domain.model.passkey.Passkey;
import dev.vestibule.domain.model.passkey.RegistrationVerdict;
import dev.vestibule.domain.model.passkey.RelyingParty;
import dev.vestibule.domain.model.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The verifier against a software authenticator: what a browser sends passes, what an attacker varies does not. */
class Webauthn4jPasskeyVerifierTests {

    private static final String ORIGIN = "http://localhost:8080";
    private static final Duration T = Duration.ofSeconds(10);
    private static final String HANDLE = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

    private final Scheduler scheduler = Schedulers.newBoundedElastic(2, 16, "test-verification");
    private final Webauthn4jPasskeyVerifier verifier =
            new Webauthn4jPasskeyVerifier(RelyingParty.forPublicUrl(ORIGIN, "Vestibule"), scheduler);
    private final SoftwareAuthenticator authenticator = new SoftwareAuthenticator(ORIGIN, "localhost");

    @AfterEach
    void stop() {
        scheduler.dispose();
    }

    private static String creationOptions(String challenge) {
        return "{\"challenge\":\"" + challenge + "\",\"user\":{\"name\":\"a\",\"id\":\"" + HANDLE + "\"}}";
    }

    private Passkey registered(String challenge) {
        String response = authenticator.create(creationOptions(challenge));
        RegistrationVerdict verdict =
                verifier.verifyRegistration(response, challenge).block(T);
        var credential = ((RegistrationVerdict.Verified) verdict).credential();
        return Passkey.register(UserId.random(), credential, "Laptop", Instant.now());
    }

    @Test
    void registrationFromTheRightOriginIsVerifiedAndDescribesTheCredential() {
        String challenge = "Y2hhbGxlbmdlLW9uZS0zMi1ieXRlcy1sb25nLi4uLi4";
        String response = authenticator.create(creationOptions(challenge));

        assertThat(verifier.registrationChallenge(response).block(T)).isEqualTo(challenge);
        Passkey passkey = registered(challenge);
        assertThat(passkey.credentialId()).isEqualTo(new CredentialId(authenticator.credentialId()));
        assertThat(passkey.transports()).containsExactly("internal");
        assertThat(passkey.backupEligible()).isTrue();
        assertThat(passkey.backedUp()).isTrue();
    }

    @Test
    void registrationForAnotherChallengeOrFromAnotherOriginIsRejected() {
        String challenge = "Y2hhbGxlbmdlLXR3bw";
        authenticator.create(creationOptions(challenge));

        assertThat(verifier.verifyRegistration(authenticator.createFor(challenge, ORIGIN), "b3RoZXI")
                        .block(T))
                .isInstanceOf(RegistrationVerdict.Rejected.class);
        assertThat(verifier.verifyRegistration(authenticator.createFor(challenge, "http://evil.example"), challenge)
                        .block(T))
                .isInstanceOf(RegistrationVerdict.Rejected.class);
    }

    @Test
    void assertionWithTheRegisteredKeyIsVerifiedAndReportsItsCounter() {
        Passkey passkey = registered("cmVn");
        String response = authenticator.getFor("c2lnbi1pbg", ORIGIN, 7);

        var claim = verifier.readAssertion(response).block(T);
        assertThat(claim.credentialId()).isEqualTo(passkey.credentialId());
        assertThat(claim.challenge()).isEqualTo("c2lnbi1pbg");
        assertThat(claim.userHandle()).isPresent();
        assertThat(verifier.verifyAssertion(response, "c2lnbi1pbg", passkey).block(T))
                .isEqualTo(new AssertionVerdict.Verified(7, true, true));
    }

    @Test
    void assertionSignedByAnotherKeyOrForAnotherOriginIsRejected() {
        Passkey passkey = registered("cmVn");
        SoftwareAuthenticator other = new SoftwareAuthenticator(ORIGIN, "localhost");
        other.create(creationOptions("eA"));

        assertThat(verifier.verifyAssertion(other.getFor("c2ln", ORIGIN, 1), "c2ln", passkey)
                        .block(T))
                .isInstanceOf(AssertionVerdict.Rejected.class);
        assertThat(verifier.verifyAssertion(authenticator.getFor("c2ln", "https://phish.example", 1), "c2ln", passkey)
                        .block(T))
                .isInstanceOf(AssertionVerdict.Rejected.class);
    }

    @Test
    void garbageIsUnreadableNeverAnError() {
        assertThat(verifier.readAssertion("{\"id\":1}").blockOptional(T)).isEmpty();
        assertThat(verifier.readAssertion("not json").blockOptional(T)).isEmpty();
        assertThat(verifier.registrationChallenge("[]").blockOptional(T)).isEmpty();
    }

    @Test
    void verificationNeverRunsOnTheCallersThread() {
        AtomicReference<String> thread = new AtomicReference<>();
        verifier.readAssertion("not json")
                .doOnTerminate(() -> thread.set(Thread.currentThread().getName()))
                .blockOptional(T);
        assertThat(thread.get()).startsWith("test-verification");
    }
}
