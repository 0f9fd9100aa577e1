package dev.vestibule.adapters.persistence.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.out.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** The decorator: which lookups the cache answers, and which writes and notifications make it forget. */
class CachingUserRepositoryTests {

    private static final Duration TRUST = Duration.ofHours(1);

    private final InMemoryUserRepository stored = new InMemoryUserRepository();
    private final CountingUserRepository database = new CountingUserRepository(stored);
    private final UserCache cache = new UserCache(UserCacheSettings.DEFAULT, () -> 0L, Runnable::run);
    private final CachingUserRepository repository = new CachingUserRepository(database, cache);
    private final User alice = User.registerWithPassword(
            new Username("alice"),
            new EmailAddress("alice@example.com"),
            new PasswordHash("{argon2}first"),
            Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void findByIdWhenServingThenTheDatabaseIsAskedOnce() {
        cache.resume(TRUST);
        stored.add(alice).block();

        for (int i = 0; i < 3; i++) {
            StepVerifier.create(repository.findById(alice.id()))
                    .expectNext(alice)
                    .verifyComplete();
        }

        assertThat(database.findByIdCalls()).isEqualTo(1);
        assertThat(cache.hits()).isEqualTo(2);
    }

    @Test
    void findByIdWhenNotServingThenEveryLookupAsksTheDatabase() {
        stored.add(alice).block();

        for (int i = 0; i < 3; i++) {
            StepVerifier.create(repository.findById(alice.id()))
                    .expectNext(alice)
                    .verifyComplete();
        }

        assertThat(database.findByIdCalls()).isEqualTo(3);
        assertThat(cache.bypasses()).isEqualTo(3);
    }

    @Test
    void findByIdWhenUnknownThenNothingIsKeptAndTheNextLookupAsksAgain() {
        cache.resume(TRUST);
        UserId nobody = UserId.random();

        StepVerifier.create(repository.findById(nobody)).verifyComplete();
        StepVerifier.create(repository.findById(nobody)).verifyComplete();

        assertThat(database.findByIdCalls()).isEqualTo(2);
    }

    @Test
    void changePasswordHashThenTheNextLookupSeesTheNewHashAtOnce() {
        cache.resume(TRUST);
        repository.add(alice).block();
        repository.findById(alice.id()).block();
        PasswordHash second = new PasswordHash("{argon2}second");

        StepVerifier.create(repository
                        .changePasswordHash(alice.id(), second)
                        .then(Mono.defer(() -> repository.findById(alice.id()))))
                .assertNext(found -> assertThat(found.passwordHash()).contains(second))
                .verifyComplete();
    }

    @Test
    void changePasswordHashWhenTheWriteFailsThenTheUserIsEvictedAnyway() {
        cache.resume(TRUST);
        repository.add(alice).block();
        repository.findById(alice.id()).block();
        database.failWrites();

        StepVerifier.create(repository.changePasswordHash(alice.id(), new PasswordHash("{argon2}second")))
                .verifyError(IllegalStateException.class);

        assertThat(cache.evictions()).isEqualTo(2); // the add, then the failed change
        repository.findById(alice.id()).block();
        assertThat(database.findByIdCalls())
                .as("the failed write may have committed: asked again")
                .isEqualTo(2);
    }

    @Test
    void findByIdWhenTheUserChangesWhileLoadingThenTheLoadedUserIsReturnedButNotKept() {
        cache.resume(TRUST);
        stored.add(alice).block();
        Sinks.Empty<Void> databaseAnswers = Sinks.empty();
        database.holdLookupsUntil(databaseAnswers.asMono());

        StepVerifier.create(repository.findById(alice.id()))
                .then(() -> {
                    cache.evict(alice.id()); // the change's notification, heard before the load's answer
                    databaseAnswers.tryEmitEmpty();
                })
                .expectNext(alice)
                .verifyComplete();

        database.holdLookupsUntil(Mono.empty());
        repository.findById(alice.id()).block();
        assertThat(database.findByIdCalls()).isEqualTo(2);
        assertThat(cache.hits()).isZero();
    }

    @Test
    void lookupsByLoginOrIdentityAlwaysAskTheDatabase() {
        cache.resume(TRUST);
        stored.add(alice).block();
        repository.findById(alice.id()).block();

        stored.changePasswordHash(alice.id(), new PasswordHash("{argon2}changed behind the cache"))
                .block();

        assertThat(repository.findByLogin("alice").block().passwordHash())
                .contains(new PasswordHash("{argon2}changed behind the cache"));
    }

    /** The in-memory store, counting the lookups by id, optionally holding their answers, optionally failing writes. */
    private static final class CountingUserRepository extends ForwardingUserRepository {

        private final AtomicInteger findByIdCalls = new AtomicInteger();
        private volatile Mono<Void> answerAfter = Mono.empty();
        private volatile boolean failWrites;

        CountingUserRepository(UserRepository delegate) {
            super(delegate);
        }

        int findByIdCalls() {
            return findByIdCalls.get();
        }

        void holdLookupsUntil(Mono<Void> signal) {
            answerAfter = signal;
        }

        void failWrites() {
            failWrites = true;
        }

        @Override
        public Mono<User> findById(UserId id) {
            return Mono.defer(() -> {
                findByIdCalls.incrementAndGet();
                Mono<Void> gate = answerAfter;
                return delegate.findById(id).flatMap(user -> gate.thenReturn(user));
            });
        }

        @Override
        public Mono<Void> changePasswordHash(UserId id, PasswordHash newHash, SecurityStamp newStamp) {
            return failWrites
                    ? Mono.error(new IllegalStateException("connection lost after the commit"))
                    : delegate.changePasswordHash(id, newHash, newStamp);
        }

        @Override
        public Mono<Void> renewSecurityStamp(UserId id, SecurityStamp newStamp) {
            return failWrites
                    ? Mono.error(new IllegalStateException("connection lost after the commit"))
                    : delegate.renewSecurityStamp(id, newStamp);
        }
    }
}
