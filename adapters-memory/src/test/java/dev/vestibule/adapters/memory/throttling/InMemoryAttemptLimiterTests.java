package dev.vestibule.adapters.memory.throttling;

import dev.vestibule.application.fakes.AttemptLimiterContract;
import dev.vestibule.domain.port.out.AttemptLimiter;
import java.time.Duration;

/** The single-instance limiter (Bucket4j in this process) against the contract, in real time. */
class InMemoryAttemptLimiterTests extends AttemptLimiterContract {

    private final AttemptLimiter limiter = new InMemoryAttemptLimiter();

    @Override
    protected AttemptLimiter limiter() {
        return limiter;
    }

    @Override
    protected void letTimePass(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
