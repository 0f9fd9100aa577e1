package dev.vestibule.bootstrap.metrics;

import dev.vestibule.domain.port.in.MailDeliveryRound;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mail outbox's metrics, from the delivery rounds: {@code vestibule_mail_sent_total},
 * {@code vestibule_mail_failed_total{outcome="retried"|"gave-up"}}, and the gauges {@code vestibule_mail_queued}
 * and {@code vestibule_mail_oldest_waiting_seconds}, as of this instance's latest round (the outbox is shared:
 * every instance reports the same figures, so aggregate the gauges with max, not sum).
 */
public final class MailMetrics {

    public static final String SENT = "vestibule.mail.sent";
    public static final String FAILED = "vestibule.mail.failed";
    public static final String QUEUED = "vestibule.mail.queued";
    public static final String OLDEST_WAITING = "vestibule.mail.oldest.waiting";

    private final Counter sent;
    private final Counter retried;
    private final Counter gaveUp;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong oldestWaitingMillis = new AtomicLong();

    public MailMetrics(MeterRegistry registry) {
        sent = Counter.builder(SENT)
                .description("Mails handed to the mail server by this instance")
                .register(registry);
        retried = failed(registry, "retried");
        gaveUp = failed(registry, "gave-up");
        Gauge.builder(QUEUED, queued, AtomicLong::get)
                .description(
                        "Mails waiting in the outbox (due or retrying later), as of this instance's latest delivery round")
                .register(registry);
        Gauge.builder(OLDEST_WAITING, oldestWaitingMillis, millis -> millis.get() / 1000.0)
                .baseUnit("seconds")
                .description("How long the oldest waiting mail has waited; 0 when none waits")
                .register(registry);
    }

    private static Counter failed(MeterRegistry registry, String outcome) {
        return Counter.builder(FAILED)
                .description(
                        "Failed delivery attempts by outcome: retried (tried again later) or gave-up (kept, marked failed)")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** Counts what a round did; an outbox that could not be read leaves the gauges as they were. */
    public void record(MailDeliveryRound round) {
        if (round instanceof MailDeliveryRound.Completed completed) {
            sent.increment(completed.sent());
            retried.increment(completed.retried());
            gaveUp.increment(completed.gaveUp());
            queued.set(completed.queued());
            oldestWaitingMillis.set(completed.oldestWaiting().toMillis());
        }
    }
}
