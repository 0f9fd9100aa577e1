package dev.vestibule.adapters.crypto.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.vestibule.domain.model.password.PasswordCheck;
import dev.vestibule.domain.model.user.PasswordHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class Argon2PasswordHasherTests {

    /** Cheap parameters: these tests are about behaviour, not cost. */
    private static final Argon2Parameters CHEAP = new Argon2Parameters(1024, 1, 1);

    private static final String PASSWORD = "correct horse battery staple";

    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher(CHEAP);

    @Test
    void hashThenArgon2idTaggedSaltedAndNeverThePassword() {
        PasswordHash first = hasher.hash(PASSWORD);
        PasswordHash second = hasher.hash(PASSWORD);

        assertThat(first.encoded()).startsWith("{argon2}$argon2id$").doesNotContain(PASSWORD);
        assertThat(second.encoded()).as("salted").isNotEqualTo(first.encoded());
    }

    @Test
    void verifyWhenSamePasswordThenMatches() {
        assertThat(hasher.verify(PASSWORD, hasher.hash(PASSWORD))).isEqualTo(PasswordCheck.MATCHES);
    }

    @Test
    void verifyWhenOtherPasswordThenDoesNotMatch() {
        PasswordHash hash = hasher.hash(PASSWORD);

        assertThat(hasher.verify("correct horse battery stapler", hash)).isEqualTo(PasswordCheck.DOES_NOT_MATCH);
        assertThat(hasher.verify(PASSWORD.toUpperCase(), hash)).isEqualTo(PasswordCheck.DOES_NOT_MATCH);
        assertThat(hasher.verify("", hash)).isEqualTo(PasswordCheck.DOES_NOT_MATCH);
    }

    /** bcrypt would call these equal: it ignores everything after 72 bytes. */
    @Test
    void verifyWhenLongPassphrasesDifferOnlyAfter72BytesThenDoesNotMatch() {
        String prefix = "a".repeat(72);
        PasswordHash hash = hasher.hash(prefix + "one");

        assertThat(hasher.verify(prefix + "two", hash)).isEqualTo(PasswordCheck.DOES_NOT_MATCH);
        assertThat(hasher.verify(prefix + "one", hash)).isEqualTo(PasswordCheck.MATCHES);
    }

    @Test
    void verifyWhenHashMadeWithWeakerParametersThenMatchesButOutdated() {
        PasswordHash old = new Argon2PasswordHasher(CHEAP).hash(PASSWORD);
        Argon2PasswordHasher stronger = new Argon2PasswordHasher(new Argon2Parameters(2048, 2, 1));

        assertThat(stronger.verify(PASSWORD, old)).isEqualTo(PasswordCheck.MATCHES_BUT_OUTDATED);
        assertThat(stronger.verify(PASSWORD, stronger.hash(PASSWORD))).isEqualTo(PasswordCheck.MATCHES);
    }

    @Test
    void verifyWhenImportedBcryptHashThenMatchesButOutdated() {
        PasswordHash imported = new PasswordHash("{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD));

        assertThat(hasher.verify(PASSWORD, imported)).isEqualTo(PasswordCheck.MATCHES_BUT_OUTDATED);
        assertThat(hasher.verify("wrong", imported)).isEqualTo(PasswordCheck.DOES_NOT_MATCH);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"{md4}abc", "{noop}" + PASSWORD, PASSWORD, "{argon2}garbage", "{bcrypt}garbage", "{}", "{argon2}"
            })
    void verifyWhenHashUnreadableOrOfAnUnknownAlgorithmThenDoesNotMatchRatherThanFail(String stored) {
        assertThat(hasher.verify(PASSWORD, new PasswordHash(stored))).isEqualTo(PasswordCheck.DOES_NOT_MATCH);
    }

    @Test
    void argon2ParametersWhenImpossibleThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Argon2Parameters(7, 1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Argon2Parameters(1024, 0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Argon2Parameters(1024, 1, 0));
        assertThat(Argon2Parameters.OWASP_MINIMUM).isEqualTo(new Argon2Parameters(19_456, 2, 1));
    }
}
