package dev.vestibule.domain.port.in;

import reactor.core.publisher.Mono;

/**
 * A signed-in user changes their password, proving it with the current one: every other session and
 * remembered browser of the user ends, this browser stays signed in, and a notice is mailed.
 */
public interface ChangePassword {

    Mono<PasswordChangeOutcome> change(PasswordChangeCommand command);
}
