package dev.vestibule.bootstrap;

import dev.vestibule.domain.port.in.PurgeExpiredRecords;
import dev.vestibule.domain.port.in.PurgedRecords;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs the retention purge on a Reactor interval while the application runs. Every instance runs it,
 * with no leader election and no lock: the purge only deletes rows older than a cutoff, so two
 * instances purging at once (or one purging twice) delete each old row once and nothing else; the
 * database's row locks settle who deletes which. A purge that fails is logged and tried again at the
 * next tick; a purge still running when the next tick comes makes that tick be skipped.
 */
final class RetentionSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);
    /** Soon after startup, so that instances restarted more often than the interval still purge. */
    private static final Duration FIRST_RUN_AT_THE_LATEST = Duration.ofMinutes(1);

    private final PurgeExpiredRecords purge;
    private final Duration firstRunAfter;
    private final Duration interval;
    private volatile Disposable running;

    RetentionSchedule(PurgeExpiredRecords purge, Duration firstRunAfter, Duration interval) {
        this.purge = Objects.requireNonNull(purge, "purge");
        this.firstRunAfter = Objects.requireNonNull(firstRunAfter, "firstRunAfter");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("vestibule.retention.purge-interval must be positive");
        }
    }

    static Duration firstRunAfter(Duration interval) {
        return interval.compareTo(FIRST_RUN_AT_THE_LATEST) < 0 ? interval : FIRST_RUN_AT_THE_LATEST;
    }

    @Override
    public synchronized void start() {
        if (running == null) {
            // Ticks on the bounded elastic scheduler: the embedded H2 driver blocks, which no parallel thread may.
            running = Flux.interval(firstRunAfter, interval, Schedulers.boundedElastic())
                    .onBackpressureDrop()
                    .concatMap(tick -> purgeOnce(), 1)
                    .subscribe();
        }
    }

    private Mono<PurgedRecords> purgeOnce() {
        return purge.purge()
                .doOnNext(purged -> {
                    if (purged.total() > 0) {
                        log.info(
                                "Retention purge deleted {} security events, {} known browsers, {} remembered browsers,"
                                        + " {} mailed links",
                                purged.securityEvents(),
                                purged.knownBrowsers(),
                                purged.rememberedBrowsers(),
                                purged.linkTokens());
                    }
                })
                .onErrorResume(failure -> {
                    log.warn("Retention purge failed; it runs again in {}: {}", interval, failure.toString());
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
