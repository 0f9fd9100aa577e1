package dev.vestibule.domain.port.in;

import reactor.core.publisher.Mono;

/** Replaces every recovery code with a new set, after a fresh re-authentication. */
public interface RegenerateRecoveryCodes {

    Mono<TwoFactorChangeOutcome> regenerate(TwoFactorChange change);
}
