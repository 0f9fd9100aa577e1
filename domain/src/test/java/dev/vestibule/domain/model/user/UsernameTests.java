package dev.vestibule.domain.model.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameTests {

    /** Fixed, so that a generated input that fails is the same input on the next run. */
    private static final long SEED = 0x5EED_0001L;

    private static final String ALLOWED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";
    private static final UsernameRejection WRONG_LENGTH = new UsernameRejection.WrongLength(3, 32);
    private static final UsernameRejection FORBIDDEN_CHARACTERS = new UsernameRejection.ForbiddenCharacters();

    @ParameterizedTest
    @ValueSource(strings = {"bob", "Alice", "alice.smith", "j_doe-42", "A1.", "007", "x-y_z.Q"})
    void parseWhenAsciiLettersDigitsDotsUnderscoresHyphensThenAccepted(String raw) {
        assertThat(Username.parse(raw)).isEqualTo(Validated.valid(new Username(raw)));
    }

    @Test
    void parseWhenThreeCharactersThenAccepted() {
        assertThat(Username.parse("abc").isValid()).isTrue();
    }

    @Test
    void parseWhenTwoCharactersThenRejectedForLength() {
        assertThat(Username.parse("ab")).isEqualTo(Validated.invalid(WRONG_LENGTH));
    }

    @Test
    void parseWhenThirtyTwoCharactersThenAccepted() {
        assertThat(Username.parse("a".repeat(32)).isValid()).isTrue();
    }

    @Test
    void parseWhenThirtyThreeCharactersThenRejectedForLength() {
        assertThat(Username.parse("a".repeat(33))).isEqualTo(Validated.invalid(WRONG_LENGTH));
    }

    @Test
    void parseWhenSurroundingBlanksThenTrimmed() {
        assertThat(Username.parse(" \t alice.smith \n")).isEqualTo(Validated.valid(new Username("alice.smith")));
    }

    @Test
    void parseWhenTrimmedValueTooShortThenRejectedForLength() {
        assertThat(Username.parse("  ab  ")).isEqualTo(Validated.invalid(WRONG_LENGTH));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t\n", "\u2003"})
    void parseWhenEmptyOrBlankThenAskedToChooseOne(String raw) {
        assertThat(Username.parse(raw)).isEqualTo(Validated.invalid(new UsernameRejection.Missing()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice smith", "al\tice", "bob\u00A0jones"})
    void parseWhenSpaceInsideThenRejected(String raw) {
        assertThat(Username.parse(raw)).isEqualTo(Validated.invalid(FORBIDDEN_CHARACTERS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com", "al@ce", "@alice"})
    void parseWhenAtSignThenRejectedSoThatNoUsernameLooksLikeAnEmail(String raw) {
        assertThat(Username.parse(raw)).isEqualTo(Validated.invalid(FORBIDDEN_CHARACTERS));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u0430lice", // Cyrillic a, looks exactly like "alice"
                "p\u0430yp\u0430l", // Cyrillic a twice, looks like "paypal"
                "\u0391dmin", // Greek capital alpha
                "\uFF41lice", // full-width a
                "ali\u200Bce", // zero-width space
                "ålice",
                "alicé",
                "ﬁlip", // fi ligature
                "日本語",
                "bob😀"
            })
    void parseWhenUnicodeLetterOrHomoglyphThenRejected(String raw) {
        assertThat(Username.parse(raw)).isEqualTo(Validated.invalid(FORBIDDEN_CHARACTERS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice!", "al/ice", "al\\ice", "<script>", "al'ice", "al\"ice", "al+ice", "al:ice"})
    void parseWhenAsciiPunctuationOtherThanDotUnderscoreHyphenThenRejected(String raw) {
        assertThat(Username.parse(raw)).isEqualTo(Validated.invalid(FORBIDDEN_CHARACTERS));
    }

    @ParameterizedTest
    @MethodSource("generatedValidUsernames")
    void parseWhenGeneratedFromAllowedCharactersThenAcceptedAsIs(String raw) {
        assertThat(Username.parse(raw)).isEqualTo(Validated.valid(new Username(raw)));
    }

    @ParameterizedTest
    @MethodSource("generatedUsernamesWithOneForbiddenCharacter")
    void parseWhenOneForbiddenCharacterAnywhereThenRejected(String raw) {
        assertThat(Username.parse(raw).isValid()).isFalse();
    }

    @Test
    void canonicalLowercases() {
        assertThat(new Username("Alice.SMITH_42").canonical()).isEqualTo("alice.smith_42");
    }

    @Test
    void canonicalKeepsTheValueAsTyped() {
        Username username = new Username("Alice");

        assertThat(username.canonical()).isEqualTo("alice");
        assertThat(username.value()).isEqualTo("Alice");
    }

    @Test
    void canonicalWhenDefaultLocaleIsTurkishThenStillPlainAsciiLowercase() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));

            assertThat(new Username("TIM").canonical()).isEqualTo("tim");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void sameAsIgnoresCase() {
        assertThat(new Username("Alice").sameAs(new Username("aLICE"))).isTrue();
    }

    @Test
    void sameAsWhenDifferentNamesThenFalse() {
        assertThat(new Username("alice").sameAs(new Username("alice2"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "ab",
                " alice",
                "alice ",
                "al ice",
                "\u0430lice",
                "al@ce",
                "abcdefghijklmnopqrstuvwxyz0123456"
            })
    void constructorWhenInvalidThenRejected(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Username(value));
    }

    @Test
    void constructorWhenNullThenRejected() {
        assertThatNullPointerException().isThrownBy(() -> new Username(null));
    }

    @Test
    void parseWhenGeneratedByTheRulesThenRoundTripsAndCanonicalFormIsStable() {
        Random random = new Random(SEED + 2);
        for (int i = 0; i < 2_000; i++) {
            String name = randomAllowed(
                    random, Username.MIN_LENGTH + random.nextInt(Username.MAX_LENGTH - Username.MIN_LENGTH + 1));
            String typed = blanks(random) + name + blanks(random);

            Validated<Username, UsernameRejection> parsed = Username.parse(typed);

            assertThat(parsed).as("%s", typed).isEqualTo(Validated.valid(new Username(name)));
            Username username = parsed.orElseThrow();
            assertThat(Username.parse(username.value()))
                    .as("round trip of %s", name)
                    .isEqualTo(parsed);
            String canonical = username.canonical();
            assertThat(Username.parse(canonical).orElseThrow().canonical())
                    .as("canonical of %s", name)
                    .isEqualTo(canonical);
            assertThat(username.sameAs(new Username(randomCase(random, name))))
                    .as(name)
                    .isTrue();
        }
    }

    @Test
    void parseWhenGeneratedWithACharacterFromAnywhereOutsideTheRulesThenRejectedForIt() {
        Random random = new Random(SEED + 3);
        for (int i = 0; i < 2_000; i++) {
            int forbidden = randomForbiddenCodePoint(random);
            String inserted = new String(Character.toChars(forbidden));
            StringBuilder name = new StringBuilder(
                    randomAllowed(random, 2 + random.nextInt(Username.MAX_LENGTH - 1 - inserted.length())));
            // inside, not at an end, where a blank would be trimmed away and rightly accepted
            name.insert(1 + random.nextInt(name.length() - 1), inserted);

            assertThat(Username.parse(name.toString()))
                    .as("U+%04X in %s", forbidden, name)
                    .isEqualTo(Validated.invalid(FORBIDDEN_CHARACTERS));
        }
    }

    @Test
    void parseWhenFedArbitraryTextThenAnswersWithADocumentedResultAndNeverThrows() {
        Random random = new Random(SEED + 4);
        List<UsernameRejection> documented =
                List.of(new UsernameRejection.Missing(), WRONG_LENGTH, FORBIDDEN_CHARACTERS);
        int valid = 0;
        for (int i = 0; i < 5_000; i++) {
            String raw = randomText(random, random.nextInt(40));

            Validated<Username, UsernameRejection> parsed = Username.parse(raw);

            if (parsed instanceof Validated.Valid<Username, UsernameRejection> accepted) {
                valid++;
                assertThat(accepted.value().value())
                        .as("%s", raw)
                        .isEqualTo(raw.strip())
                        .matches("[A-Za-z0-9._-]{3,32}");
            } else {
                assertThat(((Validated.Invalid<Username, UsernameRejection>) parsed).reason())
                        .as("%s", raw)
                        .isIn(documented);
            }
        }
        assertThat(valid).as("some arbitrary text is a fine username").isBetween(50, 4_000);
    }

    static Stream<String> generatedValidUsernames() {
        Random random = new Random(SEED);
        return IntStream.range(0, 40).mapToObj(i -> randomAllowed(random, 3 + random.nextInt(30)));
    }

    static Stream<String> generatedUsernamesWithOneForbiddenCharacter() {
        String forbidden = " @!#$%^&*()+=[]{}|\\/:;\"'<>,?~`\u0430\u00E9\u00DF\u200B\uFF41\u3042";
        Random random = new Random(SEED + 1);
        return IntStream.range(0, 40).mapToObj(i -> {
            StringBuilder name = new StringBuilder(randomAllowed(random, 3 + random.nextInt(28)));
            // inside, not at an end, where a blank would be trimmed away and rightly accepted
            name.insert(1 + random.nextInt(name.length() - 1), forbidden.charAt(random.nextInt(forbidden.length())));
            return name.toString();
        });
    }

    private static String blanks(Random random) {
        String pool = " \t\n\u2003";
        return pool.substring(random.nextInt(pool.length() + 1));
    }

    private static String randomCase(Random random, String name) {
        StringBuilder variant = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            variant.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return variant.toString();
    }

    /** Any code point but the allowed ones: controls, NUL, lone surrogates, letters of every script, emoji. */
    private static int randomForbiddenCodePoint(Random random) {
        while (true) {
            int codePoint = switch (random.nextInt(3)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> random.nextInt(0x10000);
                default -> random.nextInt(Character.MAX_CODE_POINT + 1);
            };
            if (ALLOWED.indexOf(codePoint) < 0) {
                return codePoint;
            }
        }
    }

    /** Mostly allowed characters, with blanks and anything else mixed in, so that every outcome occurs. */
    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (random.nextInt(30) == 0) {
                text.appendCodePoint(randomForbiddenCodePoint(random));
            } else if (random.nextInt(30) == 0) {
                text.append(' ');
            } else {
                text.append(ALLOWED.charAt(random.nextInt(ALLOWED.length())));
            }
        }
        return text.toString();
    }

    private static String randomAllowed(Random random, int length) {
        StringBuilder name = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            name.append(ALLOWED.charAt(random.nextInt(ALLOWED.length())));
        }
        return name.toString();
    }
}
