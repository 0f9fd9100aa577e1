package dev.vestibule.domain.model.rememberme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RememberMeTokenTests {

    private static final long SEED = 0x5EED_0004L;
    private static final String BASE64URL_256_BITS = "[A-Za-z0-9_-]{43}";

    @Test
    void generateGivesSeriesAndSecretOf43Base64UrlCharacters() {
        RememberMeToken token = RememberMeToken.generate(new SecureRandom());

        assertThat(token.series()).matches(BASE64URL_256_BITS);
        assertThat(token.secret()).matches(BASE64URL_256_BITS);
        assertThat(token.series()).isNotEqualTo(token.secret());
    }

    @Test
    void generateTwiceGivesDifferentTokens() {
        SecureRandom random = new SecureRandom();

        RememberMeToken first = RememberMeToken.generate(random);
        RememberMeToken second = RememberMeToken.generate(random);

        assertThat(second.series()).isNotEqualTo(first.series());
        assertThat(second.secret()).isNotEqualTo(first.secret());
    }

    @Test
    void encodeJoinsSeriesAndSecretWithAColon() {
        assertThat(new RememberMeToken("c2VyaWVz", "c2VjcmV0").encode()).isEqualTo("c2VyaWVz:c2VjcmV0");
    }

    @ParameterizedTest
    @MethodSource("generatedTokens")
    void decodeOfEncodeGivesTheSameToken(RememberMeToken token) {
        assertThat(RememberMeToken.decode(token.encode())).contains(token);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "noseparator",
                ":",
                "series:",
                ":secret",
                "series:secret:extra",
                "series::secret",
                "ser+ies:secret",
                "series:sec/ret",
                "series:secret=",
                "ser ies:secret",
                "series:secret\n",
                " series:secret",
                "séries:secret",
                "series:secret%3D",
                "series;secret"
            })
    void decodeWhenMalformedThenNoToken(String cookieValue) {
        assertThat(RememberMeToken.decode(cookieValue)).isEmpty();
    }

    @Test
    void decodeWhenOverlyLongThenNoToken() {
        assertThat(RememberMeToken.decode("a".repeat(100) + ":" + "b".repeat(100)))
                .isEmpty();
        assertThat(RememberMeToken.decode("a".repeat(5000) + ":" + "b".repeat(5000)))
                .isEmpty();
    }

    @Test
    void decodeWhenLongButWithinLimitThenToken() {
        assertThat(RememberMeToken.decode("a".repeat(99) + ":" + "b".repeat(100)))
                .contains(new RememberMeToken("a".repeat(99), "b".repeat(100)));
    }

    @ParameterizedTest
    @MethodSource("generatedEncodingsWithOneForeignCharacter")
    void decodeWhenAnyCharacterOutsideBase64UrlThenNoToken(String cookieValue) {
        assertThat(RememberMeToken.decode(cookieValue)).isEmpty();
    }

    @Test
    void secretHashIsDeterministic() {
        RememberMeToken token = RememberMeToken.generate(new SecureRandom());

        assertThat(new RememberMeToken(token.series(), token.secret()).secretHash())
                .isEqualTo(token.secretHash());
    }

    @Test
    void secretHashDependsOnTheSecretOnly() {
        assertThat(new RememberMeToken("one", "same-secret").secretHash())
                .isEqualTo(new RememberMeToken("two", "same-secret").secretHash());
    }

    @Test
    void secretHashDiffersPerSecret() {
        assertThat(new RememberMeToken("series", "secret-a").secretHash())
                .isNotEqualTo(new RememberMeToken("series", "secret-b").secretHash());
    }

    @Test
    void secretHashIsSha256InBase64UrlAndNotTheSecret() {
        RememberMeToken token = RememberMeToken.generate(new SecureRandom());

        assertThat(token.secretHash()).matches(BASE64URL_256_BITS).isNotEqualTo(token.secret());
        // SHA-256("abc"), a published test vector
        assertThat(new RememberMeToken("s", "abc").secretHash())
                .isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
    }

    @Test
    void toStringHidesTheSecret() {
        RememberMeToken token = RememberMeToken.generate(new SecureRandom());

        assertThat(token.toString()).doesNotContain(token.secret()).doesNotContain(token.series());
    }

    @Test
    void rotateKeepsTheSeriesAndChangesTheSecret() {
        SecureRandom random = new SecureRandom();
        RememberMeToken token = RememberMeToken.generate(random);

        RememberMeToken rotated = token.rotate(random);

        assertThat(rotated.series()).isEqualTo(token.series());
        assertThat(rotated.secret()).matches(BASE64URL_256_BITS).isNotEqualTo(token.secret());
        assertThat(rotated.secretHash()).isNotEqualTo(token.secretHash());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "ser:ies"})
    void constructorWhenSeriesBlankOrHoldsTheSeparatorThenRejected(String series) {
        assertThatIllegalArgumentException().isThrownBy(() -> new RememberMeToken(series, "secret"));
    }

    @Test
    void constructorWhenSecretBlankThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RememberMeToken("series", " "));
    }

    static Stream<RememberMeToken> generatedTokens() {
        SecureRandom random = seededSecureRandom(SEED);
        return IntStream.range(0, 25).mapToObj(i -> RememberMeToken.generate(random));
    }

    static Stream<String> generatedEncodingsWithOneForeignCharacter() {
        String foreign = "+/=.,;!@#$%^&*()[]{}<>?\"'` \t\\|~\u00E9\u00A0\u0000";
        SecureRandom tokens = seededSecureRandom(SEED + 1);
        Random positions = new Random(SEED + 2);
        return IntStream.range(0, 40).mapToObj(i -> {
            StringBuilder encoded =
                    new StringBuilder(RememberMeToken.generate(tokens).encode());
            int at = positions.nextInt(encoded.length());
            if (encoded.charAt(at) == ':') {
                at++;
            }
            encoded.setCharAt(at, foreign.charAt(positions.nextInt(foreign.length())));
            return encoded.toString();
        });
    }

    /** SHA1PRNG seeded before its first use is deterministic: the same tokens on every run. */
    private static SecureRandom seededSecureRandom(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
