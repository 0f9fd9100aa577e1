package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.event.Origin;
import reactor.core.publisher.Mono;

/** Creates an account with a username, an email address and a password; sign-ups are limited per client address. */
public interface RegisterUser {

    Mono<RegistrationOutcome> register(RegistrationCommand command, Origin origin);
}
