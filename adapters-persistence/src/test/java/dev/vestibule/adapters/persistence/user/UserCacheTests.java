package dev.vestibule.adapters.persistence.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** When the cache may answer, and which loads it may keep: the protocol, without a database. */
class UserCacheTests {

    private static final Duration TRUST = Duration.ofSeconds(1);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final HeldTasks background = new HeldTasks();
    private final UserCache cache =
            new UserCache(new UserCacheSettings(100, Duration.ofMinutes(5)), nanos::get, background);
    private final User alice = user("alice");
    private final User bob = user("bob");

    @Test
    void getWhenNeverResumedThenBypassesAndKeepsNothing() {
        cache.keep(cache.ticket(), alice);

        assertThat(cache.get(alice.id())).isNull();
        assertThat(cache.bypasses()).isEqualTo(1);
        assertThat(cache.serving()).isFalse();
        assertThat(cache.size()).isZero();
    }

    @Test
    void getWhenResumedThenMissFirstAndHitOnceKept() {
        cache.resume(TRUST);

        assertThat(cache.get(alice.id())).isNull();
        cache.keep(cache.ticket(), alice);

        assertThat(cache.get(alice.id())).isSameAs(alice);
        assertThat(cache.misses()).isEqualTo(1);
        assertThat(cache.hits()).isEqualTo(1);
    }

    @Test
    void evictThenTheUserIsLoadedAgain() {
        cache.resume(TRUST);
        cache.keep(cache.ticket(), alice);

        cache.evict(alice.id());

        assertThat(cache.get(alice.id())).isNull();
        assertThat(cache.evictions()).isEqualTo(1);
    }

    @Test
    void keepWhenTheUserWasEvictedDuringTheLoadThenTheLoadedValueIsNotKept() {
        cache.resume(TRUST);
        UserCache.Ticket beforeLoad = cache.ticket();

        cache.evict(alice.id()); // the notification arrives while the database answers
        cache.keep(beforeLoad, alice);

        assertThat(cache.get(alice.id())).isNull();
    }

    @Test
    void keepWhenAnotherUserWasEvictedDuringTheLoadThenNotKeptEither() {
        // One counter for everybody: cheaper than one per user, and a lost put costs one more query.
        cache.resume(TRUST);
        UserCache.Ticket beforeLoad = cache.ticket();

        cache.evict(bob.id());
        cache.keep(beforeLoad, alice);

        assertThat(cache.get(alice.id())).isNull();
    }

    @Test
    void keepWhenTheLoadBeganAfterTheEvictionThenKept() {
        cache.resume(TRUST);
        cache.evict(alice.id());

        cache.keep(cache.ticket(), alice);

        assertThat(cache.get(alice.id())).isSameAs(alice);
    }

    @Test
    void suspendThenNothingIsServedAtOnceEvenBeforeTheMemoryIsFreed() {
        cache.resume(TRUST);
        background.runAll();
        cache.keep(cache.ticket(), alice);

        cache.suspend();

        assertThat(cache.size()).as("freed later, off the caller's thread").isEqualTo(1);
        assertThat(cache.get(alice.id())).isNull();
        assertThat(cache.serving()).isFalse();
        background.runAll();
        assertThat(cache.size()).isZero();
    }

    @Test
    void resumeAfterSuspendStartsEmptyEvenIfTheMemoryWasNotFreedYet() {
        cache.resume(TRUST);
        background.runAll();
        cache.keep(cache.ticket(), alice);
        cache.suspend();

        cache.resume(TRUST);

        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.get(alice.id()))
                .as("changes made while suspended were not heard")
                .isNull();
    }

    @Test
    void keepWhenTheListenerFailedDuringTheLoadThenNotKeptAfterResuming() {
        cache.resume(TRUST);
        UserCache.Ticket beforeLoad = cache.ticket();
        cache.suspend();
        cache.resume(TRUST);

        cache.keep(beforeLoad, alice);

        assertThat(cache.get(alice.id())).isNull();
    }

    @Test
    void evictAllThenEveryUserIsLoadedAgainWhileStillServing() {
        cache.resume(TRUST);
        cache.keep(cache.ticket(), alice);
        cache.keep(cache.ticket(), bob);

        cache.evictAll();

        assertThat(cache.serving()).isTrue();
        assertThat(cache.get(alice.id())).isNull();
        assertThat(cache.get(bob.id())).isNull();
    }

    @Test
    void servingLapsesWhenTrustIsNotRenewedInTime() {
        cache.resume(TRUST);
        cache.keep(cache.ticket(), alice);

        nanos.addAndGet(TRUST.toNanos());

        assertThat(cache.serving()).isFalse();
        assertThat(cache.get(alice.id())).isNull();
        assertThat(cache.bypasses()).isEqualTo(1);
    }

    @Test
    void renewExtendsTrustFromNow() {
        cache.resume(TRUST);
        cache.keep(cache.ticket(), alice);
        nanos.addAndGet(TRUST.toNanos() - 1);

        cache.renew(TRUST);
        nanos.addAndGet(TRUST.toNanos() - 1);

        assertThat(cache.get(alice.id())).isSameAs(alice);
    }

    @Test
    void renewAfterSuspendDoesNotResume() {
        cache.resume(TRUST);
        cache.suspend();

        cache.renew(TRUST);

        assertThat(cache.serving()).isFalse();
    }

    @Test
    void keepWhenTrustLapsedDuringTheLoadThenNotKept() {
        cache.resume(TRUST);
        UserCache.Ticket beforeLoad = cache.ticket();
        nanos.addAndGet(TRUST.toNanos());

        cache.keep(beforeLoad, alice);
        cache.renew(TRUST);

        assertThat(cache.get(alice.id())).isNull();
    }

    @Test
    void aKeptUserExpiresAfterTheTtlWithoutAnyChange() {
        UserCache shortLived =
                new UserCache(new UserCacheSettings(100, Duration.ofSeconds(10)), nanos::get, Runnable::run);
        shortLived.resume(Duration.ofHours(1));
        shortLived.keep(shortLived.ticket(), alice);

        nanos.addAndGet(Duration.ofSeconds(10).toNanos());

        assertThat(shortLived.get(alice.id())).isNull();
    }

    @Test
    void sizeIsBoundedByMaxSize() {
        UserCache small = new UserCache(new UserCacheSettings(2, Duration.ofMinutes(5)), nanos::get, Runnable::run);
        small.resume(TRUST);
        for (String name : new String[] {"ann", "ben", "cid", "dee", "eve"}) {
            small.keep(small.ticket(), user(name));
        }

        assertThat(small.size()).isLessThanOrEqualTo(2);
    }

    private static User user(String name) {
        return User.registerWithPassword(
                new Username(name),
                new EmailAddress(name + "@example.com"),
                new PasswordHash("{argon2}hash-of-" + name),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** Tasks handed to the cache's background executor, run only when the test says so. */
    private static final class HeldTasks implements Executor {

        private final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }
}
