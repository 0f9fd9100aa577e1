package dev.vestibule.application.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.fakes.InMemoryMailOutbox;
import dev.vestibule.application.fakes.InMemoryMailOutbox.Entry;
import dev.vestibule.application.fakes.InMemoryMailOutbox.Status;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.application.fakes.RecordingMailSender;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.mail.Mail;
import dev.vestibule.domain.model.mail.PasswordResetLink;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.in.MailDeliveryRound;
import dev.vestibule.domain.port.in.MailDeliveryRound.Completed;
import dev.vestibule.domain.port.out.MailOutbox;
import dev.vestibule.domain.port.out.MailOutboxStats;
import dev.vestibule.domain.port.out.QueuedMail;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class DeliverQueuedMailServiceTests {

    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
    private static final MailDeliverySettings SETTINGS = new MailDeliverySettings(
            10, 2, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofHours(1), 5, Duration.ofDays(1));

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final RecordingMailSender sender = new RecordingMailSender();
    private final DeliverQueuedMailService service = new DeliverQueuedMailService(outbox, sender, SETTINGS, clock);

    @Test
    void deliverSendsEveryDueMailAndMarksItDelivered() {
        Mail first = notice("alice");
        Mail second = notice("bob");
        enqueue(first);
        enqueue(second);

        StepVerifier.create(service.deliver())
                .expectNext(new Completed(2, 0, 0, 0, Duration.ZERO))
                .verifyComplete();

        assertThat(sender.sent()).containsExactlyInAnyOrder(first, second);
        assertThat(outbox.entries()).extracting(Entry::status).containsOnly(Status.SENT);
        StepVerifier.create(service.deliver())
                .expectNext(new Completed(0, 0, 0, 0, Duration.ZERO))
                .verifyComplete();
        assertThat(sender.sent()).hasSize(2);
    }

    @Test
    void deliverClaimsAtMostOneBatch() {
        IntStream.range(0, 25).forEach(i -> enqueue(notice("user" + i)));

        StepVerifier.create(service.deliver())
                .expectNext(new Completed(10, 0, 0, 15, Duration.ZERO))
                .verifyComplete();
    }

    @Test
    void deliverWhenSendingFailsThenRetriesLaterWithDoublingDelays() {
        enqueue(notice("alice"));
        sender.down(true);

        StepVerifier.create(service.deliver())
                .expectNext(new Completed(0, 1, 0, 1, Duration.ZERO))
                .verifyComplete();
        Entry afterFirst = outbox.entries().get(0);
        assertThat(afterFirst.status()).isEqualTo(Status.QUEUED);
        assertThat(afterFirst.attempts()).isEqualTo(1);
        assertThat(afterFirst.nextAttemptAt()).isEqualTo(START.plusSeconds(30));
        assertThat(afterFirst.lastError()).isEqualTo("IllegalStateException: mail server unavailable (test)");

        // Not due again before its delay.
        clock.advance(Duration.ofSeconds(29));
        StepVerifier.create(service.deliver())
                .expectNext(new Completed(0, 0, 0, 1, Duration.ofSeconds(29)))
                .verifyComplete();
        assertThat(sender.attempts()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        StepVerifier.create(service.deliver())
                .expectNext(new Completed(0, 1, 0, 1, Duration.ofSeconds(30)))
                .verifyComplete();
        assertThat(outbox.entries().get(0).nextAttemptAt())
                .isEqualTo(clock.instant().plusSeconds(60));
    }

    @Test
    void deliverWhenMailServerComesBackThenTheMailArrivesNothingLost() {
        Mail mail = notice("alice");
        enqueue(mail);
        sender.down(true);
        StepVerifier.create(service.deliver()).expectNextCount(1).verifyComplete();

        sender.down(false);
        clock.advance(Duration.ofSeconds(30));
        StepVerifier.create(service.deliver())
                .expectNext(new Completed(1, 0, 0, 0, Duration.ZERO))
                .verifyComplete();

        assertThat(sender.sent()).containsExactly(mail);
        assertThat(outbox.entries().get(0).attempts()).isEqualTo(2);
    }

    @Test
    void deliverWhenFailedMaxAttemptsTimesThenGivesUpAndKeepsTheRowMarkedFailed() {
        enqueue(notice("alice"));
        sender.down(true);

        for (int attempt = 1; attempt < SETTINGS.maxAttempts(); attempt++) {
            StepVerifier.create(service.deliver())
                    .expectNext(new Completed(0, 1, 0, 1, Duration.between(START, clock.instant())))
                    .verifyComplete();
            clock.advance(SETTINGS.retryAfter(attempt));
        }
        StepVerifier.create(service.deliver())
                .expectNext(new Completed(0, 0, 1, 0, Duration.ZERO))
                .verifyComplete();

        Entry entry = outbox.entries().get(0);
        assertThat(entry.status()).isEqualTo(Status.FAILED);
        assertThat(entry.attempts()).isEqualTo(SETTINGS.maxAttempts());
        assertThat(entry.lastError()).startsWith("gave up after 5 attempts: IllegalStateException");
        assertThat(sender.attempts()).isEqualTo(SETTINGS.maxAttempts());
    }

    @Test
    void deliverWhenTheLinkWouldExpireBeforeTheRetryThenGivesUp() {
        enqueue(new PasswordResetLink(
                UserId.random(),
                new EmailAddress("alice@example.com"),
                new Username("alice"),
                "en",
                "https://vestibule.example/password-reset/t0ken",
                Duration.ofSeconds(40)));
        sender.down(true);
        StepVerifier.create(service.deliver())
                .expectNext(new Completed(0, 1, 0, 1, Duration.ZERO))
                .verifyComplete();

        clock.advance(Duration.ofSeconds(30));
        // The next retry would come at 90 s, after the link's 40 s.
        StepVerifier.create(service.deliver())
                .expectNext(new Completed(0, 0, 1, 0, Duration.ZERO))
                .verifyComplete();
        assertThat(outbox.entries().get(0).lastError()).startsWith("gave up: the link expired; last failure:");
    }

    @Test
    void deliverWhenMailIsOlderThanTheMaximumAgeThenGivesUpWithoutSending() {
        enqueue(notice("alice"));
        clock.advance(SETTINGS.maxAge());

        StepVerifier.create(service.deliver())
                .expectNext(new Completed(0, 0, 1, 0, Duration.ZERO))
                .verifyComplete();

        assertThat(sender.attempts()).isZero();
        assertThat(outbox.entries().get(0).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void deliverWhenTheOutboxIsUnreachableThenReportsItAndNeverFails() {
        MailOutbox unreachable = new FailingOutbox();
        var broken = new DeliverQueuedMailService(unreachable, sender, SETTINGS, clock);

        StepVerifier.create(broken.deliver())
                .assertNext(round -> assertThat(round)
                        .isInstanceOfSatisfying(
                                MailDeliveryRound.OutboxUnavailable.class,
                                unavailable -> assertThat(unavailable.reason()).contains("database down")))
                .verifyComplete();
    }

    @Test
    void deliverReportsTheOldestWaitingMail() {
        enqueue(notice("alice"));
        sender.down(true);
        clock.advance(Duration.ofSeconds(5));
        enqueue(notice("bob"));
        clock.advance(Duration.ofSeconds(10));

        StepVerifier.create(service.deliver())
                .expectNext(new Completed(0, 2, 0, 2, Duration.ofSeconds(15)))
                .verifyComplete();
    }

    @Test
    void describeKeepsTheTypeAndTheFirstLineOnlyCutToTheLimit() {
        assertThat(DeliverQueuedMailService.describe(new IllegalStateException("first\nsecond")))
                .isEqualTo("IllegalStateException: first");
        assertThat(DeliverQueuedMailService.describe(new IllegalStateException()))
                .isEqualTo("IllegalStateException");
        assertThat(DeliverQueuedMailService.describe(new IllegalStateException("x".repeat(500))))
                .hasSize(DeliverQueuedMailService.MAX_ERROR_LENGTH);
    }

    private void enqueue(Mail mail) {
        StepVerifier.create(outbox.enqueue(mail, clock.instant())).verifyComplete();
    }

    private SecurityNotice notice(String name) {
        return new SecurityNotice(
                UserId.random(),
                new EmailAddress(name + "@example.com"),
                new Username(name),
                "en",
                SecurityNotice.Notice.PASSWORD_CHANGED,
                clock.instant(),
                new Origin("203.0.113.9", "Firefox"));
    }

    /** An outbox whose database is gone. */
    private static final class FailingOutbox implements MailOutbox {

        @Override
        public Mono<Void> enqueue(Mail mail, Instant now) {
            return down();
        }

        @Override
        public Flux<QueuedMail> claimDue(Instant now, int limit, Duration lease) {
            return Flux.error(new IllegalStateException("database down"));
        }

        @Override
        public Mono<Void> delivered(long id, Instant now) {
            return down();
        }

        @Override
        public Mono<Void> failed(long id, Instant retryAt, String error) {
            return down();
        }

        @Override
        public Mono<Void> gaveUp(long id, String error) {
            return down();
        }

        @Override
        public Mono<Long> discardQueuedFor(UserId userId, dev.vestibule.domain.model.mail.MailKind keep) {
            return down();
        }

        @Override
        public Mono<Long> removeFinishedOlderThan(Instant cutoff) {
            return down();
        }

        @Override
        public Mono<MailOutboxStats> stats() {
            return down();
        }

        private static <T> Mono<T> down() {
            return Mono.error(new IllegalStateException("database down"));
        }
    }
}
