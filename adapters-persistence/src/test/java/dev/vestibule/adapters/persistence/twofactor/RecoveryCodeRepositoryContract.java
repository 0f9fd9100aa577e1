package dev.vestibule.adapters.persistence.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.StoredUsers;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.RecoveryCodeRepository;
import dev.vestibule.domain.port.out.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.test.StepVerifier;

/** What every {@link RecoveryCodeRepository} promises, run against the in-memory fake and the R2DBC adapter. */
@Timeout(120)
abstract class RecoveryCodeRepositoryContract {

    private static final Instant NOW = Instant.parse("2090-05-06T07:08:09.123456Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    protected abstract RecoveryCodeRepository repository();

    protected abstract UserRepository users();

    @Test
    void aCodeIsUsableOnceAndOnlyByItsUser() {
        UserId user = storedUser();
        UserId other = storedUser();
        replace(user, List.of(hash('a'), hash('b')));

        assertUse(other, hash('a'), false);
        assertUse(user, hash('a'), true);
        assertUse(user, hash('a'), false);
        assertUse(user, hash('c'), false);
        assertCount(user, 1);
    }

    @Test
    void replaceAllReplacesEveryEarlierCodeUsedOrNot() {
        UserId user = storedUser();
        replace(user, List.of(hash('a'), hash('b'), hash('c')));
        assertUse(user, hash('a'), true);

        replace(user, List.of(hash('d'), hash('e')));

        assertCount(user, 2);
        assertUse(user, hash('b'), false);
        assertUse(user, hash('d'), true);
    }

    @Test
    void noCodesCountZero() {
        assertCount(storedUser(), 0);
    }

    @Test
    void removeAllTouchesNoOtherUser() {
        UserId user = storedUser();
        UserId other = storedUser();
        replace(user, List.of(hash('a')));
        replace(other, List.of(hash('a'), hash('b')));

        StepVerifier.create(repository().removeAll(user)).expectComplete().verify(TIMEOUT);

        assertCount(user, 0);
        assertCount(other, 2);
    }

    @Test
    void ofManyConcurrentUsesOfOneCodeExactlyOneWins() throws Exception {
        UserId user = storedUser();
        replace(user, List.of(hash('a')));
        int attempts = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<Boolean>> results = IntStream.range(0, attempts)
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        return repository().use(user, hash('a')).block(TIMEOUT);
                    }))
                    .toList();
            start.countDown();
            long won = 0;
            for (Future<Boolean> result : results) {
                won += Boolean.TRUE.equals(result.get()) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String hash(char c) {
        return String.valueOf(c).repeat(64);
    }

    private void replace(UserId user, List<String> hashes) {
        StepVerifier.create(repository().replaceAll(user, hashes, NOW))
                .expectComplete()
                .verify(TIMEOUT);
    }

    private void assertUse(UserId user, String hash, boolean used) {
        StepVerifier.create(repository().use(user, hash))
                .expectNext(used)
                .expectComplete()
                .verify(TIMEOUT);
    }

    private void assertCount(UserId user, int count) {
        StepVerifier.create(repository().countLeft(user))
                .expectNext(count)
                .expectComplete()
                .verify(TIMEOUT);
    }

    protected UserId storedUser() {
        return StoredUsers.storedIn(users(), NOW);
    }
}
