package dev.vestibule.domain.port.out;

import reactor.core.publisher.Mono;

/**
 * Runs work atomically: either every write it makes is kept, or, when it fails, none. A use case writes a
 * change and the mail that reports it ({@link MailOutbox#enqueue}) in one transaction, so neither survives
 * without the other.
 *
 * <p>Atomic only over the store behind this port: the work inside must use driven ports of that same store
 * (the database's repositories and outbox), and must subscribe to them within {@code work}, not before.
 * Writes to other stores (sessions, limiters, the mail server itself) are not undone.
 */
public interface Transactions {

    /** {@code work} in one transaction: committed when it completes, rolled back when it fails or is cancelled. */
    <T> Mono<T> inTransaction(Mono<T> work);
}
