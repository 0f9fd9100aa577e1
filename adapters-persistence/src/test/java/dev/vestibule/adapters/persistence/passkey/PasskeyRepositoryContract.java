package dev.vestibule.adapters.persistence.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.persistence.StoredUsers;
import dev.vestibule.domain.model.passkey.CredentialId;
import dev.vestibule.domain.model.passkey.NewCredential;
import dev.vestibule.domain.model.passkey.Passkey;
import dev.vestibule.domain.model.passkey.PasskeyUse;
import dev.vestibule.domain.model.passkey.UserHandle;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.PasskeyRepository;
import dev.vestibule.domain.port.out.UserRepository;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.test.StepVerifier;

/**
 * What every {@link PasskeyRepository} promises, run against the in-memory fake and the R2DBC adapter (H2 and
 * PostgreSQL). Each test makes its own users and passkeys.
 */
@Timeout(120)
abstract class PasskeyRepositoryContract {

    /** Microsecond precision, what PostgreSQL and H2 keep. */
    private static final Instant NOW = Instant.parse("2090-05-06T07:08:09.123456Z");

    private static final Duration T = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    protected abstract PasskeyRepository passkeys();

    protected abstract UserRepository users();

    private static Passkey passkey(UserId user, Instant createdAt) {
        byte[] id = new byte[24];
        RANDOM.nextBytes(id);
        return Passkey.register(
                user,
                new NewCredential(CredentialId.of(id), "pQECAyYgASFYIA", 0, List.of("hybrid", "internal"), true, false),
                "Laptop",
                createdAt);
    }

    @Test
    void addThenFindByCredentialIdAndByUserReturnThePasskeyAsStored() {
        UserId user = StoredUsers.storedIn(users(), NOW);
        Passkey first = passkey(user, NOW);
        Passkey second = passkey(user, NOW.plusSeconds(1));
        StepVerifier.create(passkeys().add(second).then(passkeys().add(first))).verifyComplete();

        StepVerifier.create(passkeys().findByCredentialId(first.credentialId()))
                .expectNext(first)
                .verifyComplete();
        StepVerifier.create(passkeys().findByUser(user))
                .expectNext(first, second)
                .verifyComplete();
        StepVerifier.create(passkeys().countFor(user)).expectNext(2L).verifyComplete();
        StepVerifier.create(passkeys().countFor(StoredUsers.storedIn(users(), NOW)))
                .expectNext(0L)
                .verifyComplete();
    }

    @Test
    void aCredentialIdRegistersOnce() {
        UserId user = StoredUsers.storedIn(users(), NOW);
        Passkey passkey = passkey(user, NOW);
        StepVerifier.create(passkeys().add(passkey)).verifyComplete();

        Passkey again = Passkey.register(
                StoredUsers.storedIn(users(), NOW),
                new NewCredential(passkey.credentialId(), "other", 0, List.of(), false, false),
                "Copy",
                NOW);
        StepVerifier.create(passkeys().add(again)).expectError().verify(T);
    }

    @Test
    void recordUseStoresTheNewCounterOnlyIfTheOldOneIsStillThere() {
        UserId user = StoredUsers.storedIn(users(), NOW);
        Passkey passkey = passkey(user, NOW);
        StepVerifier.create(passkeys().add(passkey)).verifyComplete();
        Passkey used = ((PasskeyUse.Accepted) passkey.use(5, true, true, NOW.plusSeconds(5))).updated();

        StepVerifier.create(passkeys().recordUse(used, 0)).expectNext(true).verifyComplete();
        StepVerifier.create(passkeys().recordUse(used, 0)).expectNext(false).verifyComplete();
        StepVerifier.create(passkeys().findByCredentialId(passkey.credentialId()))
                .assertNext(stored -> {
                    assertThat(stored.signCount()).isEqualTo(5);
                    assertThat(stored.backedUp()).isTrue();
                    assertThat(stored.lastUsedAt()).contains(NOW.plusSeconds(5));
                })
                .verifyComplete();
    }

    @Test
    void renameAndRemoveOnlyTheOwnersPasskey() {
        UserId owner = StoredUsers.storedIn(users(), NOW);
        UserId other = StoredUsers.storedIn(users(), NOW);
        Passkey passkey = passkey(owner, NOW);
        StepVerifier.create(passkeys().add(passkey)).verifyComplete();

        StepVerifier.create(passkeys().rename(other, passkey.id(), "Stolen", NOW))
                .expectNext(false)
                .verifyComplete();
        StepVerifier.create(passkeys().remove(other, passkey.id()))
                .expectNext(false)
                .verifyComplete();
        StepVerifier.create(passkeys().rename(owner, passkey.id(), "Phone", NOW))
                .expectNext(true)
                .verifyComplete();
        StepVerifier.create(passkeys().findByUser(owner).map(Passkey::name))
                .expectNext("Phone")
                .verifyComplete();
        StepVerifier.create(passkeys().remove(owner, passkey.id()))
                .expectNext(true)
                .verifyComplete();
        StepVerifier.create(passkeys().findByCredentialId(passkey.credentialId()))
                .verifyComplete();
    }

    @Test
    void aUserKeepsTheFirstHandleAndAHandleNamesItsUser() {
        UserId user = StoredUsers.storedIn(users(), NOW);
        UserHandle first = UserHandle.random(RANDOM);

        StepVerifier.create(passkeys().userHandleFor(user, first))
                .expectNext(first)
                .verifyComplete();
        StepVerifier.create(passkeys().userHandleFor(user, UserHandle.random(RANDOM)))
                .expectNext(first)
                .verifyComplete();
        StepVerifier.create(passkeys().findUserByHandle(first)).expectNext(user).verifyComplete();
        StepVerifier.create(passkeys().findUserByHandle(UserHandle.random(RANDOM)))
                .verifyComplete();
    }
}
