package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.login.LoginOutcome;
import reactor.core.publisher.Mono;

/**
 * Logs a visitor in from whatever credentials they offer; a rejection never says why to the visitor.
 * Failed attempts are limited per account, per known browser and per client address, and recorded.
 */
public interface LogIn {

    Mono<LoginOutcome> logIn(LoginAttempt attempt);
}
