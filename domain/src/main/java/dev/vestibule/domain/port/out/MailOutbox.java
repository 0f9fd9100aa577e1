package dev.vestibule.domain.port.out;

import dev.vestibule.domain.model.mail.Mail;
import dev.vestibule.domain.model.mail.MailKind;
import dev.vestibule.domain.model.user.UserId;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The durable queue of mails owed to users. A use case enqueues a mail in the same transaction as the change
 * it reports ({@link Transactions}), so that a committed change never loses its mail; delivery then claims
 * due mails under a lease, so that instances sharing the outbox never hold the same mail at once.
 */
public interface MailOutbox {

    /** Queues {@code mail}, due at once. */
    Mono<Void> enqueue(Mail mail, Instant now);

    /**
     * Claims up to {@code limit} queued mails that are due at {@code now} and not held by another claim, oldest
     * first, for {@code lease}: until {@code now + lease} no other claim returns them. Each claim counts as an
     * attempt ({@link QueuedMail#attempts()} includes this one).
     */
    Flux<QueuedMail> claimDue(Instant now, int limit, Duration lease);

    /** The mail was handed to the mail server: it is never claimed again, and its link is forgotten. */
    Mono<Void> delivered(long id, Instant now);

    /** Delivery failed: the mail is due again at {@code retryAt}; {@code error} is kept for operators. */
    Mono<Void> failed(long id, Instant retryAt, String error);

    /**
     * Delivery is given up: the mail stays in the outbox, marked failed with {@code error}, for operators to see
     * until the retention ends; it is never claimed again, and its link is forgotten.
     */
    Mono<Void> gaveUp(long id, String error);

    /**
     * Drops the queued (not yet delivered) mails about {@code userId} except those of kind {@code keep}: an
     * account being deleted keeps its deletion notice only. Returns how many.
     */
    Mono<Long> discardQueuedFor(UserId userId, MailKind keep);

    /** Deletes the delivered and given-up mails queued before {@code cutoff}; returns how many. */
    Mono<Long> removeFinishedOlderThan(Instant cutoff);

    /** How many mails wait for delivery, and since when the oldest of them. */
    Mono<MailOutboxStats> stats();
}
