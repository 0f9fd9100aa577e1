package dev.vestibule.bootstrap.support;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * For what the service promises within a time rather than at once: a change made in the database reaches
 * every instance's user cache within a second (README, Performance). Asks again every few milliseconds.
 */
public final class Eventually {

    /** What the user cache promises for a change made in the database. */
    public static final Duration USER_CHANGE_SEEN = Duration.ofSeconds(1);

    private static final long PAUSE_NANOS = Duration.ofMillis(5).toNanos();

    private Eventually() {}

    /**
     * Asks {@code request} until its answer satisfies {@code expected}, for at most {@code limit} counted from
     * {@code since} (a {@link System#nanoTime()}); returns the answer and how long it took.
     */
    public static <T> Seen<T> within(
            Duration limit, long since, String what, Supplier<T> request, java.util.function.Predicate<T> expected) {
        while (true) {
            T answer = request.get();
            long elapsed = System.nanoTime() - since;
            if (expected.test(answer)) {
                return new Seen<>(answer, Duration.ofNanos(elapsed));
            }
            if (elapsed > limit.toNanos()) {
                throw new AssertionError(
                        "not within " + limit.toMillis() + " ms: " + what + "; last answer: " + answer);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(PAUSE_NANOS);
        }
    }

    public record Seen<T>(T answer, Duration after) {}
}
