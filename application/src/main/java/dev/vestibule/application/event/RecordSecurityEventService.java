package dev.vestibule.application.event;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.in.RecordSecurityEvent;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** Records the events only the web side sees. */
public final class RecordSecurityEventService implements RecordSecurityEvent {

    private final SecurityEvents events;

    public RecordSecurityEventService(SecurityEvents events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public Mono<Void> record(SecurityEventType type, Optional<UserId> userId, Origin origin) {
        return events.record(type, userId, origin);
    }
}
