package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.login.Credentials;
import dev.vestibule.domain.model.login.LoginOutcome;
import reactor.core.publisher.Mono;

/** Logs a visitor in from whatever credentials they offer; a rejection never says why to the visitor. */
public interface LoginService {

    Mono<LoginOutcome> logIn(Credentials credentials);
}
