package dev.vestibule.adapters.persistence.rememberme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.DatabaseOutages;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.rememberme.RememberMeToken;
import dev.vestibule.domain.model.rememberme.RememberedBrowser;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.RememberedBrowserRepository;
import dev.vestibule.domain.port.out.UserRepository;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

/**
 * The port's contract plus what only the database adapter shows: that a device cannot outlive its
 * user's row, and that a rotation cannot move a device to another series or user. Subclasses choose
 * the database.
 */
abstract class R2dbcRememberedBrowserRepositoryContract extends RememberedBrowserRepositoryContract {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    private RememberedBrowserRepository repository;

    @Autowired
    private UserRepository users;

    @Override
    protected RememberedBrowserRepository repository() {
        return repository;
    }

    @Override
    protected UserRepository users() {
        return users;
    }

    @Test
    void repositoryIsTheR2dbcAdapter() {
        assertThat(DatabaseOutages.adapterBehind(repository)).isInstanceOf(R2dbcRememberedBrowserRepository.class);
    }

    @Test
    void addWhenUserDoesNotExistThenFails() {
        RememberedBrowser orphan = remember(
                RememberMeToken.generate(RANDOM),
                UserId.random(),
                Instant.parse("2090-01-01T00:00:00Z"),
                Duration.ofDays(1));

        StepVerifier.create(repository.add(orphan)).expectError().verify(Duration.ofSeconds(30));
    }

    @Test
    void replaceWhenNextBelongsToAnotherUserThenFails() {
        RememberMeToken token = RememberMeToken.generate(RANDOM);
        Instant now = Instant.parse("2090-01-01T00:00:00Z");
        RememberedBrowser current = remember(token, UserId.random(), now, Duration.ofDays(1));
        RememberedBrowser other = remember(token.rotate(RANDOM), UserId.random(), now, Duration.ofDays(1));

        StepVerifier.create(repository.replace(current, other))
                .expectError(IllegalArgumentException.class)
                .verify(Duration.ofSeconds(30));
    }

    /** A browser remembered for a stored user id, under some stamp (the stamp's meaning is the service's). */
    private static RememberedBrowser remember(RememberMeToken token, UserId user, Instant now, Duration lifetime) {
        return new RememberedBrowser(
                token.series(),
                user,
                token.secretHash(),
                null,
                now,
                now.plus(lifetime),
                SecurityStamp.random(),
                now,
                new Origin("203.0.113.9", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"));
    }
}
