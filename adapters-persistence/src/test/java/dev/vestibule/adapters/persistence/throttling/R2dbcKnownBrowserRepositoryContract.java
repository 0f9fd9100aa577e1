package dev.vestibule.adapters.persistence.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.DatabaseOutages;
import dev.vestibule.domain.model.throttling.KnownBrowser;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.KnownBrowserRepository;
import dev.vestibule.domain.port.out.UserRepository;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

/**
 * The port's contract plus what only the database adapter shows: a device cannot name a user who does
 * not exist, and the purge deletes batch after batch. Subclasses choose the database.
 */
abstract class R2dbcKnownBrowserRepositoryContract extends KnownBrowserRepositoryContract {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    private KnownBrowserRepository repository;

    @Autowired
    private UserRepository users;

    @Autowired
    private DatabaseClient databaseClient;

    @Override
    protected KnownBrowserRepository repository() {
        return repository;
    }

    @Override
    protected UserRepository users() {
        return users;
    }

    @Test
    void repositoryIsTheR2dbcAdapter() {
        assertThat(DatabaseOutages.adapterBehind(repository)).isInstanceOf(R2dbcKnownBrowserRepository.class);
    }

    @Test
    void addWhenUserDoesNotExistThenFails() {
        KnownBrowser orphan =
                KnownBrowser.newFor(UserId.random(), Instant.parse("2090-01-01T00:00:00Z"), Duration.ofDays(1), RANDOM);

        StepVerifier.create(repository.add(orphan)).expectError().verify(Duration.ofSeconds(30));
    }

    @Test
    void removeExpiredDeletesBatchAfterBatchUntilNothingExpiredIsLeft() {
        // A window of its own, before the contract's purge test's.
        Instant now = Instant.parse("1985-01-01T00:00:00Z");
        UserId user = storedUser();
        KnownBrowserRepository smallBatches = new R2dbcKnownBrowserRepository(databaseClient, 3);
        IntStream.range(0, 10)
                .forEach(i -> StepVerifier.create(repository.add(new KnownBrowser(
                                KnownBrowser.newFor(user, now, Duration.ofDays(1), RANDOM)
                                        .id(),
                                user,
                                now.minusSeconds(i))))
                        .verifyComplete());
        KnownBrowser valid = KnownBrowser.newFor(user, now, Duration.ofDays(1), RANDOM);
        StepVerifier.create(repository.add(valid)).verifyComplete();

        StepVerifier.create(smallBatches.removeExpired(now)).expectNext(10L).verifyComplete();
        StepVerifier.create(repository.isKnown(valid.id(), user, now))
                .expectNext(true)
                .verifyComplete();
    }
}
