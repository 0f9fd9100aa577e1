package dev.vestibule.bootstrap;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first thing a stopping instance does: report readiness DOWN (REFUSING_TRAFFIC), then keep serving for
 * {@code vestibule.shutdown.drain-delay} while load balancers notice and route new requests elsewhere. Only
 * then does Boot's graceful shutdown stop accepting connections and wait for the requests in flight.
 *
 * <p>Without the delay the web server would stop accepting connections at once, before any load balancer has
 * seen the readiness change, and the requests it still sends would fail. Lifecycles stop from the highest phase
 * down, so this phase (the highest) runs before the web server's graceful shutdown and before the management
 * server closes: the readiness endpoint answers 503 throughout the drain.
 */
@Component
class ShutdownDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final ApplicationEventPublisher events;
    private final Duration drainDelay;
    private volatile boolean running;

    ShutdownDrain(ApplicationEventPublisher events, VestibuleProperties properties) {
        this.events = events;
        this.drainDelay = properties.shutdown().drainDelay();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        if (!drainDelay.isZero()) {
            log.info("Readiness is down; serving for {} more while load balancers stop routing here", drainDelay);
            try {
                Thread.sleep(drainDelay.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
