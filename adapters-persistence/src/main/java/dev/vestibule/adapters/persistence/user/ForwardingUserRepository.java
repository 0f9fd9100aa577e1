package dev.vestibule.adapters.persistence.user;

import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.ExternalIdentity;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.out.AddUserResult;
import dev.vestibule.domain.port.out.UserRepository;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * A repository that passes everything to another, for decorators that change a few of its operations: the
 * {@link CachingUserRepository}, and the specs' instrumented repositories, override only what they handle.
 */
abstract class ForwardingUserRepository implements UserRepository {

    protected final UserRepository delegate;

    ForwardingUserRepository(UserRepository delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Mono<AddUserResult> add(User user) {
        return delegate.add(user);
    }

    @Override
    public Mono<User> findById(UserId id) {
        return delegate.findById(id);
    }

    @Override
    public Mono<User> findByLogin(String login) {
        return delegate.findByLogin(login);
    }

    @Override
    public Mono<User> findByExternalIdentity(ExternalIdentity identity) {
        return delegate.findByExternalIdentity(identity);
    }

    @Override
    public Mono<Boolean> isUsernameTaken(Username username) {
        return delegate.isUsernameTaken(username);
    }

    @Override
    public Mono<Boolean> isEmailTaken(EmailAddress email) {
        return delegate.isEmailTaken(email);
    }

    @Override
    public Mono<Void> changePasswordHash(UserId id, PasswordHash newHash, SecurityStamp newStamp) {
        return delegate.changePasswordHash(id, newHash, newStamp);
    }

    @Override
    public Mono<Void> renewSecurityStamp(UserId id, SecurityStamp newStamp) {
        return delegate.renewSecurityStamp(id, newStamp);
    }

    // email confirmation
    @Override
    public Mono<Boolean> confirmEmail(UserId id, EmailAddress address) {
        return delegate.confirmEmail(id, address);
    }

    // account deletion
    @Override
    public Mono<Void> remove(UserId id) {
        return delegate.remove(id);
    }
}
