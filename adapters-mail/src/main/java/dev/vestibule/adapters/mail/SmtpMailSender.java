package dev.vestibule.adapters.mail;

import dev.vestibule.domain.model.mail.Mail;
import dev.vestibule.domain.port.out.MailSender;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Objects;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Sends over SMTP with Spring's {@link JavaMailSender} (configured by Boot from {@code spring.mail.*}). Jakarta
 * Mail blocks for the whole SMTP conversation, so it runs on the adapter's own bounded scheduler, never on the
 * caller's thread (an event loop). Logs nothing: a mail's text carries links with tokens; a failure reaches the
 * outbox, which keeps its type and first line.
 */
final class SmtpMailSender implements MailSender {

    private final JavaMailSender mailSender;
    private final MailTemplates templates;
    private final InternetAddress from;
    private final Scheduler scheduler;

    SmtpMailSender(JavaMailSender mailSender, MailTemplates templates, InternetAddress from, Scheduler scheduler) {
        this.mailSender = Objects.requireNonNull(mailSender, "mailSender");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.from = Objects.requireNonNull(from, "from");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    @Override
    public Mono<Void> send(Mail mail) {
        return Mono.fromRunnable(() -> mailSender.send(message(mail)))
                .subscribeOn(scheduler)
                .then();
    }

    private MimeMessage message(Mail mail) {
        RenderedMail rendered = templates.render(mail);
        MimeMessage message = mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper =
                    new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
            helper.setFrom(from);
            helper.setTo(mail.to().value());
            helper.setSubject(rendered.subject());
            helper.setText(rendered.text(), rendered.html());
            message.setHeader("Content-Language", mail.languageTag());
            // RFC 3834: no out-of-office replies to a machine.
            message.setHeader("Auto-Submitted", "auto-generated");
        } catch (MessagingException failure) {
            throw new MailPreparationException("could not build the " + mail.kind() + " mail", failure);
        }
        return message;
    }
}
