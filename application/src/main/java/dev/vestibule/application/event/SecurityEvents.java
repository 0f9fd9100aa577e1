package dev.vestibule.application.event;

import dev.vestibule.domain.model.digest.Sha256;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEvent;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.SecurityEventLog;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** Stamps and records security events; the use cases call it in the same chain as the change they record. */
public final class SecurityEvents {

    private final SecurityEventLog log;
    private final Clock clock;
    // issue 13 finding 3: throttled bursts
    /** A throttled burst of one bucket is one record per period of this length. */
    public static final Duration DEFAULT_BURST_PERIOD = Duration.ofHours(1);

    private final Duration burstPeriod;

    public SecurityEvents(SecurityEventLog log, Clock clock) {
        this(log, clock, DEFAULT_BURST_PERIOD);
    }

    public SecurityEvents(SecurityEventLog log, Clock clock, Duration burstPeriod) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.burstPeriod = Objects.requireNonNull(burstPeriod, "burstPeriod");
        if (burstPeriod.toMillis() < 1) {
            throw new IllegalArgumentException("a burst period is at least a millisecond");
        }
    }

    /**
     * Records a throttled attempt once per bucket and period, counting the rest (issue 13 finding 3): 300 refused
     * attempts in a minute are one event with 300 occurrences, the first one's time and origin. Periods are fixed
     * windows of the clock, so that every instance counts into the same record.
     */
    public Mono<Void> recordThrottled(
            SecurityEventType type, Optional<UserId> userId, Origin origin, String bucketKey) {
        return Mono.defer(() -> {
            var now = clock.instant();
            long period = now.toEpochMilli() / burstPeriod.toMillis();
            String burstKey = Sha256.hex(type.name() + "|" + bucketKey + "|" + period);
            return log.recordBurst(new SecurityEvent(type, now, userId, origin), burstKey);
        });
    }

    public Mono<Void> record(SecurityEventType type, Optional<UserId> userId, Origin origin) {
        return Mono.defer(() -> log.record(new SecurityEvent(type, clock.instant(), userId, origin)));
    }

    public Mono<Void> record(SecurityEventType type, UserId userId, Origin origin) {
        return record(type, Optional.of(userId), origin);
    }
}
