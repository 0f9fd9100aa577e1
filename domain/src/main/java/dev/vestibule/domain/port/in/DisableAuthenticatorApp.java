package dev.vestibule.domain.port.in;

import reactor.core.publisher.Mono;

/** Turns the authenticator app off, its recovery codes with it, after a fresh re-authentication. */
public interface DisableAuthenticatorApp {

    Mono<TwoFactorChangeOutcome> disable(TwoFactorChange change);
}
