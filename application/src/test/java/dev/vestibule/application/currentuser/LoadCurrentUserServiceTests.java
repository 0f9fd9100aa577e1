package dev.vestibule.application.currentuser;

import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.out.AddUserResult;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class LoadCurrentUserServiceTests {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final LoadCurrentUserService service = new LoadCurrentUserService(users);

    @Test
    void loadWhenUserActiveThenTheUser() {
        User alice = storedUser("alice");
        storedUser("bob");

        StepVerifier.create(service.load(alice.id())).expectNext(alice).verifyComplete();
    }

    @Test
    void loadWhenUserDeactivatedThenEmptySoTheSessionEnds() {
        User alice = storedUser("alice");
        users.replace(alice.deactivated());

        StepVerifier.create(service.load(alice.id())).verifyComplete();
    }

    @Test
    void loadWhenUserUnknownThenEmpty() {
        storedUser("alice");

        StepVerifier.create(service.load(UserId.random())).verifyComplete();
    }

    private User storedUser(String username) {
        User user = User.registerWithPassword(
                new Username(username),
                new EmailAddress(username + "@example.com"),
                new PasswordHash("{test}secret"),
                NOW);
        StepVerifier.create(users.add(user))
                .expectNext(new AddUserResult.Added(user))
                .verifyComplete();
        return user;
    }
}
