package dev.vestibule.application.mail;

import dev.vestibule.domain.port.in.PurgeFinishedMail;
import dev.vestibule.domain.port.out.MailOutbox;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Deletes delivered and given-up mails queued longer than the retention ago. */
public final class PurgeFinishedMailService implements PurgeFinishedMail {

    private final MailOutbox outbox;
    private final Duration retention;
    private final Clock clock;

    public PurgeFinishedMailService(MailOutbox outbox, Duration retention, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("delivered mail must be kept for a positive period");
        }
    }

    @Override
    public Mono<Long> purge() {
        return Mono.defer(() -> outbox.removeFinishedOlderThan(clock.instant().minus(retention)));
    }
}
