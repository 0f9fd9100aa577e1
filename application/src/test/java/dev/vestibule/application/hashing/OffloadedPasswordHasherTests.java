package dev.vestibule.application.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.fakes.FakePasswordHasher;
import dev.vestibule.application.fakes.RecordingPasswordHasher;
import dev.vestibule.domain.model.password.PasswordCheck;
import dev.vestibule.domain.model.password.PasswordHash;
import java.time.Duration;
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

        StepVerifier.create(built.verifyAgainstDummy("anything").then(built.verifyAgainstDummy("again"))).verifyComplete();

        assertThat(counting.hashedPasswords()).hasSize(1);
    }

    @Test
    void hashHashesTheNfkcFormOfThePassword() {
        StepVerifier.create(offloaded.hash("ｆｕｌｌ ｗｉｄｔｈ cafe\u0301")).expectNextCount(1).verifyComplete();

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

            StepVerifier.create(onScheduler.hash("correct horse")).consumeNextWith(hash::set)
                    .expectComplete().verify(Duration.ofSeconds(10));
            StepVerifier.create(onScheduler.verify("correct horse", hash.get())).expectNext(PasswordCheck.MATCHES)
                    .expectComplete().verify(Duration.ofSeconds(10));
            StepVerifier.create(onScheduler.verifyAgainstDummy("guess"))
                    .expectComplete().verify(Duration.ofSeconds(10));

            assertThat(hasher.threadNames()).hasSize(3)
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
}
