package dev.vestibule.bootstrap.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Eventually;
import dev.vestibule.bootstrap.support.ManagementPort;
import dev.vestibule.bootstrap.support.RunningVestibule;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.mail.Mail;
import dev.vestibule.domain.model.mail.PasswordResetLink;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.out.MailOutbox;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A mail written to the outbox of a running instance (on PostgreSQL, as a use case would in its transaction)
 * arrives over SMTP with its text and HTML parts in the user's language; an SMTP outage delays it, and it
 * arrives once the server is back, nothing lost and every attempt recorded. BlockHound watches throughout.
 */
class MailDeliveryIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(20);

    private static MailDatabase database;
    private static SmtpServer smtp;
    private static RunningVestibule instance;

    @BeforeAll
    static void start() {
        database = new MailDatabase();
        smtp = SmtpServer.start();
        instance = RunningVestibule.start(Stream.of(database.springArguments(), smtp.springArguments(), new String[] {
                    "--vestibule.public-url=https://vestibule.test",
                    "--vestibule.mail.from=Vestibule <no-reply@vestibule.test>",
                    "--vestibule.mail.delivery-interval=200ms",
                    "--vestibule.mail.first-retry-after=1s",
                    "--vestibule.mail.max-retry-after=2s",
                    // A refused connection fails at once; this bounds a hanging one.
                    "--spring.mail.properties.mail.smtp.connectiontimeout=2000"
                })
                .flatMap(Arrays::stream)
                .toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
        smtp.close();
        database.close();
    }

    @Test
    void aQueuedMailArrivesOverSmtpWithTextAndHtmlPartsInTheUsersLanguage() throws Exception {
        String recipient = unique("bernd");
        String link = "https://vestibule.test/password-reset/" + UUID.randomUUID();
        enqueue(new PasswordResetLink(
                UserId.random(), new EmailAddress(recipient), new Username("Bernd"), "de", link, Duration.ofHours(1)));

        MimeMessage message = awaitMessageTo(recipient, System.nanoTime());

        assertThat(message.getSubject()).isEqualTo("Vestibule-Passwort zurücksetzen");
        assertThat(message.getHeader("Content-Language")).containsExactly("de");
        assertThat(message.getFrom()[0].toString()).isEqualTo("Vestibule <no-reply@vestibule.test>");
        assertThat(SmtpServer.partTypes(message)).containsExactlyInAnyOrder("text/plain", "text/html");
        assertThat(SmtpServer.partText(message, "text/plain"))
                .contains("Hallo Bernd,")
                .contains(link)
                .contains("1 Stunde lang");
        assertThat(SmtpServer.partText(message, "text/html"))
                .contains("<html lang=\"de\">")
                .contains("Neues Passwort wählen");
        Eventually.within(
                ARRIVAL,
                System.nanoTime(),
                "the outbox marks the mail delivered and forgets its link",
                () -> database.outboxRows(recipient),
                rows -> rows.equals(List.of("SENT/1/null/no link")));
    }

    @Test
    void whenSmtpIsDownTheMailWaitsAndArrivesAfterItComesBackNothingLostAttemptsRecorded() throws Exception {
        String recipient = unique("carol");
        smtp.stop();
        try {
            enqueue(new SecurityNotice(
                    UserId.random(),
                    new EmailAddress(recipient),
                    new Username("carol"),
                    "en",
                    SecurityNotice.Notice.PASSWORD_CHANGED,
                    Instant.now(),
                    new Origin("198.51.100.23", "Firefox/128.0")));

            // A failure recorded (last_error) and a second attempt claimed: the outage was seen and retried.
            Eventually.within(
                    ARRIVAL,
                    System.nanoTime(),
                    "a failed attempt is recorded and retried, the mail still queued",
                    () -> database.outboxRows(recipient),
                    rows -> rows.size() == 1
                            && rows.get(0).startsWith("QUEUED/")
                            && !rows.get(0).startsWith("QUEUED/1/")
                            && !rows.get(0).contains("/null/"));
        } finally {
            smtp.startAgain();
        }
        long back = System.nanoTime();

        MimeMessage message = awaitMessageTo(recipient, back);
        Duration delay = Duration.ofNanos(System.nanoTime() - back);

        System.out.printf(
                "mail arrived %d ms after SMTP came back; outbox: %s%n",
                delay.toMillis(), database.outboxRows(recipient));
        assertThat(message.getSubject()).isEqualTo("Your Vestibule password was changed");
        assertThat(SmtpServer.partText(message, "text/plain"))
                .contains("Address: 198.51.100.23")
                .contains("https://vestibule.test/account/sessions");
        assertThat(Arrays.stream(smtp.received()).filter(received -> isTo(received, recipient)))
                .hasSize(1);
        // The attempt in flight when SMTP came back may be the one that succeeds: at least two attempts.
        Eventually.within(
                ARRIVAL,
                System.nanoTime(),
                "delivered after at least two attempts, the failure kept",
                () -> database.outboxRows(recipient),
                rows -> rows.size() == 1
                        && rows.get(0).startsWith("SENT/")
                        && Integer.parseInt(rows.get(0).split("/")[1]) >= 2
                        && rows.get(0).contains("MailSendException"));
        ManagementPort management = new ManagementPort(instance.managementUrl());
        assertThat(management.metric("vestibule_mail_failed_total", "outcome=\"retried\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(management.metric("vestibule_mail_sent_total")).isGreaterThanOrEqualTo(1);
        assertThat(management.metric("vestibule_mail_queued")).isGreaterThanOrEqualTo(0);
        assertThat(management.metric("vestibule_mail_oldest_waiting_seconds")).isGreaterThanOrEqualTo(0);
    }

    private static void enqueue(Mail mail) {
        instance.bean(MailOutbox.class).enqueue(mail, Instant.now()).block(Duration.ofSeconds(10));
    }

    private static MimeMessage awaitMessageTo(String recipient, long since) {
        return Eventually.within(
                        ARRIVAL,
                        since,
                        "a mail to " + recipient + " arrives over SMTP",
                        () -> Arrays.stream(smtp.received())
                                .filter(message -> isTo(message, recipient))
                                .findFirst()
                                .orElse(null),
                        message -> message != null)
                .answer();
    }

    static boolean isTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .anyMatch(address -> address.toString().equals(recipient));
        } catch (jakarta.mail.MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@mail.test";
    }
}
