package dev.vestibule.bootstrap;

import dev.vestibule.domain.port.out.PasskeyChallenges;
import java.time.Clock;
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
 * issue 14: passkey. Deletes the challenges that abandoned ceremonies left (a login page opened with passkey autofill
 * issues one), on every instance, like {@link RetentionSchedule}: a DELETE of expired rows is safe to run twice.
 */
final class PasskeyChallengePurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PasskeyChallengePurge.class);

    private final PasskeyChallenges challenges;
    private final Clock clock;
    private final Duration interval;
    private volatile Disposable running;

    PasskeyChallengePurge(PasskeyChallenges challenges, Clock clock, Duration interval) {
        this.challenges = Objects.requireNonNull(challenges, "challenges");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    @Override
    public synchronized void start() {
        if (running == null) {
            // The bounded elastic scheduler: the embedded H2 driver blocks, which no parallel thread may.
            running = Flux.interval(RetentionSchedule.firstRunAfter(interval), interval, Schedulers.boundedElastic())
                    .onBackpressureDrop()
                    .concatMap(
                            tick -> challenges.removeExpired(clock.instant()).onErrorResume(failure -> {
                                log.warn("Passkey challenge purge failed: {}", failure.toString());
                                return Mono.empty();
                            }),
                            1)
                    .subscribe();
        }
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
