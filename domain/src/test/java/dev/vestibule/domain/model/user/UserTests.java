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
    private static final SecurityStamp STAMP = SecurityStamp.random();
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
                        UserId.random(),
                        username("alice"),
                        email("alice@example.com"),
                        null,
                        List.of(),
                        true,
                        NOW,
                        STAMP,
                        false));
    }

    @Test
    void userWithBothPasswordAndExternalIdentityThenAllowed() {
        User user = User.restore(
                UserId.random(),
                username("alice"),
                email("alice@example.com"),
                HASH,
                List.of(GITHUB),
                true,
                NOW,
                STAMP,
                false);

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
        User one = User.restore(
                id, username("alice"), email("alice@example.com"), HASH, List.of(), true, NOW, STAMP, false);
        User sameIdOtherData = User.restore(
                id,
                username("bob"),
                email("bob@example.com"),
                null,
                List.of(GITHUB),
                false,
                NOW.plusSeconds(60),
                STAMP,
                false);
        User otherId = User.restore(
                UserId.random(),
                username("alice"),
                email("alice@example.com"),
                HASH,
                List.of(),
                true,
                NOW,
                STAMP,
                false);

        assertThat(one).isEqualTo(sameIdOtherData).hasSameHashCodeAs(sameIdOtherData);
        assertThat(one).isNotEqualTo(otherId);
    }

    @Test
    void externalIdentitiesCannotBeChangedFromOutside() {
        List<ExternalIdentity> identities = new ArrayList<>(List.of(GITHUB));
        User user = User.restore(
                UserId.random(),
                username("alice"),
                email("alice@example.com"),
                null,
                identities,
                true,
                NOW,
                STAMP,
                false);

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

    @Test
    void registeredUserHasAStampAndAnUnconfirmedEmail() {
        User user = User.registerWithPassword(username("alice"), email("alice@example.com"), HASH, NOW);

        assertThat(user.securityStamp().value()).hasSize(32);
        assertThat(user.isEmailConfirmed()).isFalse();
        assertThat(user.withEmailConfirmed().isEmailConfirmed()).isTrue();
        assertThat(user.withEmailConfirmed().securityStamp()).isEqualTo(user.securityStamp());
    }

    @Test
    void changingThePasswordRenewsTheStamp() {
        User user = User.registerWithPassword(username("alice"), email("alice@example.com"), HASH, NOW);

        assertThat(user.withPasswordHash(HASH).securityStamp()).isNotEqualTo(user.securityStamp());
        SecurityStamp chosen = SecurityStamp.random();
        assertThat(user.withPasswordHash(HASH, chosen).securityStamp()).isEqualTo(chosen);
        assertThatIllegalArgumentException()
                .as("a renewal that keeps the stamp would end nothing")
                .isThrownBy(() -> user.withPasswordHash(HASH, user.securityStamp()));
    }

    @Test
    void disablingRenewsTheStampSoThatEnablingAgainRevivesNothing() {
        User user = User.registerWithPassword(username("alice"), email("alice@example.com"), HASH, NOW);

        User disabled = user.deactivated();

        assertThat(disabled.securityStamp()).isNotEqualTo(user.securityStamp());
        assertThat(disabled.securityStamp().matches(user.securityStamp().value()))
                .isFalse();
    }

    @Test
    void logOutEverywhereRenewsOnlyTheStamp() {
        User user = User.registerWithPassword(username("alice"), email("alice@example.com"), HASH, NOW);
        SecurityStamp next = SecurityStamp.random();

        User renewed = user.withSecurityStamp(next);

        assertThat(renewed.securityStamp()).isEqualTo(next);
        assertThat(renewed.passwordHash()).contains(HASH);
        assertThat(renewed.isActive()).isTrue();
    }

    @Test
    void stampsMatchOnlyTheirOwnValueAndNeverPrintIt() {
        SecurityStamp stamp = SecurityStamp.random();

        assertThat(stamp.matches(stamp.value())).isTrue();
        assertThat(stamp.matches(SecurityStamp.random().value())).isFalse();
        assertThat(stamp.matches(null)).isFalse();
        assertThat(stamp.matches("")).isFalse();
        assertThat(stamp.toString()).doesNotContain(stamp.value());
        assertThatIllegalArgumentException().isThrownBy(() -> new SecurityStamp(""));
    }
}
