package dev.vestibule.domain.port.in;

import reactor.core.publisher.Mono;

/**
 * Delivers one batch of the mails due in the outbox: each sent is marked delivered, each that fails is tried
 * again later with a growing delay, and one that failed too often or for too long is given up (kept, marked
 * failed). Never fails: an unreachable outbox is a {@link MailDeliveryRound.OutboxUnavailable} round.
 */
public interface DeliverQueuedMail {

    Mono<MailDeliveryRound> deliver();
}
