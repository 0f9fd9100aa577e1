package dev.vestibule.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Eventually;
import dev.vestibule.domain.model.mail.PasswordResetLink;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.out.MailOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * README's first command and mail: with no spring.mail.host, a mail in the outbox (H2) is delivered to the log,
 * its link included, so that a newcomer can follow every link flow with nothing installed.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDefaultMailTests {

    @Test
    void withoutAMailServerQueuedMailsGoToTheLogWithTheirLinks(CapturedOutput output) {
        try (ConfigurableApplicationContext context = SpringApplication.run(
                VestibuleApplication.class,
                "--server.port=0",
                "--management.server.port=0",
                "--vestibule.mail.delivery-interval=200ms")) {
            String link = "http://localhost:8080/password-reset/" + UUID.randomUUID();
            context.getBean(MailOutbox.class)
                    .enqueue(
                            new PasswordResetLink(
                                    UserId.random(),
                                    new EmailAddress("newcomer@example.com"),
                                    new Username("newcomer"),
                                    "en",
                                    link,
                                    Duration.ofHours(1)),
                            Instant.now())
                    .block(Duration.ofSeconds(10));

            Eventually.within(
                    Duration.ofSeconds(20),
                    System.nanoTime(),
                    "the mail is written to the log",
                    output::getOut,
                    out -> out.contains(link));

            assertThat(output.getOut())
                    .contains("Mail to newcomer@example.com")
                    .contains("Subject: Reset your Vestibule password")
                    .contains("No spring.mail.host is set");
        }
    }
}
