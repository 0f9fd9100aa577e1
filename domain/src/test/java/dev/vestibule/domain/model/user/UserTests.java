package dev.vestibule.domain.model.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserTests {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
    private static final ExternalIdentity GITHUB = new ExternalIdentity("github", "583231");

    private static Username username(String value) {
        return new Username(value);
    }

    private static EmailAddress email(String value) {
        return new EmailAddress(value);
    }

    @Test
    void registerWithPasswordGivesAnActiveUserWithThatHash() {
        User user = User.registerWithPassword(username("alice"), email("alice@example.com"), HASH, NOW);

        assertThat(user.passwordHash()).contains(HASH);
        assertThat(user.externalIdentities()).isEmpty();
        assertThat(user.isActive()).isTrue();
        assertThat(user.registeredAt()).isEqualTo(NOW);
        assertThat(user.username()).isEqualTo(username("alice"));
        assertThat(user.email()).isEqualTo(email("alice@example.com"));
    }

    @Test
    void registerWithPasswordWhenNoHashThenRefused() {
        assertThatNullPointerException()
                .isThrownBy(() -> User.registerWithPassword(username("alice"), email("alice@example.com"), null, NOW));
    }

    @Test
    void registerWithExternalIdentityHasNoPassword() {
        User user = User.registerWithExternalIdentity(username("alice"), email("alice@example.com"), GITHUB, NOW);

        assertThat(user.passwordHash()).isEmpty();
        assertThat(user.externalIdentities()).containsExactly(GITHUB);
        assertThat(user.isActive()).isTrue();
    }

    @Test
    void userWithNeitherPasswordNorExternalIdentityThenRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> User.restore(
                        UserId.random(), username("alice"), email("alice@example.com"), null, List.of(), true, NOW));
    }

    @Test
    void userWithBothPasswordAndExternalIdentityThenAllowed() {
        User user = User.restore(
                UserId.random(), username("alice"), email("alice@example.com"), HASH, List.of(GITHUB), true, NOW);

        assertThat(user.passwordHash()).contains(HASH);
        assertThat(user.externalIdentities()).containsExactly(GITHUB);
    }

    @Test
    void registerGivesEachUserANewId() {
        User first = User.registerWithPassword(username("alice"), email("alice@example.com"), HASH, NOW);
        User second = User.registerWithPassword(username("alice"), email("alice@example.com"), HASH, NOW);

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void deactivatedIsTheSameUserNoLongerActive() {
        User user = User.registerWithPassword(username("alice"), email("alice@example.com"), HASH, NOW);

        User deactivated = user.deactivated();

        assertThat(deactivated.isActive()).isFalse();
        assertThat(deactivated.id()).isEqualTo(user.id());
        assertThat(deactivated.username()).isEqualTo(user.username());
        assertThat(deactivated.email()).isEqualTo(user.email());
        assertThat(deactivated.passwordHash()).contains(HASH);
        assertThat(deactivated.registeredAt()).isEqualTo(NOW);
        assertThat(user.isActive()).as("the original is unchanged").isTrue();
    }

    @Test
    void withPasswordHashReplacesOnlyTheHash() {
        User user = User.registerWithExternalIdentity(username("alice"), email("alice@example.com"), GITHUB, NOW);

        User withPassword = user.withPasswordHash(HASH);

        assertThat(withPassword.passwordHash()).contains(HASH);
        assertThat(withPassword.externalIdentities()).containsExactly(GITHUB);
        assertThat(withPassword.id()).isEqualTo(user.id());
        assertThat(user.passwordHash()).as("the original is unchanged").isEmpty();
    }

    @Test
    void equalityIsById() {
        UserId id = UserId.random();
        User one = User.restore(id, username("alice"), email("alice@example.com"), HASH, List.of(), true, NOW);
        User sameIdOtherData = User.restore(
                id, username("bob"), email("bob@example.com"), null, List.of(GITHUB), false, NOW.plusSeconds(60));
        User otherId = User.restore(
                UserId.random(), username("alice"), email("alice@example.com"), HASH, List.of(), true, NOW);

        assertThat(one).isEqualTo(sameIdOtherData).hasSameHashCodeAs(sameIdOtherData);
        assertThat(one).isNotEqualTo(otherId);
    }

    @Test
    void externalIdentitiesCannotBeChangedFromOutside() {
        List<ExternalIdentity> identities = new ArrayList<>(List.of(GITHUB));
        User user = User.restore(
                UserId.random(), username("alice"), email("alice@example.com"), null, identities, true, NOW);

        identities.clear();

        assertThat(user.externalIdentities()).containsExactly(GITHUB);
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> user.externalIdentities().add(new ExternalIdentity("google", "1")));
    }

    @Test
    void toStringHasNoPasswordHash() {
        User user = User.registerWithPassword(username("alice"), email("alice@example.com"), HASH, NOW);

        assertThat(user.toString())
                .contains("alice")
                .doesNotContain(HASH.encoded())
                .doesNotContain("argon2");
    }

    @Test
    void toStringSaysWhenInactive() {
        User user = User.registerWithPassword(username("alice"), email("alice@example.com"), HASH, NOW);

        assertThat(user.deactivated().toString()).contains("inactive");
        assertThat(user.toString()).doesNotContain("inactive");
    }
}
