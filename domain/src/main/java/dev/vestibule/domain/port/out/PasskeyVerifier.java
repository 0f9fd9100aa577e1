package dev.vestibule.domain.port.out;

import dev.vestibule.domain.model.passkey.AssertionClaim;
import dev.vestibule.domain.model.passkey.AssertionVerdict;
import dev.vestibule.domain.model.passkey.Passkey;
import dev.vestibule.domain.model.passkey.RegistrationVerdict;
import reactor.core.publisher.Mono;

/**
 * Reads and verifies the browser's WebAuthn responses (the JSON of {@code PublicKeyCredential.toJSON()}) for the
 * relying party, user verification required. The work is CPU-bound: implementations run it off the event loop.
 * Reading answers empty for anything that is not such a response.
 */
public interface PasskeyVerifier {

    /** The challenge a registration response (attestation) answers. */
    Mono<String> registrationChallenge(String responseJson);

    /** Verifies a registration response against the {@code challenge} that was issued for it. */
    Mono<RegistrationVerdict> verifyRegistration(String responseJson, String challenge);

    /** The credential, challenge and user handle an authentication response (assertion) claims. */
    Mono<AssertionClaim> readAssertion(String responseJson);

    /** Verifies an authentication response against its challenge and the stored passkey it claims. */
    Mono<AssertionVerdict> verifyAssertion(String responseJson, String challenge, Passkey passkey);
}
