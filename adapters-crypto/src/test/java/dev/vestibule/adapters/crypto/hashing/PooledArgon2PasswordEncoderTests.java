package dev.vestibule.adapters.crypto.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class PooledArgon2PasswordEncoderTests {

    /** Cheap parameters: these tests are about the encoded form, not cost. */
    private static final Argon2Parameters CHEAP = new Argon2Parameters(1024, 1, 1);

    private static final String PASSWORD = "correct horse battery staple";

    private final PooledArgon2PasswordEncoder pooled = new PooledArgon2PasswordEncoder(CHEAP, 2);
    private final Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 1024, 1);

    @Test
    void encodeThenSpringSecuritysEncoderReadsIt() {
        String encoded = pooled.encode(PASSWORD);

        assertThat(encoded).matches("\\$argon2id\\$v=19\\$m=1024,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(spring.matches(PASSWORD, encoded)).isTrue();
        assertThat(spring.matches(PASSWORD + "!", encoded)).isFalse();
    }

    @Test
    void matchesWhenHashMadeBySpringSecuritysEncoderThenReadsIt() {
        String encoded = spring.encode(PASSWORD);

        assertThat(pooled.matches(PASSWORD, encoded)).isTrue();
        assertThat(pooled.matches(PASSWORD + "!", encoded)).isFalse();
    }

    @Test
    void matchesWhenHashOfOtherArgon2TypesAndCostsThenReadsThem() {
        String argon2i = "$argon2i$v=19$m=1024,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$";
        Argon2PasswordEncoder stronger = new Argon2PasswordEncoder(16, 32, 2, 2048, 2);
        String strongerHash = stronger.encode(PASSWORD);

        assertThat(pooled.matches(PASSWORD, strongerHash)).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> pooled.matches(PASSWORD, argon2i));
    }

    @Test
    void matchesWhenHashedManyTimesInParallelThenEveryHashStaysCorrect() {
        String encoded = pooled.encode(PASSWORD);

        boolean allMatch = java.util.stream.IntStream.range(0, 32)
                .parallel()
                .allMatch(i -> pooled.matches(PASSWORD, encoded) && !pooled.matches(PASSWORD + i, encoded));

        assertThat(allMatch).as("no two hashes share an arena at once").isTrue();
        assertThat(pooled.keptArenas())
                .as("memory kept for at most the configured number of hashes")
                .isBetween(1, 2);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "plain",
                "$argon2x$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA",
                "$argon2id$v=19$m=1024,t=1$c2FsdA$aGFzaA",
                "$argon2id$v=x$m=1024,t=1,p=1$c2FsdA$aGFzaA",
                "$argon2id$v=19$m=1024,t=1,p=1$c2FsdA",
                "$argon2id$v=19$m=1024,t=1,p=1$%%%$aGFzaA"
            })
    void matchesWhenHashUnreadableThenIllegalArgumentAsSpringSecuritysEncoder(String unreadable) {
        assertThatIllegalArgumentException().isThrownBy(() -> pooled.matches(PASSWORD, unreadable));
    }

    @Test
    void upgradeEncodingWhenHashCheaperThanConfiguredThenTrue() {
        PooledArgon2PasswordEncoder stronger = new PooledArgon2PasswordEncoder(new Argon2Parameters(2048, 2, 1), 1);

        assertThat(stronger.upgradeEncoding(pooled.encode(PASSWORD))).isTrue();
        assertThat(stronger.upgradeEncoding(stronger.encode(PASSWORD))).isFalse();
    }
}
