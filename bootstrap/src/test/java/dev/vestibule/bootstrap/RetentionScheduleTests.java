package dev.vestibule.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vestibule.domain.port.in.PurgedRecords;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class RetentionScheduleTests {

    private static final Duration TICK = Duration.ofMillis(50);

    private final AtomicInteger purges = new AtomicInteger();

    @Test
    void purgesAgainAndAgainWhileRunning() throws InterruptedException {
        RetentionSchedule schedule = new RetentionSchedule(
                () -> Mono.fromSupplier(() -> {
                    purges.incrementAndGet();
                    return new PurgedRecords(0, 0, 0);
                }),
                TICK,
                TICK);

        schedule.start();
        try {
            awaitPurges(3);
        } finally {
            schedule.stop();
        }
        assertThat(schedule.isRunning()).isFalse();
    }

    @Test
    void aFailedPurgeDoesNotStopTheSchedule() throws InterruptedException {
        RetentionSchedule schedule = new RetentionSchedule(
                () -> Mono.defer(() -> purges.incrementAndGet() % 2 == 1
                        ? Mono.error(new IllegalStateException("database unreachable"))
                        : Mono.just(new PurgedRecords(1, 2, 3))),
                TICK,
                TICK);

        schedule.start();
        try {
            awaitPurges(4);
        } finally {
            schedule.stop();
        }
    }

    @Test
    void noPurgeAfterStop() throws InterruptedException {
        RetentionSchedule schedule = new RetentionSchedule(
                () -> Mono.fromSupplier(() -> {
                    purges.incrementAndGet();
                    return new PurgedRecords(0, 0, 0);
                }),
                TICK,
                TICK);
        schedule.start();
        awaitPurges(1);

        schedule.stop();
        int afterStop = purges.get();
        Thread.sleep(TICK.multipliedBy(6).toMillis());

        assertThat(purges.get()).isEqualTo(afterStop);
    }

    @Test
    void theFirstPurgeComesAMinuteAfterStartupAtTheLatest() {
        assertThat(RetentionSchedule.firstRunAfter(Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(1));
        assertThat(RetentionSchedule.firstRunAfter(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anIntervalThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> new RetentionSchedule(() -> Mono.empty(), Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vestibule.retention.purge-interval");
    }

    private void awaitPurges(int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (purges.get() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(purges.get()).isGreaterThanOrEqualTo(atLeast);
    }
}
