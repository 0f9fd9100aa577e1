package dev.vestibule.domain.port.in;

import reactor.core.publisher.Mono;

/**
 * The second step of a sign-in: a code from the authenticator app or a recovery code, for a pending login still open
 * whose user's security stamp has not changed. Failures are limited per account across all its pending logins.
 */
public interface PassSecondStep {

    Mono<SecondStepOutcome> pass(SecondStepAttempt attempt);
}
