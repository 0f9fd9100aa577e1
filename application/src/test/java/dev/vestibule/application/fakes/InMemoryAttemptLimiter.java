package dev.vestibule.application.fakes;

import dev.vestibule.domain.model.throttling.AttemptLimit;
import dev.vestibule.domain.model.throttling.Permit;
import dev.vestibule.domain.port.out.AttemptLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Token buckets in a map, refilled by the given clock: the reference semantics of {@link AttemptLimiter}. */
public final class InMemoryAttemptLimiter implements AttemptLimiter {

    private final Clock clock;
    private final Map<String, State> buckets = new HashMap<>();

    public InMemoryAttemptLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Mono<Permit> tryAcquire(String key, AttemptLimit limit) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                State state = refilled(key, limit);
                if (state.tokens >= 1) {
                    buckets.put(limit.name() + ":" + key, new State(state.tokens - 1, state.at));
                    return Permit.GRANTED;
                }
                long nanos = (long) ((1 - state.tokens) * limit.refillEvery().toNanos());
                return new Permit.Denied(Duration.ofNanos(nanos));
            }
        });
    }

    @Override
    public Mono<Void> release(String key, AttemptLimit limit) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                State state = refilled(key, limit);
                buckets.put(
                        limit.name() + ":" + key, new State(Math.min(limit.capacity(), state.tokens + 1), state.at));
            }
        });
    }

    private State refilled(String key, AttemptLimit limit) {
        Instant now = clock.instant();
        State state = buckets.getOrDefault(limit.name() + ":" + key, new State(limit.capacity(), now));
        double refill = (double) Duration.between(state.at, now).toNanos()
                / limit.refillEvery().toNanos();
        return new State(Math.min(limit.capacity(), state.tokens + refill), now);
    }

    private record State(double tokens, Instant at) {}
}
