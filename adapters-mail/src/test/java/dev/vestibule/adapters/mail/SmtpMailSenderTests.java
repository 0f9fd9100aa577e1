package dev.vestibule.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.vestibule.domain.model.mail.SecurityNotice.Notice;
import dev.vestibule.domain.port.out.MailSender;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The adapter as bootstrap wires it, against GreenMail's SMTP server in this JVM. */
@ExtendWith(OutputCaptureExtension.class)
class SmtpMailSenderTests {

    @RegisterExtension
    static final GreenMailExtension smtp =
            new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @Configuration(proxyBeanMethods = false)
    static class Settings {

        @Bean
        MailSettings mailSettings() {
            return new MailSettings("Vestibule <no-reply@vestibule.example>", "https://vestibule.example/", 2, 10);
        }
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
            .withUserConfiguration(Settings.class, MailConfiguration.class);

    @Test
    void withAHostTheMailArrivesOverSmtpWithATextAndAnHtmlPartInTheUsersLanguage(CapturedOutput output) {
        context.withPropertyValues(
                        "spring.mail.host=127.0.0.1",
                        "spring.mail.port=" + smtp.getSmtp().getPort())
                .run(running -> {
                    MailSender sender = running.getBean(MailSender.class);
                    assertThat(sender).isInstanceOf(SmtpMailSender.class);

                    StepVerifier.create(sender.send(TestMails.reset("de")))
                            .expectComplete()
                            .verify(Duration.ofSeconds(30));

                    MimeMessage[] received = smtp.getReceivedMessages();
                    assertThat(received).hasSize(1);
                    MimeMessage message = received[0];
                    assertThat(message.getSubject()).isEqualTo("Vestibule-Passwort zurücksetzen");
                    assertThat(message.getFrom()[0].toString()).isEqualTo("Vestibule <no-reply@vestibule.example>");
                    assertThat(message.getAllRecipients()[0].toString()).isEqualTo("alice@example.com");
                    assertThat(message.getHeader("Content-Language")).containsExactly("de");
                    assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
                    String body = GreenMailUtil.getBody(message);
                    assertThat(body).contains("text/plain").contains("text/html");
                    assertThat(message.getContent()).isInstanceOf(Multipart.class);
                    assertThat(output.getAll())
                            .as("the SMTP sender logs no link")
                            .doesNotContain("Zm9vYmFy");
                });
    }

    @Test
    void sendingRunsOnTheMailPoolNeverOnTheCallersThread() {
        context.withPropertyValues(
                        "spring.mail.host=127.0.0.1",
                        "spring.mail.port=" + smtp.getSmtp().getPort())
                .run(running -> {
                    AtomicReference<String> thread = new AtomicReference<>();
                    Mono<Void> sent = running.getBean(MailSender.class)
                            .send(TestMails.notice("en", Notice.PASSWORD_CHANGED))
                            .doOnSuccess(
                                    done -> thread.set(Thread.currentThread().getName()))
                            .subscribeOn(Schedulers.parallel());

                    StepVerifier.create(sent).expectComplete().verify(Duration.ofSeconds(30));

                    assertThat(thread.get()).startsWith("mail-sending");
                });
    }

    @Test
    void whenTheServerIsUnreachableThenTheSendFails() {
        context.withPropertyValues(
                        "spring.mail.host=127.0.0.1",
                        "spring.mail.port=1",
                        "spring.mail.properties.mail.smtp.connectiontimeout=2000")
                .run(running -> StepVerifier.create(
                                running.getBean(MailSender.class).send(TestMails.reset("en")))
                        .expectError()
                        .verify(Duration.ofSeconds(30)));
    }

    @Test
    void withoutAHostMailsGoToTheLogWithTheirLinks(CapturedOutput output) {
        context.run(running -> {
            MailSender sender = running.getBean(MailSender.class);
            assertThat(sender).isInstanceOf(LoggingMailSender.class);

            StepVerifier.create(sender.send(TestMails.reset("en")))
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));

            assertThat(output.getOut())
                    .contains("Mail to alice@example.com")
                    .contains("Subject: Reset your Vestibule password")
                    .contains(TestMails.RESET_LINK);
            assertThat(smtp.getReceivedMessages()).isEmpty();
        });
    }

    @Test
    void aMalformedFromAddressStopsTheStart() {
        context.withPropertyValues("spring.mail.host=127.0.0.1")
                .withBean(
                        "mailSettings",
                        MailSettings.class,
                        () -> new MailSettings("not an address", "http://localhost:8080", 1, 1))
                .run(running -> assertThat(running).hasFailed());
    }
}
