package dev.vestibule.domain.model.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Recovery codes: ten per set, at least 64 bits each, readable, read back leniently, stored as a hash. */
class RecoveryCodeTests {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aSetHasTenDistinctCodesOfFourGroupsOfFour() {
        List<RecoveryCode> set = RecoveryCode.newSet(RANDOM);

        assertThat(set).hasSize(10).doesNotHaveDuplicates();
        assertThat(set)
                .allSatisfy(
                        code -> assertThat(code.formatted())
                                .matches(
                                        "[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"));
    }

    @Test
    void eachCodeHasAtLeast64BitsOfEntropy() {
        assertThat(RecoveryCode.ENTROPY_BITS).isGreaterThanOrEqualTo(64);
        assertThat(Math.log(Math.pow(RecoveryCode.ALPHABET.length(), RecoveryCode.LENGTH)) / Math.log(2))
                .isGreaterThanOrEqualTo(64.0);
        assertThat(RecoveryCode.ALPHABET.chars().distinct().count()).isEqualTo(32);
    }

    @Test
    void everyCharacterOfTheAlphabetIsDrawnAboutEquallyOften() {
        // A seeded generator: the same draws every run.
        Random seeded = new Random(14);
        SecureRandom deterministic = new SecureRandom() {
            @Override
            public int nextInt(int bound) {
                return seeded.nextInt(bound);
            }
        };
        int[] counts = new int[32];
        for (int i = 0; i < 2_000; i++) {
            for (char c : RecoveryCode.random(deterministic)
                    .formatted()
                    .replace("-", "")
                    .toCharArray()) {
                counts[RecoveryCode.ALPHABET.indexOf(c)]++;
            }
        }
        // 32,000 characters, 1,000 expected of each.
        assertThat(java.util.stream.IntStream.of(counts).boxed().toList())
                .allSatisfy(count -> assertThat(count).isBetween(850, 1150));
    }

    @Test
    void readBackCaseInsensitivelyWithOrWithoutDashesAndBlanks() {
        RecoveryCode code = RecoveryCode.random(RANDOM);
        String formatted = code.formatted();

        assertThat(RecoveryCode.parse(formatted)).hasValue(code);
        assertThat(RecoveryCode.parse(formatted.toLowerCase())).hasValue(code);
        assertThat(RecoveryCode.parse(formatted.replace("-", ""))).hasValue(code);
        assertThat(RecoveryCode.parse(" " + formatted.replace("-", " ") + " ")).hasValue(code);
    }

    @Test
    void iAndLReadAsOneAndOAsZero() {
        RecoveryCode code = RecoveryCode.parse("1010-0000-1111-ABCD").orElseThrow();

        assertThat(RecoveryCode.parse("I0L0-OOOO-iIlL-abcd")).hasValue(code);
        assertThat(code.formatted()).isEqualTo("1010-0000-1111-ABCD");
    }

    @Test
    void anythingElseIsNoCode() {
        assertThat(RecoveryCode.parse("1010-0000-1111-ABC")).isEmpty();
        assertThat(RecoveryCode.parse("1010-0000-1111-ABCDE")).isEmpty();
        assertThat(RecoveryCode.parse("1010-0000-1111-ABCU")).isEmpty();
        assertThat(RecoveryCode.parse("1010_0000_1111_ABCD")).isEmpty();
        assertThat(RecoveryCode.parse("123456")).isEmpty();
        assertThat(RecoveryCode.parse("")).isEmpty();
        assertThat(RecoveryCode.parse(null)).isEmpty();
    }

    @Test
    void storedAsTheSha256OfTheCanonicalFormNeverInToString() {
        RecoveryCode code = RecoveryCode.random(RANDOM);

        assertThat(code.hash()).hasSize(64).matches("[0-9a-f]+");
        assertThat(RecoveryCode.parse(code.formatted().toLowerCase())
                        .orElseThrow()
                        .hash())
                .isEqualTo(code.hash());
        assertThat(code.toString())
                .doesNotContain(code.formatted())
                .doesNotContain(code.formatted().replace("-", ""));
        Set<String> hashes = new HashSet<>();
        RecoveryCode.newSet(RANDOM).forEach(each -> hashes.add(each.hash()));
        assertThat(hashes).hasSize(10);
    }
}
