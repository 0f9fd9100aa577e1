package dev.vestibule.domain.port.out;

import dev.vestibule.domain.model.event.SecurityEvent;
import dev.vestibule.domain.model.user.UserId;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The durable record of security events. */
public interface SecurityEventLog {

    Mono<Void> record(SecurityEvent event);

    /** The user's most recent events, newest first. */
    Flux<SecurityEvent> recentFor(UserId userId, int limit);

    // account deletion
    /**
     * Makes the events of {@code userId} anonymous, for a deleted account: they name {@code pseudonym} instead (an id
     * no user has, drawn for this deletion only, so the events of one former account still read together) and
     * forget the client address and the user agent. Returns how many.
     */
    Mono<Long> anonymise(UserId userId, UserId pseudonym);

    /** Deletes the events that occurred before {@code cutoff}; returns how many. */
    Mono<Long> removeOlderThan(Instant cutoff);
}
