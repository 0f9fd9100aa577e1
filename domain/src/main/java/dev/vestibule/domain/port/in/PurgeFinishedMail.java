package dev.vestibule.domain.port.in;

import reactor.core.publisher.Mono;

/**
 * Deletes the outbox's delivered and given-up mails once their retention has passed, so that the outbox keeps
 * mails (and the addresses in them) a bounded time. Safe to run from every instance at once. Returns how many.
 */
public interface PurgeFinishedMail {

    Mono<Long> purge();
}
