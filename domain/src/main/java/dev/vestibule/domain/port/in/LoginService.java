package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.login.Credentials;
import dev.vestibule.domain.model.login.LoginOutcome;
import reactor.core.publisher.Mono;

/**
 * Logs a visitor in from whatever credentials they offer; a rejection never says why to the visitor.
 * Failed attempts are limited per account, per known device and per client address, and recorded.
 */
public interface LoginService {

    Mono<LoginOutcome> logIn(LoginAttempt attempt);

    /** A login with no known origin (tests, internal callers). */
    default Mono<LoginOutcome> logIn(Credentials credentials) {
        return logIn(LoginAttempt.of(credentials));
    }
}
