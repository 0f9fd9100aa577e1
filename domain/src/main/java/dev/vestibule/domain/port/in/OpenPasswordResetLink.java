package dev.vestibule.domain.port.in;

import reactor.core.publisher.Mono;

/**
 * Opens a mailed reset link: whether it still works (unspent, unexpired, and the account still has the address
 * it was sent to). Opening changes nothing, so a mail scanner that follows the link spends nothing.
 */
public interface OpenPasswordResetLink {

    Mono<Boolean> open(String token);
}
