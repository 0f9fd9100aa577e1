package dev.vestibule.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.metrics.MailMetrics;
import dev.vestibule.domain.port.in.MailDeliveryRound;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class MailDeliveryScheduleTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicReference<Mono<MailDeliveryRound>> next = new AtomicReference<>();
    private final MailDeliverySchedule schedule = new MailDeliverySchedule(
            () -> next.get(),
            () -> Mono.just(0L),
            new MailMetrics(registry),
            Duration.ofSeconds(5),
            Duration.ofHours(1));

    @Test
    void aRoundMovesTheCountersAndSetsTheGauges() {
        next.set(Mono.just(new MailDeliveryRound.Completed(3, 2, 1, 7, Duration.ofSeconds(90))));

        StepVerifier.create(schedule.deliverOnce()).expectNextCount(1).verifyComplete();

        assertThat(registry.get(MailMetrics.SENT).counter().count()).isEqualTo(3);
        assertThat(registry.get(MailMetrics.FAILED)
                        .tag("outcome", "retried")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get(MailMetrics.FAILED)
                        .tag("outcome", "gave-up")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get(MailMetrics.QUEUED).gauge().value()).isEqualTo(7);
        assertThat(registry.get(MailMetrics.OLDEST_WAITING).gauge().value()).isEqualTo(90);
    }

    @Test
    void anUnreachableOutboxLeavesTheGaugesAsTheyWere() {
        next.set(Mono.just(new MailDeliveryRound.Completed(0, 0, 0, 4, Duration.ofSeconds(12))));
        schedule.deliverOnce().block();
        next.set(Mono.just(new MailDeliveryRound.OutboxUnavailable("PostgreSQL unavailable")));

        StepVerifier.create(schedule.deliverOnce()).expectNextCount(1).verifyComplete();

        assertThat(registry.get(MailMetrics.QUEUED).gauge().value()).isEqualTo(4);
        assertThat(registry.get(MailMetrics.OLDEST_WAITING).gauge().value()).isEqualTo(12);
    }

    @Test
    void aRoundThatFailsAnywayNeverStopsTheSchedule() {
        next.set(Mono.error(new IllegalStateException("bug")));

        StepVerifier.create(schedule.deliverOnce()).verifyComplete();
    }

    @Test
    void startAndStop() {
        next.set(Mono.just(new MailDeliveryRound.Completed(0, 0, 0, 0, Duration.ZERO)));
        schedule.start();
        assertThat(schedule.isRunning()).isTrue();
        schedule.stop();
        assertThat(schedule.isRunning()).isFalse();
    }
}
