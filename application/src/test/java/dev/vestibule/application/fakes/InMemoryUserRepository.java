package dev.vestibule.application.fakes;

import dev.vestibule.domain.model.password.PasswordHash;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.ExternalIdentity;
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

/** A {@link UserRepository} in a map, with the same uniqueness rules as the database. */
public final class InMemoryUserRepository implements UserRepository {

    private final Map<UserId, User> users = new LinkedHashMap<>();

    @Override
    public synchronized Mono<AddUserResult> add(User user) {
        if (find(user.username().canonical()).isPresent()) {
            return Mono.just(new AddUserResult.UsernameTaken());
        }
        if (find(user.email().value()).isPresent()) {
            return Mono.just(new AddUserResult.EmailTaken());
        }
        users.put(user.id(), user);
        return Mono.just(new AddUserResult.Added(user));
    }

    @Override
    public synchronized Mono<User> findById(UserId id) {
        return Mono.justOrEmpty(users.get(id));
    }

    @Override
    public synchronized Mono<User> findByLogin(String login) {
        return Mono.justOrEmpty(find(login));
    }

    @Override
    public synchronized Mono<User> findByExternalIdentity(ExternalIdentity identity) {
        return Mono.justOrEmpty(users.values().stream()
                .filter(user -> user.externalIdentities().contains(identity))
                .findFirst());
    }

    @Override
    public synchronized Mono<Boolean> isUsernameTaken(Username username) {
        return Mono.just(find(username.canonical()).isPresent());
    }

    @Override
    public synchronized Mono<Boolean> isEmailTaken(EmailAddress email) {
        return Mono.just(find(email.value()).isPresent());
    }

    @Override
    public synchronized Mono<Void> changePasswordHash(UserId id, PasswordHash newHash) {
        return Mono.fromRunnable(() -> users.computeIfPresent(id, (key, user) -> user.withPasswordHash(newHash)));
    }

    /** Test hook, as an administrator would do in the database. */
    public synchronized void replace(User user) {
        users.put(user.id(), user);
    }

    public synchronized int count() {
        return users.size();
    }

    private Optional<User> find(String login) {
        String wanted = login.toLowerCase(Locale.ROOT);
        return users.values().stream()
                .filter(user -> user.username().canonical().equals(wanted) || user.email().value().equals(wanted))
                .findFirst();
    }
}
