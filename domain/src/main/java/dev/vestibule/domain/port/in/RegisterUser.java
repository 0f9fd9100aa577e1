package dev.vestibule.domain.port.in;

import reactor.core.publisher.Mono;

/** Creates an account with a username, an email address and a password. */
public interface RegisterUser {

    Mono<RegistrationOutcome> register(RegistrationCommand command);
}
