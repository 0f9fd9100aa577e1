package dev.vestibule.application.hashing;

import dev.vestibule.domain.model.password.PasswordCheck;
import dev.vestibule.domain.model.password.PasswordPolicy;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.port.in.PasswordHashingBusyException;
import dev.vestibule.domain.port.out.PasswordHasher;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Runs the slow {@link PasswordHasher} on a bounded scheduler, so that hashing never holds an
 * event-loop thread and the number of hashes in flight (each Argon2 hash takes ~19 MiB) has a ceiling.
 * When the scheduler's queue is full too, the hash is refused at once with
 * {@link PasswordHashingBusyException} instead of waiting in an ever longer line. A hash that did get a
 * queue place but waited longer than {@code maxQueueWait} for a thread is refused the same way when its
 * turn comes, without being computed: a full queue drains slowly when the cores are busy with other work
 * (the hashing threads yield to page views), and a bound on the count alone would then let logins wait
 * for many seconds.
 * Passwords are normalized here, once, so that hashing and verifying always see the same form.
 */
public final class OffloadedPasswordHasher {

    /** Random enough that nobody's password matches it; only its cost matters. */
    private static final String DUMMY_PASSWORD = "vestibule-dummy-password-for-constant-time";
    /** A full queue drains in well under a second (it holds a few dozen hashes of ~25-100 ms per thread). */
    private static final Duration RETRY_AFTER_WHEN_BUSY = Duration.ofSeconds(1);

    /** Long enough for any queue that drains at the machine's normal hashing rate. */
    public static final Duration DEFAULT_MAX_QUEUE_WAIT = Duration.ofSeconds(1);

    private final PasswordHasher hasher;
    private final Scheduler scheduler;
    private final long maxQueueWaitNanos;
    private final PasswordHash dummyHash;

    public OffloadedPasswordHasher(PasswordHasher hasher, Scheduler scheduler) {
        this(hasher, scheduler, DEFAULT_MAX_QUEUE_WAIT);
    }

    public OffloadedPasswordHasher(PasswordHasher hasher, Scheduler scheduler, Duration maxQueueWait) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        if (maxQueueWait.isNegative() || maxQueueWait.isZero()) {
            throw new IllegalArgumentException("the longest queue wait must be positive");
        }
        this.maxQueueWaitNanos = maxQueueWait.toNanos();
        // Made once, up front (on the thread that builds the service, at startup), so that the first
        // unknown-user login costs the same as any other.
        this.dummyHash = hasher.hash(PasswordPolicy.normalize(DUMMY_PASSWORD));
    }

    public Mono<PasswordHash> hash(String password) {
        return offloaded(() -> hasher.hash(PasswordPolicy.normalize(password)));
    }

    public Mono<PasswordCheck> verify(String password, PasswordHash hash) {
        return offloaded(() -> hasher.verify(PasswordPolicy.normalize(password), hash));
    }

    /**
     * Spends the time of one verification when there is no real hash to check (unknown user, no local
     * password), so that response time does not tell a visitor whether an account exists.
     */
    public Mono<Void> verifyAgainstDummy(String password) {
        return verify(password, dummyHash).then();
    }

    private <T> Mono<T> offloaded(Callable<T> work) {
        return Mono.defer(() -> {
                    long queuedAt = System.nanoTime();
                    return Mono.fromCallable(() -> {
                                if (System.nanoTime() - queuedAt > maxQueueWaitNanos) {
                                    throw new PasswordHashingBusyException(RETRY_AFTER_WHEN_BUSY);
                                }
                                return work.call();
                            })
                            .subscribeOn(scheduler);
                })
                .onErrorMap(
                        RejectedExecutionException.class,
                        full -> new PasswordHashingBusyException(RETRY_AFTER_WHEN_BUSY));
    }
}
