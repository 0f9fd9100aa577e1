package dev.vestibule.adapters.persistence.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.StoredUsers;
import dev.vestibule.domain.model.passkey.CeremonyPurpose;
import dev.vestibule.domain.model.passkey.PasskeyChallenge;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.PasskeyChallenges;
import dev.vestibule.domain.port.out.UserRepository;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** What every {@link PasskeyChallenges} promises: one use, for its purpose and user, before it expires. */
@Timeout(120)
abstract class PasskeyChallengesContract {

    private static final Instant NOW = Instant.parse("2090-05-06T07:08:09.123456Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    protected abstract PasskeyChallenges challenges();

    protected abstract UserRepository users();

    private PasskeyChallenge issued(CeremonyPurpose purpose, Optional<UserId> user) {
        PasskeyChallenge challenge = PasskeyChallenge.issue(RANDOM, purpose, user, NOW);
        StepVerifier.create(challenges().issue(challenge)).verifyComplete();
        return challenge;
    }

    @Test
    void aChallengeIsConsumedOnceOnly() {
        PasskeyChallenge challenge = issued(CeremonyPurpose.SIGN_IN, Optional.empty());

        StepVerifier.create(challenges().consume(challenge.value(), CeremonyPurpose.SIGN_IN, Optional.empty(), NOW))
                .expectNext(true)
                .verifyComplete();
        StepVerifier.create(challenges().consume(challenge.value(), CeremonyPurpose.SIGN_IN, Optional.empty(), NOW))
                .expectNext(false)
                .verifyComplete();
    }

    @Test
    void aChallengeFinishesOnlyItsOwnPurposeAndUser() {
        UserId user = StoredUsers.storedIn(users(), NOW);
        UserId other = StoredUsers.storedIn(users(), NOW);
        PasskeyChallenge challenge = issued(CeremonyPurpose.REGISTRATION, Optional.of(user));

        StepVerifier.create(
                        challenges().consume(challenge.value(), CeremonyPurpose.SECOND_FACTOR, Optional.of(user), NOW))
                .expectNext(false)
                .verifyComplete();
        StepVerifier.create(
                        challenges().consume(challenge.value(), CeremonyPurpose.REGISTRATION, Optional.of(other), NOW))
                .expectNext(false)
                .verifyComplete();
        StepVerifier.create(
                        challenges().consume(challenge.value(), CeremonyPurpose.REGISTRATION, Optional.empty(), NOW))
                .expectNext(false)
                .verifyComplete();
        StepVerifier.create(
                        challenges().consume(challenge.value(), CeremonyPurpose.REGISTRATION, Optional.of(user), NOW))
                .expectNext(true)
                .verifyComplete();
    }

    @Test
    void anExpiredChallengeIsNotConsumedAndIsPurged() {
        PasskeyChallenge challenge = issued(CeremonyPurpose.SIGN_IN, Optional.empty());
        Instant later = NOW.plus(PasskeyChallenge.LIFETIME);

        StepVerifier.create(challenges().consume(challenge.value(), CeremonyPurpose.SIGN_IN, Optional.empty(), later))
                .expectNext(false)
                .verifyComplete();
        StepVerifier.create(challenges().removeExpired(later))
                .assertNext(removed -> assertThat(removed).isPositive())
                .verifyComplete();
    }

    @Test
    void ofSixteenConcurrentConsumersExactlyOneWins() {
        PasskeyChallenge challenge = issued(CeremonyPurpose.SIGN_IN, Optional.empty());

        List<Boolean> results = Flux.fromStream(IntStream.range(0, 16).boxed())
                .parallel(16)
                .runOn(Schedulers.boundedElastic())
                .flatMap(attempt ->
                        challenges().consume(challenge.value(), CeremonyPurpose.SIGN_IN, Optional.empty(), NOW))
                .sequential()
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(results).hasSize(16).containsOnlyOnce(true);
    }
}
