package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.event.Origin;
import reactor.core.publisher.Mono;

/**
 * Chooses a new password with a mailed reset link. The policy applies (a refused password leaves the link
 * unspent); success spends the link, ends every session and remembered browser of the user, and mails a notice.
 */
public interface ResetPassword {

    Mono<PasswordResetOutcome> reset(PasswordResetCommand command, Origin origin);
}
