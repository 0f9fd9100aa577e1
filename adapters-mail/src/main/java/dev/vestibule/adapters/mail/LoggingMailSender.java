package dev.vestibule.adapters.mail;

import dev.vestibule.domain.model.mail.Mail;
import dev.vestibule.domain.port.out.MailSender;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The embedded default's "mail server": without {@code spring.mail.host} every mail is written to the log at
 * INFO, recipient, subject and text, links included, so that a newcomer can follow a reset or confirmation link
 * with nothing installed. A development aid by design: configure SMTP wherever the log is not yours alone.
 * Writes on the mail pool, like the SMTP sender: a log appender may block.
 */
final class LoggingMailSender implements MailSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingMailSender.class);

    private final MailTemplates templates;
    private final Scheduler scheduler;

    LoggingMailSender(MailTemplates templates, Scheduler scheduler) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    @Override
    public Mono<Void> send(Mail mail) {
        return Mono.fromRunnable(() -> {
                    RenderedMail rendered = templates.render(mail);
                    log.info(
                            "Mail to {} (not sent: no spring.mail.host is set, so mails go to this log)\nSubject: {}\n\n{}",
                            mail.to(),
                            rendered.subject(),
                            rendered.text());
                })
                .subscribeOn(scheduler)
                .then();
    }
}
