package dev.vestibule.application.fakes;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import reactor.core.scheduler.Scheduler;

/** Fills a one-thread, one-place scheduler, as a login storm fills the hashing pool. */
public final class SchedulerSaturation {

    private SchedulerSaturation() {}

    /** Occupies the scheduler's one thread, then its one queue place, until {@code release}. */
    public static void saturate(Scheduler scheduler, CountDownLatch release) {
        CountDownLatch running = new CountDownLatch(1);
        scheduler.schedule(() -> {
            running.countDown();
            awaitQuietly(release);
        });
        awaitQuietly(running);
        scheduler.schedule(() -> awaitQuietly(release));
    }

    /** Waits for {@code latch} at most 10 s, so a broken test ends instead of hanging the build. */
    public static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
