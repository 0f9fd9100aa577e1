package dev.vestibule.domain.port.out;

import dev.vestibule.domain.model.mail.Mail;
import java.time.Instant;
import java.util.Objects;

/**
 * A mail claimed from the {@link MailOutbox} for delivery.
 *
 * @param id       the outbox's identifier of the mail
 * @param attempts delivery attempts so far, this claim included
 * @param queuedAt when the mail was enqueued
 */
public record QueuedMail(long id, Mail mail, int attempts, Instant queuedAt) {

    public QueuedMail {
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(queuedAt, "queuedAt");
        if (attempts < 1) {
            throw new IllegalArgumentException("a claimed mail has been attempted at least once");
        }
    }
}
