package dev.vestibule.bootstrap.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.metrics.MailMetrics;
import dev.vestibule.bootstrap.support.Eventually;
import dev.vestibule.bootstrap.support.RunningVestibule;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.out.MailOutbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two instances of one deployment deliver one outbox: each of N mails arrives exactly once, counted at the SMTP
 * server, though both instances claim from it every 100 ms in small batches.
 */
class MailTwoInstancesIT {

    private static final int MAILS = 50;

    @Test
    void twoInstancesOnOneDatabaseDeliverEachMailExactlyOnce() throws Exception {
        try (MailDatabase database = new MailDatabase();
                SmtpServer smtp = SmtpServer.start()) {
            String[] arguments = Stream.of(database.springArguments(), smtp.springArguments(), new String[] {
                        "--vestibule.mail.delivery-interval=100ms", "--vestibule.mail.batch-size=5"
                    })
                    .flatMap(Arrays::stream)
                    .toArray(String[]::new);
            try (RunningVestibule a = RunningVestibule.start(arguments);
                    RunningVestibule b = RunningVestibule.start(arguments)) {
                String run = UUID.randomUUID().toString().substring(0, 8);
                // Half through each instance, as requests reach either.
                for (int i = 0; i < MAILS; i++) {
                    RunningVestibule via = i % 2 == 0 ? a : b;
                    via.bean(MailOutbox.class)
                            .enqueue(notice("user" + i + "-" + run + "@mail.test"), Instant.now())
                            .block(Duration.ofSeconds(10));
                }

                Eventually.within(
                        Duration.ofSeconds(60),
                        System.nanoTime(),
                        MAILS + " mails arrive",
                        () -> smtp.received().length,
                        received -> received >= MAILS);
                // Time for a late duplicate to show up: many rounds of both instances.
                Thread.sleep(2_000);

                Map<String, Long> perRecipient = Arrays.stream(smtp.received())
                        .flatMap(MailTwoInstancesIT::recipients)
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                double sentByA = sent(a);
                double sentByB = sent(b);
                System.out.printf(
                        "%d mails queued, %d received by SMTP, %d distinct recipients; instance A sent %.0f, "
                                + "instance B sent %.0f%n",
                        MAILS, smtp.received().length, perRecipient.size(), sentByA, sentByB);
                assertThat(smtp.received()).hasSize(MAILS);
                assertThat(perRecipient)
                        .hasSize(MAILS)
                        .allSatisfy((recipient, count) -> assertThat(count).isEqualTo(1));
                assertThat(IntStream.range(0, MAILS).mapToObj(i -> "user" + i + "-" + run + "@mail.test"))
                        .allMatch(perRecipient::containsKey);
                assertThat(sentByA + sentByB).isEqualTo(MAILS);
                assertThat(database.count("SELECT COUNT(*) FROM mail_outbox WHERE status = 'SENT' AND attempts = 1"))
                        .isEqualTo(MAILS);
            }
        }
    }

    private static double sent(RunningVestibule instance) {
        return instance.bean(MeterRegistry.class)
                .get(MailMetrics.SENT)
                .counter()
                .count();
    }

    private static Stream<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Address::toString);
        } catch (jakarta.mail.MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static SecurityNotice notice(String recipient) {
        return new SecurityNotice(
                UserId.random(),
                new EmailAddress(recipient),
                new Username("someone"),
                "en",
                SecurityNotice.Notice.PASSWORD_RESET,
                Instant.now(),
                new Origin("192.0.2.1", "curl/8.0"));
    }
}
