package dev.vestibule.domain.port.in;

import reactor.core.publisher.Mono;

/**
 * The authenticator answered a sign-in: the assertion is verified against the stored passkey, its challenge consumed,
 * its counter moved on; failures are limited per client address as failed logins are.
 */
public interface FinishPasskeySignIn {

    Mono<PasskeySignInOutcome> finish(PasskeySignInAttempt attempt);
}
