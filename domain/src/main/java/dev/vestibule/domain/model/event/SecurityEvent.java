package dev.vestibule.domain.model.event;

import dev.vestibule.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded change of authentication state. The user is absent when there is none to name (a failed
 * login for an unknown account). {@code occurrences} is how many times it happened: 1 for an ordinary event, more
 * for a burst of throttled attempts, which is recorded once per bucket and period with its count (issue 13 finding
 * 3), so that a flood of refused attempts neither fills the store nor the owner's activity page.
 */
public record SecurityEvent(
        SecurityEventType type, Instant occurredAt, Optional<UserId> userId, Origin origin, int occurrences) {

    public SecurityEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(origin, "origin");
        if (occurrences < 1) {
            throw new IllegalArgumentException("an event occurred at least once");
        }
    }

    /** An event that happened once. */
    public SecurityEvent(SecurityEventType type, Instant occurredAt, Optional<UserId> userId, Origin origin) {
        this(type, occurredAt, userId, origin, 1);
    }
}
