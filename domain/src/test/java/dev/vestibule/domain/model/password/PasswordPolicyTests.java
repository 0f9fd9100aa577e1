package dev.vestibule.domain.model.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.Username;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

    private static final long SEED = 0x5EED_0003L;
    /** Neither appears in a password made of lowercase letters and spaces. */
    private static final Username USERNAME = new Username("user_7");

    private static final EmailAddress EMAIL = new EmailAddress("q.x9@example.com");

    /**
     * The rules other than length are the same for every minimum: most tests use NIST's floor of 8 (the minimum with a
     * second factor), so that short examples stay readable.
     */
    private static PasswordPolicy policyOfEight(String... commonPasswords) {
        return new PasswordPolicy(
                8, PasswordPolicy.DEFAULT_MAXIMUM_LENGTH, CommonPasswords.of(List.of(commonPasswords)));
    }

    private static PasswordPolicy nistDefaults() {
        return new PasswordPolicy(
                PasswordPolicy.DEFAULT_MINIMUM_LENGTH,
                PasswordPolicy.DEFAULT_MINIMUM_LENGTH_WITH_SECOND_FACTOR,
                PasswordPolicy.DEFAULT_MAXIMUM_LENGTH,
                CommonPasswords.none());
    }

    @Test
    void defaultMinimumIsFifteenOnItsOwnAndEightWithASecondFactorAsNistRevisionFourRequires() {
        assertThat(PasswordPolicy.DEFAULT_MINIMUM_LENGTH).isEqualTo(15);
        assertThat(PasswordPolicy.DEFAULT_MINIMUM_LENGTH_WITH_SECOND_FACTOR).isEqualTo(8);
        assertThat(nistDefaults().minimumLength()).isEqualTo(15);
        assertThat(nistDefaults().minimumLength(PasswordUse.ONLY_FACTOR)).isEqualTo(15);
        assertThat(nistDefaults().minimumLengthWithSecondFactor()).isEqualTo(8);
        assertThat(nistDefaults().minimumLength(PasswordUse.WITH_SECOND_FACTOR)).isEqualTo(8);
    }

    @Test
    void checkWhenFourteenCharactersOnTheirOwnThenTooShortForFifteen() {
        assertThat(nistDefaults().check("kq7vz3mw-abcde", USERNAME, EMAIL))
                .containsExactly(new PasswordRejection.TooShort(15));
        assertThat(nistDefaults().check("kq7vz3mw-abcde", USERNAME, EMAIL, PasswordUse.ONLY_FACTOR))
                .containsExactly(new PasswordRejection.TooShort(15));
        assertThat(nistDefaults().check("kq7vz3mw-abcdef", USERNAME, EMAIL)).isEmpty();
    }

    @Test
    void checkWhenEightCharactersWithASecondFactorThenAcceptedAndSevenTooShortForEight() {
        assertThat(nistDefaults().check("kq7vz3mw", USERNAME, EMAIL, PasswordUse.WITH_SECOND_FACTOR))
                .isEmpty();
        assertThat(nistDefaults().check("kq7vz3m", USERNAME, EMAIL, PasswordUse.WITH_SECOND_FACTOR))
                .containsExactly(new PasswordRejection.TooShort(8));
    }

    @Test
    void checkWithASecondFactorStillAppliesEveryOtherRule() {
        PasswordPolicy policy = new PasswordPolicy(15, 8, 64, CommonPasswords.of(List.of("iloveyou")));

        assertThat(policy.check("iloveyou", USERNAME, EMAIL, PasswordUse.WITH_SECOND_FACTOR))
                .containsExactly(new PasswordRejection.Common());
        assertThat(policy.check("user_7-rocks", USERNAME, EMAIL, PasswordUse.WITH_SECOND_FACTOR))
                .containsExactly(new PasswordRejection.ContainsUsername());
        assertThat(policy.check("k".repeat(65), USERNAME, EMAIL, PasswordUse.WITH_SECOND_FACTOR))
                .containsExactly(new PasswordRejection.TooLong(64));
    }

    @Test
    void useForAnAccountFollowsWhetherItHasASecondFactor() {
        assertThat(PasswordUse.forAccountWithSecondFactor(true)).isEqualTo(PasswordUse.WITH_SECOND_FACTOR);
        assertThat(PasswordUse.forAccountWithSecondFactor(false)).isEqualTo(PasswordUse.ONLY_FACTOR);
    }

    @Test
    void constructorWithOneMinimumAppliesItToBothUses() {
        PasswordPolicy policy = new PasswordPolicy(12, 256, CommonPasswords.none());

        assertThat(policy.minimumLength()).isEqualTo(12);
        assertThat(policy.minimumLengthWithSecondFactor()).isEqualTo(12);
    }

    @ParameterizedTest
    @CsvSource({"15, 7", "8, 0", "7, 7", "20, -1"})
    void constructorWhenMinimumWithSecondFactorBelowEightThenRefused(int minimumLength, int withSecondFactor) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PasswordPolicy(minimumLength, withSecondFactor, 256, CommonPasswords.none()));
    }

    @ParameterizedTest
    @CsvSource({"8, 9", "14, 15", "15, 16"})
    void constructorWhenMinimumOnItsOwnBelowTheOneWithASecondFactorThenRefused(
            int minimumLength, int withSecondFactor) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PasswordPolicy(minimumLength, withSecondFactor, 256, CommonPasswords.none()));
    }

    @Test
    void constructorWhenBothMinimumsEqualThenAllowed() {
        assertThat(new PasswordPolicy(8, 8, 64, CommonPasswords.none()).minimumLength())
                .isEqualTo(8);
    }

    @Test
    void checkWhenSevenCharactersThenTooShortWithTheMinimum() {
        List<PasswordRejection> rejections = policyOfEight().check("kq7vz3m", USERNAME, EMAIL);

        assertThat(rejections).containsExactly(new PasswordRejection.TooShort(8));
        assertThat(((PasswordRejection.TooShort) rejections.get(0)).minimumLength())
                .isEqualTo(8);
    }

    @Test
    void checkWhenEightCharactersThenAccepted() {
        assertThat(policyOfEight().check("kq7vz3mw", USERNAME, EMAIL)).isEmpty();
    }

    @Test
    void checkWhenMinimumConfiguredHigherThenShorterPasswordsTooShort() {
        PasswordPolicy policy = new PasswordPolicy(12, 256, CommonPasswords.none());

        assertThat(policy.check("kq7vz3mw-ab", USERNAME, EMAIL)).containsExactly(new PasswordRejection.TooShort(12));
        assertThat(policy.check("kq7vz3mw-abc", USERNAME, EMAIL)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, 0, 1, 6, 7})
    void constructorWhenMinimumBelowEightThenRefused(int minimumLength) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PasswordPolicy(minimumLength, 256, CommonPasswords.none()));
    }

    @ParameterizedTest
    @CsvSource({"8, 63", "8, 8", "8, 0", "100, 80"})
    void constructorWhenMaximumBelowSixtyFourOrBelowMinimumThenRefused(int minimumLength, int maximumLength) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PasswordPolicy(minimumLength, maximumLength, CommonPasswords.none()));
    }

    @Test
    void constructorWhenMaximumExactlySixtyFourThenAllowed() {
        assertThat(new PasswordPolicy(8, 64, CommonPasswords.none()).maximumLength())
                .isEqualTo(64);
    }

    @Test
    void constructorWhenNoCommonPasswordsGivenThenRefused() {
        assertThatNullPointerException().isThrownBy(() -> new PasswordPolicy(8, 256, null));
    }

    @Test
    void checkWhenSixtyFourCharactersThenAccepted() {
        assertThat(policyOfEight().check("k".repeat(64), USERNAME, EMAIL)).isEmpty();
    }

    @Test
    void checkWhenHundredCharacterPassphraseThenAccepted() {
        String passphrase =
                "the quick brown fox jumps over the lazy dog while seven wizards quietly hex the jovial bookkeeper";
        String hundred = passphrase + "!".repeat(100 - passphrase.length());

        assertThat(hundred).hasSize(100);
        assertThat(policyOfEight().check(hundred, USERNAME, EMAIL)).isEmpty();
    }

    @Test
    void checkWhenAtConfiguredMaximumThenAcceptedAndOneMoreTooLong() {
        PasswordPolicy policy = policyOfEight();

        assertThat(policy.check("k".repeat(256), USERNAME, EMAIL)).isEmpty();
        List<PasswordRejection> rejections = policy.check("k".repeat(257), USERNAME, EMAIL);
        assertThat(rejections).containsExactly(new PasswordRejection.TooLong(256));
        assertThat(((PasswordRejection.TooLong) rejections.get(0)).maximumLength())
                .isEqualTo(256);
    }

    @Test
    void checkWhenTwoLongPasswordsDifferOnlyInTheLastCharacterThenEachJudgedOnItsFullLength() {
        // Past 72 bytes (bcrypt's cut) and 64 characters: a policy that truncated would see one password twice.
        String shared = "a-long-and-rather-popular-passphrase-that-lists-have-seen-before-in-breach-dumps-";
        String listed = shared + "1";
        String unlisted = shared + "2";
        PasswordPolicy policy = policyOfEight(listed);

        assertThat(listed.length()).isGreaterThan(72);
        assertThat(policy.check(listed, USERNAME, EMAIL)).containsExactly(new PasswordRejection.Common());
        assertThat(policy.check(unlisted, USERNAME, EMAIL)).isEmpty();
    }

    @Test
    void checkWhenUsernameOnlyAtTheEndOfALongPasswordThenStillFound() {
        String password = "z".repeat(120) + "alice";

        assertThat(policyOfEight().check(password, new Username("alice"), EMAIL))
                .containsExactly(new PasswordRejection.ContainsUsername());
    }

    @ParameterizedTest
    @MethodSource("generatedLengths")
    void checkJudgesLengthAgainstBothBounds(int length) {
        List<PasswordRejection> rejections = policyOfEight().check("k".repeat(length), USERNAME, EMAIL);

        assertThat(rejections.contains(new PasswordRejection.TooShort(8))).isEqualTo(length < 8);
        assertThat(rejections.contains(new PasswordRejection.TooLong(256))).isEqualTo(length > 256);
        assertThat(rejections).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void checkWhenEightEmojiThenEightCharactersAndAccepted() {
        String eightEmoji = "😀🐈🎉🔑🌍🚲🍕🎸";

        assertThat(eightEmoji).hasSize(16);
        assertThat(policyOfEight().check(eightEmoji, USERNAME, EMAIL)).isEmpty();
    }

    @Test
    void checkWhenFourEmojiThenTooShortAlthoughEightUtf16Units() {
        String fourEmoji = "😀🐈🎉🔑";

        assertThat(fourEmoji).hasSize(8);
        assertThat(policyOfEight().check(fourEmoji, USERNAME, EMAIL))
                .containsExactly(new PasswordRejection.TooShort(8));
    }

    @Test
    void checkCountsCharactersAfterNfkcNormalization() {
        // "e" + COMBINING ACUTE ACCENT, four times: eight code points as typed, four after normalization.
        String decomposed = "e\u0301".repeat(4);

        assertThat(decomposed.codePointCount(0, decomposed.length())).isEqualTo(8);
        assertThat(policyOfEight().check(decomposed, USERNAME, EMAIL))
                .containsExactly(new PasswordRejection.TooShort(8));
    }

    @Test
    void checkWhenCommonPasswordTypedInFullWidthThenStillCommon() {
        assertThat(policyOfEight("password").check("ｐａｓｓｗｏｒｄ", USERNAME, EMAIL))
                .containsExactly(new PasswordRejection.Common());
    }

    @Test
    void normalizeUsesNfkc() {
        assertThat(PasswordPolicy.normalize("ﬁｎｅ\u00A0café")).isEqualTo("fine café");
        assertThat(PasswordPolicy.normalize("cafe\u0301")).isEqualTo("café");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"correct horse battery staple", "alllowercaseletters", "40596182", "ZZZZYYYYXXXX", "        x"})
    void checkWhenNoMixOfCharacterClassesThenStillAccepted(String password) {
        assertThat(policyOfEight().check(password, USERNAME, EMAIL)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("generatedLowercasePassphrases")
    void checkWhenGeneratedLowercasePassphraseThenAcceptedWithoutCompositionRules(String passphrase) {
        assertThat(policyOfEight().check(passphrase, USERNAME, EMAIL)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "PASSWORD", "PassWord", "iloveyou", "ILoveYou"})
    void checkWhenOnCommonListInAnyCaseThenRejectedAsCommon(String password) {
        List<PasswordRejection> rejections =
                policyOfEight("Password", "iloveyou").check(password, USERNAME, EMAIL);

        assertThat(rejections).containsExactly(new PasswordRejection.Common());
        assertThat(rejections.get(0)).isInstanceOf(PasswordRejection.Common.class);
    }

    @Test
    void checkWhenCommonPasswordIsOnlyPartOfItThenNotCommon() {
        assertThat(policyOfEight("password").check("password-of-my-own-77", USERNAME, EMAIL))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice-in-wonderland", "my ALICE password", "xxAlIcExx99", "ａｌｉｃｅ-in-chains"})
    void checkWhenContainsUsernameInAnyCaseThenRejected(String password) {
        List<PasswordRejection> rejections = policyOfEight().check(password, new Username("Alice"), EMAIL);

        assertThat(rejections).containsExactly(new PasswordRejection.ContainsUsername());
        assertThat(rejections.get(0)).isInstanceOf(PasswordRejection.ContainsUsername.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"my-wonder.land-secret", "MY-WONDER.LAND-SECRET"})
    void checkWhenContainsEmailLocalPartInAnyCaseThenRejected(String password) {
        List<PasswordRejection> rejections =
                policyOfEight().check(password, USERNAME, new EmailAddress("wonder.land@example.com"));

        assertThat(rejections).containsExactly(new PasswordRejection.ContainsEmail());
        assertThat(rejections.get(0)).isInstanceOf(PasswordRejection.ContainsEmail.class);
    }

    @Test
    void checkWhenEmailLocalPartHasThreeCharactersThenChecked() {
        assertThat(policyOfEight().check("joe-is-here-77", USERNAME, new EmailAddress("joe@example.com")))
                .containsExactly(new PasswordRejection.ContainsEmail());
    }

    @Test
    void checkWhenEmailLocalPartHasTwoCharactersThenNotChecked() {
        assertThat(policyOfEight().check("jo-jo-banana-77", USERNAME, new EmailAddress("jo@example.com")))
                .isEmpty();
    }

    @Test
    void checkWhenUsernameAndEmailUnknownThenOnlyTheOtherRulesApply() {
        assertThat(policyOfEight().check("alice-in-chains", null, null)).isEmpty();
        assertThat(policyOfEight().check("short", null, null)).containsExactly(new PasswordRejection.TooShort(8));
    }

    @Test
    void checkReportsEveryReasonAtOnceEachOnce() {
        PasswordPolicy policy = policyOfEight("alice");

        List<PasswordRejection> rejections =
                policy.check("Alice", new Username("alice"), new EmailAddress("alice@example.com"));

        assertThat(rejections)
                .containsExactlyInAnyOrder(
                        new PasswordRejection.TooShort(8),
                        new PasswordRejection.Common(),
                        new PasswordRejection.ContainsUsername(),
                        new PasswordRejection.ContainsEmail());
        assertThat(rejections).doesNotHaveDuplicates();
    }

    @Test
    void checkWhenTooLongAndContainingUsernameThenBothReported() {
        assertThat(policyOfEight().check("alice" + "k".repeat(300), new Username("alice"), EMAIL))
                .containsExactlyInAnyOrder(
                        new PasswordRejection.TooLong(256), new PasswordRejection.ContainsUsername());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u0001abcdefghij",
                "abcde\u001bfghij",
                "abcdefghij\u007f",
                "abc\tdefghij",
                "abcdefghij\n",
                "abc\rdefghij",
                "abcde\u0085fghij",
                "abcde\u009ffghij",
                "\u0000abcdefghij"
            })
    void checkWhenControlCharacterAnywhereThenRejectedForControlCharacters(String password) {
        List<PasswordRejection> rejections = policyOfEight().check(password, USERNAME, EMAIL);

        assertThat(rejections).containsExactly(new PasswordRejection.ControlCharacters());
        assertThat(rejections.get(0)).isInstanceOf(PasswordRejection.ControlCharacters.class);
    }

    @Test
    void checkRejectsEveryControlCharacterAndNoOtherAsciiCharacter() {
        for (char c = 0; c < 0x100; c++) {
            String password = "abcd" + c + "efgh";
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);

            assertThat(policyOfEight()
                            .check(password, USERNAME, EMAIL)
                            .contains(new PasswordRejection.ControlCharacters()))
                    .as("U+%04X", (int) c)
                    .isEqualTo(control);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "with spaces inside",
                "  leading and trailing  ",
                "p\u00e4ssw\u00f6rd-\u00df\u00e7",
                "\u5bc6\u7801\u662f\u4ec0\u4e48\u5462\u554a\u54c8",
                "emoji \ud83d\udd12\ud83d\udd11 ok",
                "!@#$%^&*()_+-=[]{};':\",./<>?`~|\\",
                "no\u00a0break\u00a0space",
                "zero\u200bwidth-joiner"
            })
    void checkWhenOnlyPrintingCharactersAndSpacesThenNoControlCharacterRejection(String password) {
        assertThat(policyOfEight().check(password, USERNAME, EMAIL))
                .doesNotContain(new PasswordRejection.ControlCharacters());
    }

    @Test
    void checkWhenControlCharacterAndTooShortThenBothReported() {
        assertThat(policyOfEight().check("a\u001bb", USERNAME, EMAIL))
                .containsExactlyInAnyOrder(
                        new PasswordRejection.TooShort(8), new PasswordRejection.ControlCharacters());
    }

    @Test
    void checkWhenPasswordNullThenRefused() {
        assertThatNullPointerException().isThrownBy(() -> policyOfEight().check(null, USERNAME, EMAIL));
    }

    static Stream<Integer> generatedLengths() {
        Random random = new Random(SEED);
        return Stream.concat(
                Stream.of(0, 1, 7, 8, 9, 63, 64, 65, 255, 256, 257),
                IntStream.range(0, 25).mapToObj(i -> random.nextInt(400)));
    }

    static Stream<Arguments> generatedLowercasePassphrases() {
        Random random = new Random(SEED + 1);
        return IntStream.range(0, 30).mapToObj(i -> {
            int length = 8 + random.nextInt(93);
            StringBuilder passphrase = new StringBuilder(length);
            while (passphrase.length() < length) {
                passphrase.append(random.nextInt(6) == 0 ? ' ' : (char) ('a' + random.nextInt(26)));
            }
            return Arguments.of(passphrase.toString());
        });
    }
}
