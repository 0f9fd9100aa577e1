package dev.vestibule.application.event;

import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEvent;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.SecurityEventLog;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** Stamps and records security events; the use cases call it in the same chain as the change they record. */
public final class SecurityEvents {

    private final SecurityEventLog log;
    private final Clock clock;

    public SecurityEvents(SecurityEventLog log, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Mono<Void> record(SecurityEventType type, Optional<UserId> userId, Origin origin) {
        return Mono.defer(() -> log.record(new SecurityEvent(type, clock.instant(), userId, origin)));
    }

    public Mono<Void> record(SecurityEventType type, UserId userId, Origin origin) {
        return record(type, Optional.of(userId), origin);
    }
}
