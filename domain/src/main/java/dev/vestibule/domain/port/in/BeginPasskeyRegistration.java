package dev.vestibule.domain.port.in;

import reactor.core.publisher.Mono;

/** A signed-in user starts adding a passkey; it needs a fresh re-authentication (the password's window). */
public interface BeginPasskeyRegistration {

    Mono<PasskeyRegistrationStart> begin(ReauthenticationAttempt attempt);
}
