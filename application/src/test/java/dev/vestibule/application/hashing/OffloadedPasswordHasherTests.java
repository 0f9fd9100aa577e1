package dev.vestibule.application.hashing;

import static dev.vestibule.application.fakes.SchedulerSaturation.awaitQuietly;
import static dev.vestibule.application.fakes.SchedulerSaturation.saturate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.fakes.FakePasswordHasher;
import dev.vestibule.application.fakes.RecordingPasswordHasher;
import dev.vestibule.domain.model.password.PasswordCheck;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.port.in.PasswordHashingBusyException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class OffloadedPasswordHasherTests {

    private final FakePasswordHasher fakeHasher = new FakePasswordHasher();
    private final RecordingPasswordHasher hasher = new RecordingPasswordHasher(fakeHasher);
    private final OffloadedPasswordHasher offloaded = new OffloadedPasswordHasher(hasher, Schedulers.immediate());

    @org.junit.jupiter.api.BeforeEach
    void forgetTheDummyHashMadeAtConstruction() {
        hasher.clear();
    }

    @Test
    void theDummyHashIsMadeOnceWhenTheServiceIsBuilt() {
        RecordingPasswordHasher counting = new RecordingPasswordHasher(fakeHasher);
        OffloadedPasswordHasher built = new OffloadedPasswordHasher(counting, Schedulers.immediate());
        assertThat(counting.hashedPasswords()).hasSize(1);

        StepVerifier.create(built.verifyAgainstDummy("anything").then(built.verifyAgainstDummy("again")))
                .verifyComplete();

        assertThat(counting.hashedPasswords()).hasSize(1);
    }

    @Test
    void hashHashesTheNfkcFormOfThePassword() {
        StepVerifier.create(offloaded.hash("ｆｕｌｌ ｗｉｄｔｈ cafe\u0301"))
                .expectNextCount(1)
                .verifyComplete();

        assertThat(hasher.hashedPasswords()).containsExactly("full width caf\u00E9");
    }

    @Test
    void verifyWhenSamePasswordTypedInAnotherUnicodeFormThenMatches() {
        PasswordHash hash = hashed("caf\u00E9 au lait");

        StepVerifier.create(offloaded.verify("cafe\u0301 au lait", hash))
                .expectNext(PasswordCheck.MATCHES)
                .verifyComplete();
    }

    @Test
    void verifyWhenOtherPasswordThenDoesNotMatch() {
        PasswordHash hash = hashed("caf\u00E9 au lait");

        StepVerifier.create(offloaded.verify("cafe au lait", hash))
                .expectNext(PasswordCheck.DOES_NOT_MATCH)
                .verifyComplete();
    }

    @Test
    void verifyAgainstDummySpendsOneVerificationEachTimeAndHashesNothingMore() {
        StepVerifier.create(offloaded.verifyAgainstDummy("guess one")).verifyComplete();
        StepVerifier.create(offloaded.verifyAgainstDummy("guess two")).verifyComplete();

        assertThat(fakeHasher.verifications()).isEqualTo(2);
        assertThat(hasher.hashedPasswords()).isEmpty();
    }

    @Test
    void nothingIsHashedUntilSubscribed() {
        offloaded.hash("not yet");
        offloaded.verifyAgainstDummy("not yet");

        assertThat(hasher.threadNames()).isEmpty();
    }

    @Test
    void hashAndVerifyRunOnTheGivenScheduler() {
        Scheduler hashing = Schedulers.newBoundedElastic(2, 16, "vestibule-test-hashing");
        try {
            OffloadedPasswordHasher onScheduler = new OffloadedPasswordHasher(hasher, hashing);
            hasher.clear();
            AtomicReference<PasswordHash> hash = new AtomicReference<>();

            StepVerifier.create(onScheduler.hash("correct horse"))
                    .consumeNextWith(hash::set)
                    .expectComplete()
                    .verify(Duration.ofSeconds(10));
            StepVerifier.create(onScheduler.verify("correct horse", hash.get()))
                    .expectNext(PasswordCheck.MATCHES)
                    .expectComplete()
                    .verify(Duration.ofSeconds(10));
            StepVerifier.create(onScheduler.verifyAgainstDummy("guess"))
                    .expectComplete()
                    .verify(Duration.ofSeconds(10));

            assertThat(hasher.threadNames())
                    .hasSize(3)
                    .allSatisfy(name -> assertThat(name).startsWith("vestibule-test-hashing-"));
        } finally {
            hashing.dispose();
        }
    }

    private PasswordHash hashed(String password) {
        AtomicReference<PasswordHash> hash = new AtomicReference<>();
        StepVerifier.create(offloaded.hash(password)).consumeNextWith(hash::set).verifyComplete();
        return hash.get();
    }

    @Test
    void hashWhenEveryThreadIsBusyAndTheQueueFullThenRefusedAtOnceAsBusy() {
        Scheduler hashing = Schedulers.newBoundedElastic(1, 1, "vestibule-test-saturated");
        CountDownLatch release = new CountDownLatch(1);
        try {
            OffloadedPasswordHasher onScheduler = new OffloadedPasswordHasher(hasher, hashing);
            saturate(hashing, release);

            StepVerifier.create(onScheduler.verify("correct horse", hasher.hash("correct horse")))
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOf(PasswordHashingBusyException.class)
                            .extracting(busy -> ((PasswordHashingBusyException) busy).retryAfter())
                            .isEqualTo(Duration.ofSeconds(1)))
                    .verify(Duration.ofSeconds(5));
        } finally {
            release.countDown();
            hashing.dispose();
        }
    }

    @Test
    void verifyWhenItWaitedForAThreadLongerThanTheBoundThenRefusedAsBusyWithoutHashing() throws InterruptedException {
        Scheduler hashing = Schedulers.newBoundedElastic(1, 16, "vestibule-test-slow-queue");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        try {
            OffloadedPasswordHasher onScheduler = new OffloadedPasswordHasher(hasher, hashing, Duration.ofMillis(20));
            PasswordHash hash = hasher.hash("correct horse");
            hasher.clear();
            hashing.schedule(() -> {
                running.countDown();
                awaitQuietly(release);
            });
            awaitQuietly(running);

            var waiting = StepVerifier.create(onScheduler.verify("correct horse", hash))
                    .expectError(PasswordHashingBusyException.class)
                    .verifyLater();
            Thread.sleep(100);
            release.countDown();

            waiting.verify(Duration.ofSeconds(5));
            assertThat(hasher.threadNames())
                    .as("nothing hashed for a refused login")
                    .isEmpty();
        } finally {
            release.countDown();
            hashing.dispose();
        }
    }

    @Test
    void verifyWhenAThreadIsFreeAtOnceThenNeverRefusedForWaiting() {
        Scheduler hashing = Schedulers.newBoundedElastic(1, 16, "vestibule-test-free");
        try {
            OffloadedPasswordHasher onScheduler = new OffloadedPasswordHasher(hasher, hashing, Duration.ofSeconds(5));

            StepVerifier.create(onScheduler.verify("correct horse", hasher.hash("correct horse")))
                    .expectNext(PasswordCheck.MATCHES)
                    .expectComplete()
                    .verify(Duration.ofSeconds(10));
        } finally {
            hashing.dispose();
        }
    }
}
