package dev.vestibule.domain.port.out;

import dev.vestibule.domain.model.mail.Mail;
import reactor.core.publisher.Mono;

/**
 * Writes a mail in the user's language and hands it to the mail server. Completes once the server accepted
 * it; fails when it did not (the outbox tries again later). Never on the caller's thread when that would block.
 */
public interface MailSender {

    Mono<Void> send(Mail mail);
}
