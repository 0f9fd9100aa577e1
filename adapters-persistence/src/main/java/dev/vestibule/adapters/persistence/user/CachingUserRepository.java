package dev.vestibule.adapters.persistence.user;

import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.AddUserResult;
import dev.vestibule.domain.port.out.UserRepository;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The {@link UserRepository} with {@link #findById} answered from this instance's {@link UserCache} when
 * it may be: the lookup of every signed-in request. Logins look users up by name or identity, always in
 * the database. The database's triggers announce every change, whoever makes it; a change made through
 * this repository also evicts its user before the write is reported done, so this instance never waits
 * for its own notification.
 */
public final class CachingUserRepository extends ForwardingUserRepository {

    private final UserCache cache;

    public CachingUserRepository(UserRepository delegate, UserCache cache) {
        super(delegate);
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public Mono<User> findById(UserId id) {
        return Mono.defer(() -> {
            User cached = cache.get(id);
            if (cached != null) {
                return Mono.just(cached);
            }
            UserCache.Ticket ticket = cache.ticket();
            return delegate.findById(id).doOnNext(user -> cache.keep(ticket, user));
        });
    }

    @Override
    public Mono<AddUserResult> add(User user) {
        return evictingAfter(user.id(), delegate.add(user));
    }

    @Override
    public Mono<Void> changePasswordHash(UserId id, PasswordHash newHash, SecurityStamp newStamp) {
        return evictingAfter(id, delegate.changePasswordHash(id, newHash, newStamp));
    }

    @Override
    public Mono<Void> renewSecurityStamp(UserId id, SecurityStamp newStamp) {
        return evictingAfter(id, delegate.renewSecurityStamp(id, newStamp));
    }

    /** Whatever the outcome, even a failure or a cancellation after the write may have committed. */
    // email confirmation
    @Override
    public Mono<Boolean> confirmEmail(UserId id, EmailAddress address) {
        return evictingAfter(id, delegate.confirmEmail(id, address));
    }

    // account deletion
    @Override
    public Mono<Void> remove(UserId id) {
        return evictingAfter(id, delegate.remove(id));
    }

    private <T> Mono<T> evictingAfter(UserId id, Mono<T> write) {
        return write.doOnSuccess(done -> cache.evict(id))
                .doOnError(failure -> cache.evict(id))
                .doOnCancel(() -> cache.evict(id));
    }

    /** The repository behind the cache (for tests that must know which adapter answers). */
    UserRepository uncached() {
        return delegate;
    }
}
