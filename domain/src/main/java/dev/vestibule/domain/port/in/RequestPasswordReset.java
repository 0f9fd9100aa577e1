package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.event.Origin;
import reactor.core.publisher.Mono;

/**
 * Asks for a link to choose a new password, by email address. The answer is the same whether or not an
 * account has that address, and whether or not the request was throttled (per account and per client
 * address): only the mailbox learns which.
 */
public interface RequestPasswordReset {

    Mono<PasswordResetRequestOutcome> request(PasswordResetRequest request, Origin origin);
}
