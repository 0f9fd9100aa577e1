package dev.vestibule.domain.port.in;

import reactor.core.publisher.Mono;

/**
 * A signed-in user asks for a new email address, after proving it is them. Nothing changes yet: a confirmation link
 * goes to the new address and a notice to the old one; the address changes only when that link is used.
 */
public interface RequestEmailChange {

    Mono<EmailChangeOutcome> request(EmailChangeRequest request);
}
