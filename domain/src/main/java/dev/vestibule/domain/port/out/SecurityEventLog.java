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
    default Flux<SecurityEvent> recentFor(UserId userId, int limit) {
        return recentFor(userId, 0, limit);
    }

    // issue 13 finding 3: throttled bursts
    /** The user's events newest first, the first {@code skip} left out: the older pages of the activity list. */
    Flux<SecurityEvent> recentFor(UserId userId, int skip, int limit);

    /**
     * Counts an event into its burst: the first event of {@code burstKey} is recorded as it is, each later one only
     * adds one to that record's occurrences (the first one's time and origin stay). Instances counting into the same
     * burst at once lose no count and make no second record.
     */
    Mono<Void> recordBurst(SecurityEvent event, String burstKey);

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
