package dev.vestibule.domain.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the outbox holds for delivery right now.
 *
 * @param queued          mails waiting for delivery (due or retrying later)
 * @param oldestQueuedAt  when the oldest of them was enqueued; empty when none waits
 */
public record MailOutboxStats(long queued, Optional<Instant> oldestQueuedAt) {

    public static final MailOutboxStats EMPTY = new MailOutboxStats(0, Optional.empty());

    public MailOutboxStats {
        if (queued < 0) {
            throw new IllegalArgumentException("a count is not negative");
        }
        if ((queued == 0) != oldestQueuedAt.isEmpty()) {
            throw new IllegalArgumentException("an oldest mail exists exactly when some mail waits");
        }
    }

    /** How long the oldest waiting mail has waited at {@code now}; zero when none waits. */
    public Duration oldestWaiting(Instant now) {
        return oldestQueuedAt
                .map(queuedAt -> Duration.between(queuedAt, now))
                .filter(waited -> !waited.isNegative())
                .orElse(Duration.ZERO);
    }
}
