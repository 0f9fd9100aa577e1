package dev.vestibule.application.fakes;

import dev.vestibule.domain.port.out.AttemptLimiter;
import java.time.Duration;
import java.time.Instant;

/** Keeps the application's fake honest: the unit tests of the login throttle rely on it behaving like Bucket4j. */
class FakeAttemptLimiterContractTests extends AttemptLimiterContract {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T09:00:00Z"));
    private final AttemptLimiter limiter = new InMemoryAttemptLimiter(clock);

    @Override
    protected AttemptLimiter limiter() {
        return limiter;
    }

    @Override
    protected void letTimePass(Duration duration) {
        clock.advance(duration);
    }
}
