package dev.vestibule.domain.port.in;

import reactor.core.publisher.Mono;

/**
 * Enables the offered authenticator app once a current code from it proves it was set up, after a fresh
 * re-authentication; a new set of recovery codes comes with it.
 */
public interface EnableAuthenticatorApp {

    Mono<TwoFactorChangeOutcome> enable(AuthenticatorAppEnrolment enrolment);
}
