package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.reauthentication.ReauthenticationOutcome;
import reactor.core.publisher.Mono;

/**
 * A signed-in user confirms it is them before a sensitive change: by their current password, or by an open
 * re-authentication window. Wrong passwords are limited as failed logins are, and every check is recorded.
 */
public interface ConfirmCurrentPassword {

    Mono<ReauthenticationOutcome> confirm(ReauthenticationAttempt attempt);
}
