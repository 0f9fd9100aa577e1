package dev.vestibule.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.domain.model.throttling.AttemptLimit;
import dev.vestibule.domain.model.throttling.Permit;
import dev.vestibule.domain.port.out.AttemptLimiter;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * What every {@link AttemptLimiter} promises, run against the application's fake, the in-process
 * limiter and the Redis limiter. Each test uses keys of its own. Limits that must not refill during a
 * test refill once an hour; the refill test waits for real where the limiter keeps real time.
 */
@Timeout(120)
public abstract class AttemptLimiterContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final AttemptLimit SLOW = new AttemptLimit("slow", 3, Duration.ofHours(1));
    /** Whole seconds, so that a wait rounded up to seconds (Retry-After) is still exact. */
    private static final AttemptLimit QUICK = new AttemptLimit("quick", 2, Duration.ofSeconds(2));

    protected abstract AttemptLimiter limiter();

    /** Lets {@code duration} pass for the limiter: a real wait, or moving a test clock. */
    protected abstract void letTimePass(Duration duration);

    @Test
    public void aFreshBucketGrantsItsCapacityThenDenies() {
        String key = newKey();

        IntStream.range(0, SLOW.capacity()).forEach(i -> assertGranted(key, SLOW));
        assertDenied(key, SLOW);
    }

    @Test
    public void aDenialSaysHowLongToWaitAtMostOneRefillPeriod() {
        String key = newKey();
        IntStream.range(0, SLOW.capacity()).forEach(i -> assertGranted(key, SLOW));

        assertThat(assertDenied(key, SLOW)).isPositive().isLessThanOrEqualTo(SLOW.refillEvery());
    }

    @Test
    public void afterTheAnnouncedWaitOneMoreAttemptIsAllowedAndNoMore() {
        String key = newKey();
        IntStream.range(0, QUICK.capacity()).forEach(i -> assertGranted(key, QUICK));
        Duration wait = assertDenied(key, QUICK);
        assertThat(wait).isLessThanOrEqualTo(QUICK.refillEvery());

        letTimePass(wait.plusMillis(100));

        assertGranted(key, QUICK);
        assertDenied(key, QUICK);
    }

    @Test
    public void aDenialTakesNothingSoRepeatedDenialsDoNotPostponeTheRefill() {
        String key = newKey();
        IntStream.range(0, QUICK.capacity()).forEach(i -> assertGranted(key, QUICK));
        IntStream.range(0, 10).forEach(i -> assertDenied(key, QUICK));

        letTimePass(QUICK.refillEvery().plusMillis(100));

        assertGranted(key, QUICK);
    }

    @Test
    public void aGivenBackAttemptCanBeTakenAgain() {
        String key = newKey();
        IntStream.range(0, SLOW.capacity()).forEach(i -> assertGranted(key, SLOW));

        StepVerifier.create(limiter().release(key, SLOW)).expectComplete().verify(TIMEOUT);

        assertGranted(key, SLOW);
        assertDenied(key, SLOW);
    }

    @Test
    public void givingBackNeverRaisesABucketAboveItsCapacity() {
        String key = newKey();
        assertGranted(key, SLOW);
        IntStream.range(0, 5)
                .forEach(i -> StepVerifier.create(limiter().release(key, SLOW))
                        .expectComplete()
                        .verify(TIMEOUT));

        IntStream.range(0, SLOW.capacity()).forEach(i -> assertGranted(key, SLOW));
        assertDenied(key, SLOW);
    }

    @Test
    public void givingBackToABucketNeverUsedLeavesItAtItsCapacity() {
        String key = newKey();
        StepVerifier.create(limiter().release(key, SLOW)).expectComplete().verify(TIMEOUT);

        IntStream.range(0, SLOW.capacity()).forEach(i -> assertGranted(key, SLOW));
        assertDenied(key, SLOW);
    }

    @Test
    public void separateKeysHaveSeparateBuckets() {
        String exhausted = newKey();
        IntStream.range(0, SLOW.capacity()).forEach(i -> assertGranted(exhausted, SLOW));
        assertDenied(exhausted, SLOW);

        String other = newKey();
        IntStream.range(0, SLOW.capacity()).forEach(i -> assertGranted(other, SLOW));
    }

    @Test
    public void theSameKeyUnderAnotherLimitIsAnotherBucket() {
        String key = newKey();
        IntStream.range(0, SLOW.capacity()).forEach(i -> assertGranted(key, SLOW));
        assertDenied(key, SLOW);

        AttemptLimit sameShapeOtherName = new AttemptLimit("other", SLOW.capacity(), SLOW.refillEvery());
        IntStream.range(0, SLOW.capacity()).forEach(i -> assertGranted(key, sameShapeOtherName));
    }

    @Test
    public void parallelAttemptsNeverGetMoreThanTheCapacity() {
        String key = newKey();
        AttemptLimit limit = new AttemptLimit("parallel", 10, Duration.ofHours(1));

        List<Permit> permits = Flux.range(0, 64)
                .flatMap(i -> limiter().tryAcquire(key, limit).subscribeOn(Schedulers.boundedElastic()), 64)
                .collectList()
                .block(TIMEOUT);

        assertThat(permits).hasSize(64);
        assertThat(permits)
                .filteredOn(permit -> permit instanceof Permit.Granted)
                .hasSize(limit.capacity());
    }

    @Test
    public void parallelGiveBacksAndTakesKeepTheCount() {
        String key = newKey();
        AttemptLimit limit = new AttemptLimit("parallel-release", 10, Duration.ofHours(1));
        IntStream.range(0, limit.capacity()).forEach(i -> assertGranted(key, limit));

        Flux.range(0, 6)
                .flatMap(i -> limiter().release(key, limit).subscribeOn(Schedulers.boundedElastic()), 6)
                .blockLast(TIMEOUT);
        List<Permit> permits = Flux.range(0, 20)
                .flatMap(i -> limiter().tryAcquire(key, limit).subscribeOn(Schedulers.boundedElastic()), 20)
                .collectList()
                .block(TIMEOUT);

        assertThat(permits)
                .filteredOn(permit -> permit instanceof Permit.Granted)
                .hasSize(6);
    }

    @Test
    public void nothingIsTakenUntilSubscribed() {
        String key = newKey();
        IntStream.range(0, SLOW.capacity()).forEach(i -> limiter().tryAcquire(key, SLOW));

        IntStream.range(0, SLOW.capacity()).forEach(i -> assertGranted(key, SLOW));
    }

    protected static String newKey() {
        return "contract:" + UUID.randomUUID();
    }

    protected void assertGranted(String key, AttemptLimit limit) {
        StepVerifier.create(limiter().tryAcquire(key, limit))
                .expectNext(Permit.GRANTED)
                .expectComplete()
                .verify(TIMEOUT);
    }

    protected Duration assertDenied(String key, AttemptLimit limit) {
        Permit permit = limiter().tryAcquire(key, limit).block(TIMEOUT);
        assertThat(permit).isInstanceOf(Permit.Denied.class);
        return ((Permit.Denied) permit).retryAfter();
    }
}
