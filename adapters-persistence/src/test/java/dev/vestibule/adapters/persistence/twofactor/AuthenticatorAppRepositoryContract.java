package dev.vestibule.adapters.persistence.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.StoredUsers;
import dev.vestibule.domain.model.twofactor.AuthenticatorApp;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.AuthenticatorAppRepository;
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

/** What every {@link AuthenticatorAppRepository} promises, run against the in-memory fake and the R2DBC adapter. */
@Timeout(120)
abstract class AuthenticatorAppRepositoryContract {

    /** Microsecond precision, what both PostgreSQL and H2 keep. */
    private static final Instant NOW = Instant.parse("2090-05-06T07:08:09.123456Z");

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    protected abstract AuthenticatorAppRepository repository();

    protected abstract UserRepository users();

    @Test
    void savedAppIsFoundAsSaved() {
        UserId user = storedUser();
        AuthenticatorApp app = new AuthenticatorApp(user, "v1.abcd0123.sealed", NOW, 100L);

        save(app);

        StepVerifier.create(repository().find(user))
                .expectNext(app)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void noAppIsEmpty() {
        StepVerifier.create(repository().find(storedUser())).expectComplete().verify(TIMEOUT);
    }

    @Test
    void savingAgainReplacesTheApp() {
        UserId user = storedUser();
        save(new AuthenticatorApp(user, "v1.abcd0123.first", NOW, 100L));
        AuthenticatorApp second = new AuthenticatorApp(user, "v1.abcd0123.second", NOW.plusSeconds(60), 102L);

        save(second);

        StepVerifier.create(repository().find(user))
                .expectNext(second)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aStepIsAcceptedOnlyIfLaterThanTheLastOneUsed() {
        UserId user = storedUser();
        save(new AuthenticatorApp(user, "v1.abcd0123.sealed", NOW, 100L));

        assertUseStep(user, 100L, false);
        assertUseStep(user, 99L, false);
        assertUseStep(user, 101L, true);
        assertUseStep(user, 101L, false);
        assertUseStep(user, 103L, true);
        assertUseStep(user, 102L, false);
        assertThat(repository().find(user).block(TIMEOUT).lastUsedStep()).isEqualTo(103L);
    }

    @Test
    void useStepWithoutAnAppIsRefused() {
        assertUseStep(storedUser(), 1L, false);
    }

    @Test
    void ofManyConcurrentUsesOfOneStepExactlyOneWins() throws Exception {
        UserId user = storedUser();
        save(new AuthenticatorApp(user, "v1.abcd0123.sealed", NOW, 100L));
        int attempts = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<Boolean>> results = IntStream.range(0, attempts)
                    .mapToObj(i -> pool.submit(() -> {
                        start.await();
                        return repository().useStep(user, 101L).block(TIMEOUT);
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

    @Test
    void resealReplacesOnlyTheExpectedValue() {
        UserId user = storedUser();
        save(new AuthenticatorApp(user, "v1.old00000.sealed", NOW, 100L));

        StepVerifier.create(repository().reseal(user, "v1.other000.sealed", "v1.new00000.x"))
                .expectNext(false)
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(repository().reseal(user, "v1.old00000.sealed", "v1.new00000.sealed"))
                .expectNext(true)
                .expectComplete()
                .verify(TIMEOUT);
        AuthenticatorApp found = repository().find(user).block(TIMEOUT);
        assertThat(found.sealedSecret()).isEqualTo("v1.new00000.sealed");
        assertThat(found.lastUsedStep()).isEqualTo(100L);
    }

    @Test
    void removeSaysWhetherThereWasAnAppAndTouchesNoOtherUser() {
        UserId user = storedUser();
        UserId other = storedUser();
        save(new AuthenticatorApp(user, "v1.abcd0123.sealed", NOW, 1L));
        save(new AuthenticatorApp(other, "v1.abcd0123.others", NOW, 1L));

        StepVerifier.create(repository().remove(user))
                .expectNext(true)
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(repository().remove(user))
                .expectNext(false)
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(repository().find(user)).expectComplete().verify(TIMEOUT);
        assertThat(repository().find(other).block(TIMEOUT)).isNotNull();
    }

    private void assertUseStep(UserId user, long step, boolean accepted) {
        StepVerifier.create(repository().useStep(user, step))
                .expectNext(accepted)
                .expectComplete()
                .verify(TIMEOUT);
    }

    private void save(AuthenticatorApp app) {
        StepVerifier.create(repository().save(app)).expectComplete().verify(TIMEOUT);
    }

    protected UserId storedUser() {
        return StoredUsers.storedIn(users(), NOW);
    }
}
