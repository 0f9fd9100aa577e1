package dev.vestibule.bootstrap;

import dev.vestibule.bootstrap.metrics.MailMetrics;
import dev.vestibule.domain.port.in.DeliverQueuedMail;
import dev.vestibule.domain.port.in.MailDeliveryRound;
import dev.vestibule.domain.port.in.PurgeFinishedMail;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Delivers the mail outbox on a Reactor interval while the application runs, on every instance: the outbox's
 * claims (leases, {@code FOR UPDATE SKIP LOCKED}) keep two instances from sending one mail, so no leader is
 * needed. A round still running when the next tick comes makes that tick be skipped. Also purges delivered and
 * given-up mail past its retention, at the retention purge's interval. Logs counts, never a mail's content.
 */
final class MailDeliverySchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailDeliverySchedule.class);

    private final DeliverQueuedMail delivery;
    private final PurgeFinishedMail purge;
    private final MailMetrics metrics;
    private final Duration interval;
    private final Duration purgeInterval;
    private volatile Disposable running;
    private volatile boolean outboxWasUnavailable;

    MailDeliverySchedule(
            DeliverQueuedMail delivery,
            PurgeFinishedMail purge,
            MailMetrics metrics,
            Duration interval,
            Duration purgeInterval) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.purge = Objects.requireNonNull(purge, "purge");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.purgeInterval = Objects.requireNonNull(purgeInterval, "purgeInterval");
    }

    @Override
    public synchronized void start() {
        if (running == null) {
            // Ticks on the bounded elastic scheduler: the embedded H2 driver blocks, which no parallel thread may.
            Disposable deliveries = Flux.interval(interval, interval, Schedulers.boundedElastic())
                    .onBackpressureDrop()
                    .concatMap(tick -> deliverOnce(), 1)
                    .subscribe();
            Disposable purges = Flux.interval(
                            RetentionSchedule.firstRunAfter(purgeInterval), purgeInterval, Schedulers.boundedElastic())
                    .onBackpressureDrop()
                    .concatMap(tick -> purgeOnce(), 1)
                    .subscribe();
            running = Disposables.composite(deliveries, purges);
        }
    }

    Mono<MailDeliveryRound> deliverOnce() {
        return delivery.deliver()
                .doOnNext(round -> {
                    metrics.record(round);
                    report(round);
                })
                // The use case never fails; this guards the interval against a bug in the metrics or the log.
                .onErrorResume(failure -> {
                    log.warn("Mail delivery round failed: {}", failure.toString());
                    return Mono.empty();
                });
    }

    private void report(MailDeliveryRound round) {
        if (round instanceof MailDeliveryRound.OutboxUnavailable unavailable) {
            if (!outboxWasUnavailable) {
                log.warn(
                        "Mail delivery cannot reach the outbox; trying again every {}: {}",
                        interval,
                        unavailable.reason());
            }
            outboxWasUnavailable = true;
            return;
        }
        MailDeliveryRound.Completed completed = (MailDeliveryRound.Completed) round;
        if (outboxWasUnavailable) {
            log.info("Mail delivery reaches the outbox again");
            outboxWasUnavailable = false;
        }
        if (completed.retried() > 0 || completed.gaveUp() > 0) {
            log.warn(
                    "Mail delivery: {} sent, {} failed and will be retried, {} given up; {} waiting",
                    completed.sent(),
                    completed.retried(),
                    completed.gaveUp(),
                    completed.queued());
        }
    }

    private Mono<Long> purgeOnce() {
        return purge.purge()
                .doOnNext(purged -> {
                    if (purged > 0) {
                        log.info("Mail retention purge deleted {} delivered or given-up mails", purged);
                    }
                })
                .onErrorResume(failure -> {
                    log.warn("Mail retention purge failed; it runs again in {}: {}", purgeInterval, failure.toString());
                    return Mono.empty();
                });
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.dispose();
            running = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
