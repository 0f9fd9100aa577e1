package dev.vestibule.adapters.persistence;

import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.out.AddUserResult;
import dev.vestibule.domain.port.out.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import reactor.test.StepVerifier;

/**
 * The users the contracts of user-owned records (events, remembered and known browsers) store first: the
 * database refuses a record whose user does not exist. Each call stores a new one, so tests share a database.
 */
public final class StoredUsers {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private StoredUsers() {}

    /** A new user with a password, registered at {@code registeredAt}, stored through {@code users}. */
    public static UserId storedIn(UserRepository users, Instant registeredAt) {
        String name = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        User user = User.registerWithPassword(
                new Username("u" + name),
                new EmailAddress(name + "@example.com"),
                new PasswordHash("{test}x"),
                registeredAt);
        StepVerifier.create(users.add(user))
                .expectNext(new AddUserResult.Added(user))
                .expectComplete()
                .verify(TIMEOUT);
        return user.id();
    }
}
