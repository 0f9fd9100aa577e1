package dev.vestibule.application.mail;

import java.time.Duration;
import java.util.Objects;

/**
 * How the outbox is delivered.
 *
 * @param batchSize       mails claimed per round
 * @param concurrency     mails of a round sent at once
 * @param lease           how long a claimed mail is held before another instance may claim it (longer than a
 *                        round can take: a mail whose instance died is sent again once its lease ends)
 * @param firstRetryAfter the delay after the first failure; it doubles with each further failure
 * @param maxRetryAfter   the longest delay between two attempts
 * @param maxAttempts     attempts before a mail is given up
 * @param maxAge          how long after it was queued a mail is still attempted
 */
public record MailDeliverySettings(
        int batchSize,
        int concurrency,
        Duration lease,
        Duration firstRetryAfter,
        Duration maxRetryAfter,
        int maxAttempts,
        Duration maxAge) {

    public MailDeliverySettings {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(firstRetryAfter, "firstRetryAfter");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(maxAge, "maxAge");
        if (batchSize < 1 || concurrency < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("batch size, concurrency and attempts must be at least 1");
        }
        if (!isPositive(lease) || !isPositive(firstRetryAfter) || !isPositive(maxAge)) {
            throw new IllegalArgumentException("lease, first retry delay and maximum age must be positive");
        }
        if (maxRetryAfter.compareTo(firstRetryAfter) < 0) {
            throw new IllegalArgumentException("the longest retry delay must not be shorter than the first");
        }
    }

    /** The delay before the next attempt of a mail that has failed {@code attempts} times (1 or more). */
    public Duration retryAfter(int attempts) {
        Duration delay = firstRetryAfter;
        for (int failure = 1; failure < attempts && delay.compareTo(maxRetryAfter) < 0; failure++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryAfter) < 0 ? delay : maxRetryAfter;
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
