package dev.vestibule.domain.model.event;

import dev.vestibule.domain.model.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded change of authentication state. The user is absent when there is none to name (a failed
 * login for an unknown account).
 */
public record SecurityEvent(SecurityEventType type, Instant occurredAt, Optional<UserId> userId, Origin origin) {

    public SecurityEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(origin, "origin");
    }
}
