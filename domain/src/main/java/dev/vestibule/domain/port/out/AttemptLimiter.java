package dev.vestibule.domain.port.out;

import dev.vestibule.domain.model.throttling.AttemptLimit;
import dev.vestibule.domain.model.throttling.Permit;
import reactor.core.publisher.Mono;

/** Counts attempts against token buckets shared by every instance of the service. */
public interface AttemptLimiter {

    /** Takes one attempt from the bucket {@code key} of {@code limit}, or says how long to wait. */
    Mono<Permit> tryAcquire(String key, AttemptLimit limit);

    /** Gives an attempt back, for attempts that turned out not to count (a successful login). */
    Mono<Void> release(String key, AttemptLimit limit);
}
