package dev.vestibule.application.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.fakes.InMemoryMailOutbox;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class PurgeFinishedMailServiceTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();

    @Test
    void purgeDeletesFinishedMailQueuedBeforeTheRetentionAndKeepsWaitingMail() {
        SecurityNotice mail = new SecurityNotice(
                UserId.random(),
                new EmailAddress("alice@example.com"),
                new Username("alice"),
                "en",
                SecurityNotice.Notice.PASSWORD_RESET,
                clock.instant(),
                Origin.unknown());
        StepVerifier.create(outbox.enqueue(mail, clock.instant())).verifyComplete();
        StepVerifier.create(outbox.enqueue(mail, clock.instant())).verifyComplete();
        long delivered = outbox.entries().get(0).id();
        StepVerifier.create(outbox.delivered(delivered, clock.instant())).verifyComplete();
        var service = new PurgeFinishedMailService(outbox, Duration.ofDays(7), clock);

        clock.advance(Duration.ofDays(7));
        StepVerifier.create(service.purge()).expectNext(0L).verifyComplete();
        clock.advance(Duration.ofNanos(1_000));
        StepVerifier.create(service.purge()).expectNext(1L).verifyComplete();

        assertThat(outbox.entries())
                .hasSize(1)
                .allSatisfy(entry -> assertThat(entry.id()).isNotEqualTo(delivered));
    }
}
