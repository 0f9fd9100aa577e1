package dev.vestibule.domain.port.in;

import reactor.core.publisher.Mono;

/** A signed-in user's authenticator answered: the passkey is verified and stored, the user told by mail. */
public interface FinishPasskeyRegistration {

    Mono<PasskeyRegistrationOutcome> finish(PasskeyRegistrationCommand command);
}
