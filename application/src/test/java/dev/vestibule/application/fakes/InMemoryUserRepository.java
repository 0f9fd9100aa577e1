package dev.vestibule.application.fakes;

import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.ExternalIdentity;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.out.AddUserResult;
import dev.vestibule.domain.port.out.UserRepository;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * A {@link UserRepository} in a map, with the same uniqueness rules as the database. Like a real store,
 * every operation happens when its {@code Mono} is subscribed, not when the method is called, and under
 * one lock, so that the fake stays a reference for parallel callers too.
 */
public final class InMemoryUserRepository implements UserRepository, InMemoryTransactions.Participant {

    private final Map<UserId, User> users = new LinkedHashMap<>();

    @Override
    public Mono<AddUserResult> add(User user) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                if (find(user.username().canonical()).isPresent()) {
                    return new AddUserResult.UsernameTaken();
                }
                if (find(user.email().value()).isPresent()) {
                    return new AddUserResult.EmailTaken();
                }
                users.put(user.id(), user);
                return new AddUserResult.Added(user);
            }
        });
    }

    @Override
    public Mono<User> findById(UserId id) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                return users.get(id);
            }
        });
    }

    @Override
    public Mono<User> findByLogin(String login) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                return find(login).orElse(null);
            }
        });
    }

    @Override
    public Mono<User> findByExternalIdentity(ExternalIdentity identity) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                return users.values().stream()
                        .filter(user -> user.externalIdentities().contains(identity))
                        .findFirst()
                        .orElse(null);
            }
        });
    }

    @Override
    public Mono<Boolean> isUsernameTaken(Username username) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                return find(username.canonical()).isPresent();
            }
        });
    }

    @Override
    public Mono<Boolean> isEmailTaken(EmailAddress email) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                return find(email.value()).isPresent();
            }
        });
    }

    @Override
    public Mono<Void> changePasswordHash(UserId id, PasswordHash newHash, SecurityStamp newStamp) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                users.computeIfPresent(id, (key, user) -> user.withPasswordHash(newHash, newStamp));
            }
        });
    }

    @Override
    public Mono<Void> renewSecurityStamp(UserId id, SecurityStamp newStamp) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                users.computeIfPresent(id, (key, user) -> user.withSecurityStamp(newStamp));
            }
        });
    }

    // email confirmation
    @Override
    public Mono<Boolean> confirmEmail(UserId id, EmailAddress address) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                User user = users.get(id);
                if (user == null) {
                    return true;
                }
                Optional<User> holder = find(address.value());
                if (holder.isPresent() && !holder.get().id().equals(id)) {
                    return false;
                }
                users.put(
                        id,
                        User.restore(
                                id,
                                user.username(),
                                address,
                                user.passwordHash().orElse(null),
                                user.externalIdentities(),
                                user.isActive(),
                                user.registeredAt(),
                                user.securityStamp(),
                                true));
                return true;
            }
        });
    }

    // account deletion
    @Override
    public Mono<Void> remove(UserId id) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                users.remove(id);
            }
        });
    }

    // account deletion: takes part in transactions
    @Override
    public synchronized Object snapshot() {
        return new LinkedHashMap<>(users);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        users.clear();
        users.putAll((Map<UserId, User>) snapshot);
    }

    /** Test hook, as an administrator would do in the database. */
    public synchronized void replace(User user) {
        users.put(user.id(), user);
    }

    /** Test hook, as an administrator deleting the row would. */
    public synchronized int count() {
        return users.size();
    }

    /** Callers hold the lock. */
    private Optional<User> find(String login) {
        String wanted = login.toLowerCase(Locale.ROOT);
        return users.values().stream()
                .filter(user -> user.username().canonical().equals(wanted)
                        || user.email().value().equals(wanted))
                .findFirst();
    }
}
