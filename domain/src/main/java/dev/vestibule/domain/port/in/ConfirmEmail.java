package dev.vestibule.domain.port.in;

import dev.vestibule.domain.model.event.Origin;
import reactor.core.publisher.Mono;

/**
 * The confirm button of a confirmation link: the account's address becomes the one the link was sent to, marked
 * confirmed, and the link is spent, in one transaction.
 */
public interface ConfirmEmail {

    Mono<EmailConfirmationOutcome> confirm(String token, Origin origin);
}
