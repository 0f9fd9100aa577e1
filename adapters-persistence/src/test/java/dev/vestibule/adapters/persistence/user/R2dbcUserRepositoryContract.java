package dev.vestibule.adapters.persistence.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.DatabaseOutages;
import dev.vestibule.domain.model.user.ExternalIdentity;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.port.out.UserRepository;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import reactor.test.StepVerifier;

/**
 * The port's contract plus what only the database adapter can show: that adding a user is atomic.
 * Subclasses choose the database.
 */
abstract class R2dbcUserRepositoryContract extends UserRepositoryContract {

    @Autowired
    protected UserRepository repository;

    @Override
    protected UserRepository repository() {
        return repository;
    }

    @Test
    void repositoryIsTheR2dbcAdapter() {
        UserRepository behindAnyCache =
                repository instanceof CachingUserRepository cached ? cached.uncached() : repository;
        assertThat(DatabaseOutages.adapterBehind(behindAnyCache)).isInstanceOf(R2dbcUserRepository.class);
    }

    @Test
    void addWhenExternalIdentityBelongsToAnotherUserThenFailsAndStoresNothing() {
        ExternalIdentity identity = new ExternalIdentity("github", randomName());
        add(User.registerWithExternalIdentity(username(), email(), identity, Instant.parse("2026-01-01T00:00:00Z")));
        User second =
                User.registerWithExternalIdentity(username(), email(), identity, Instant.parse("2026-01-01T00:00:00Z"));

        // No result fits (the port has none for it), so it is an error; the user row must be rolled back with it.
        StepVerifier.create(repository.add(second)).verifyError(DataIntegrityViolationException.class);
        StepVerifier.create(repository.findById(second.id())).verifyComplete();
        StepVerifier.create(repository.isUsernameTaken(second.username()))
                .expectNext(false)
                .verifyComplete();
    }
}
