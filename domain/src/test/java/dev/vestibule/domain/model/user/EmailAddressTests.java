package dev.vestibule.domain.model.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.text.Normalizer;
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

class EmailAddressTests {

    private static final long SEED = 0x5EED_0002L;
    private static final EmailRejection MALFORMED = new EmailRejection.Malformed();

    @Test
    void parseWhenSurroundingBlanksAndCapitalsThenTrimmedAndLowercased() {
        assertThat(EmailAddress.parse("  Jane.Doe@Example.COM \n"))
                .isEqualTo(Validated.valid(new EmailAddress("jane.doe@example.com")));
    }

    @Test
    void parseNormalizesToNfcBeforeJudging() {
        // U+1FEF GREEK VARIA decomposes canonically to the ASCII grave accent, which a local part may hold:
        // only an NFC-normalized candidate passes the ASCII syntax.
        assertThat(EmailAddress.parse("a\u1FEFb@example.com"))
                .isEqualTo(Validated.valid(new EmailAddress("a`b@example.com")));
    }

    @Test
    void parseWhenKelvinSignThenSameAddressAsPlainK() {
        assertThat(EmailAddress.parse("\u212Aate@example.com")).isEqualTo(EmailAddress.parse("kate@example.com"));
    }

    @ParameterizedTest
    @MethodSource("generatedCaseVariants")
    void parseWhenSameAddressInAnyCaseThenSameValue(String variant) {
        assertThat(EmailAddress.parse(variant))
                .isEqualTo(Validated.valid(new EmailAddress("jane.doe+news@mail.example.org")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jane@example.com",
                "jane+newsletter@example.com",
                "jane.doe@example.com",
                "jane@mail.eu.example.com",
                "jane@xn--bcher-kva.example",
                "jane@example.xn--p1ai",
                "o'brien@example.ie",
                "x_y-z@example-domain.com",
                "1234@123.example.org",
                "a@b.co",
                "!#$%&'*+/=?^_`{|}~-@example.com"
            })
    void parseWhenUsualFormThenAccepted(String raw) {
        assertThat(EmailAddress.parse(raw)).isEqualTo(Validated.valid(new EmailAddress(raw)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jane.example.com", // no @
                "jane@@example.com", // two @ in a row
                "ja@ne@example.com", // two @
                "@example.com", // empty local part
                "jane@", // empty domain
                ".jane@example.com", // leading dot
                "jane.@example.com", // trailing dot
                "ja..ne@example.com", // double dot
                "jane@.example.com", // domain with leading dot
                "jane@example.com.", // domain with trailing dot
                "jane@example..com", // domain with double dot
                "ja ne@example.com", // space in local part
                "jane@exa mple.com", // space in domain
                "\"jane\"@example.com", // quoted local part
                "\"ja ne\"@example.com", // quoted local part with space
                "jane@[192.0.2.1]", // IP literal
                "jane@[IPv6:2001:db8::1]", // IPv6 literal
                "jane@192.0.2.1", // bare IP address
                "jane@localhost", // missing TLD
                "jane@example", // missing TLD
                "jane@-example.com", // label starting with '-'
                "jane@example-.com", // label ending with '-'
                "jane@example.-com", // TLD starting with '-'
                "jane@exam_ple.com", // underscore in host name
                "jane@example.123", // numeric TLD
                "jane(comment)@example.com", // comment
                "jane<x>@example.com", // angle brackets
                "jane@example.com;drop"
            }) // trailing junk
    void parseWhenMalformedThenRejected(String raw) {
        assertThat(EmailAddress.parse(raw)).isEqualTo(Validated.invalid(MALFORMED));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t\n"})
    void parseWhenEmptyOrBlankThenAskedToEnterOne(String raw) {
        assertThat(EmailAddress.parse(raw)).isEqualTo(Validated.invalid(new EmailRejection.Missing()));
    }

    @Test
    void parseWhenLocalPartHas64CharactersThenAccepted() {
        assertThat(EmailAddress.parse("a".repeat(64) + "@example.com").isValid())
                .isTrue();
    }

    @Test
    void parseWhenLocalPartHas65CharactersThenRejected() {
        assertThat(EmailAddress.parse("a".repeat(65) + "@example.com")).isEqualTo(Validated.invalid(MALFORMED));
    }

    @Test
    void parseWhen254CharactersInAllThenAccepted() {
        String address = addressOfLength(254);

        assertThat(address).hasSize(254);
        assertThat(EmailAddress.parse(address).isValid()).isTrue();
    }

    @Test
    void parseWhen255CharactersInAllThenRejected() {
        String address = addressOfLength(255);

        assertThat(address).hasSize(255);
        assertThat(EmailAddress.parse(address)).isEqualTo(Validated.invalid(MALFORMED));
    }

    @Test
    void parseWhenDomainLabelHas63CharactersThenAccepted() {
        assertThat(EmailAddress.parse("jane@" + "a".repeat(63) + ".com").isValid())
                .isTrue();
    }

    @Test
    void parseWhenDomainLabelHas64CharactersThenRejected() {
        assertThat(EmailAddress.parse("jane@" + "a".repeat(64) + ".com")).isEqualTo(Validated.invalid(MALFORMED));
    }

    @Test
    void localPartIsEverythingBeforeTheAt() {
        assertThat(new EmailAddress("jane.doe+tag@mail.example.com").localPart())
                .isEqualTo("jane.doe+tag");
    }

    @Test
    void localPartIsNormalizedWithTheAddress() {
        assertThat(EmailAddress.parse(" Jane.Doe@Example.com").orElseThrow().localPart())
                .isEqualTo("jane.doe");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jane@example.com", " jane@example.com", "jane@example.com ", "jane", "jane@localhost", ""})
    void constructorWhenNotANormalizedValidAddressThenRejected(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress(value));
    }

    @Test
    void toStringIsTheAddress() {
        assertThat(new EmailAddress("jane@example.com")).hasToString("jane@example.com");
    }

    @Test
    void parseWhenGeneratedByTheRulesThenAcceptedInItsNormalFormWhichParsesToItself() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 2_000; i++) {
            String address = randomAddress(random);
            String typed = " ".repeat(random.nextInt(2)) + randomCase(random, address) + "\t".repeat(random.nextInt(2));

            Validated<EmailAddress, EmailRejection> parsed = EmailAddress.parse(typed);

            assertThat(parsed).as("%s", typed).isEqualTo(Validated.valid(new EmailAddress(address)));
            EmailAddress email = parsed.orElseThrow();
            assertThat(EmailAddress.parse(email.value()))
                    .as("normalizing %s again", address)
                    .isEqualTo(parsed);
            assertThat(email.value()).startsWith(email.localPart() + "@");
        }
    }

    @Test
    void parseWhenGeneratedWithACharacterOutsideTheSyntaxThenRejected() {
        Random random = new Random(SEED + 2);
        int rejected = 0;
        for (int i = 0; i < 2_000; i++) {
            String address = randomAddress(random);
            int at = address.lastIndexOf('@');
            int codePoint = random.nextInt(3) == 0
                    ? OUTSIDE_THE_SYNTAX.charAt(random.nextInt(OUTSIDE_THE_SYNTAX.length()))
                    : random.nextInt(Character.MAX_CODE_POINT + 1);
            String inserted = new String(Character.toChars(codePoint));
            String normalizedAlone =
                    Normalizer.normalize(inserted, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
            if (normalizedAlone.chars().allMatch(c -> ATEXT.indexOf(c) >= 0 || c == '.')) {
                // inside the syntax after all, like "a", or the Kelvin sign, which NFC turns into K
                continue;
            }
            // inside the local part, between two of its characters
            int position = 1 + random.nextInt(Math.max(1, at - 1));
            String candidate = address.substring(0, position) + inserted + address.substring(position);

            Validated<EmailAddress, EmailRejection> parsed = EmailAddress.parse(candidate);

            rejected++;
            assertThat(parsed).as("U+%04X in %s", codePoint, candidate).isEqualTo(Validated.invalid(MALFORMED));
        }
        assertThat(rejected).as("not vacuous").isGreaterThan(1_800);
    }

    @Test
    void parseWhenFedArbitraryTextThenAnswersWithADocumentedResultAndNeverThrows() {
        Random random = new Random(SEED + 3);
        List<EmailRejection> documented = List.of(new EmailRejection.Missing(), MALFORMED);
        int valid = 0;
        for (int i = 0; i < 5_000; i++) {
            String raw = random.nextBoolean()
                    ? mangled(random, randomAddress(random))
                    : randomText(random, random.nextInt(60));

            Validated<EmailAddress, EmailRejection> parsed = EmailAddress.parse(raw);

            if (parsed instanceof Validated.Valid<EmailAddress, EmailRejection> accepted) {
                valid++;
                String value = accepted.value().value();
                assertThat(new EmailAddress(value)).as("%s", raw).isEqualTo(accepted.value());
                assertThat(value).as("%s", raw).hasSizeLessThanOrEqualTo(254).matches("[a-z0-9!#$%&'*+/=?^_`{|}~.@-]+");
            } else {
                assertThat(((Validated.Invalid<EmailAddress, EmailRejection>) parsed).reason())
                        .as("%s", raw)
                        .isIn(documented);
            }
        }
        assertThat(valid).as("some of it is a fine address").isBetween(100, 4_900);
    }

    private static final String OUTSIDE_THE_SYNTAX = " \u0000\t\n()<>[]:;,\\\"@\u00e9\u0430";
    private static final String ATEXT = "abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+/=?^_`{|}~-";
    private static final String LABEL = "abcdefghijklmnopqrstuvwxyz0123456789";

    /** A valid, normalized address: dot-separated atoms of atext, and a host name of one to three labels and a TLD. */
    private static String randomAddress(Random random) {
        StringBuilder local = new StringBuilder();
        for (int atoms = 1 + random.nextInt(3); atoms > 0; atoms--) {
            if (!local.isEmpty()) {
                local.append('.');
            }
            for (int c = 1 + random.nextInt(12); c > 0; c--) {
                local.append(ATEXT.charAt(random.nextInt(ATEXT.length())));
            }
        }
        StringBuilder domain = new StringBuilder();
        for (int labels = 1 + random.nextInt(3); labels > 0; labels--) {
            domain.append(label(random)).append('.');
        }
        domain.append((char) ('a' + random.nextInt(26))).append(random.nextBoolean() ? label(random) : "");
        return local + "@" + domain;
    }

    private static String label(Random random) {
        StringBuilder label = new StringBuilder().append(LABEL.charAt(random.nextInt(LABEL.length())));
        int middle = random.nextInt(10);
        for (int c = 0; c < middle; c++) {
            label.append(random.nextInt(5) == 0 ? '-' : LABEL.charAt(random.nextInt(LABEL.length())));
        }
        if (middle > 0) {
            label.append(LABEL.charAt(random.nextInt(LABEL.length())));
        }
        return label.toString();
    }

    private static String randomCase(Random random, String address) {
        StringBuilder variant = new StringBuilder(address.length());
        for (char c : address.toCharArray()) {
            variant.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return variant.toString();
    }

    /** A valid address with a few random edits: characters dropped, doubled or replaced by anything at all. */
    private static String mangled(Random random, String address) {
        StringBuilder text = new StringBuilder(address);
        for (int edits = random.nextInt(3); edits > 0 && !text.isEmpty(); edits--) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, text.charAt(at));
                default ->
                    text.replace(
                            at, at + 1, new String(Character.toChars(random.nextInt(Character.MAX_CODE_POINT + 1))));
            }
        }
        return text.toString();
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(10);
            if (pick == 0) {
                text.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
            } else if (pick == 1) {
                text.append("@. \t".charAt(random.nextInt(4)));
            } else {
                text.append(ATEXT.charAt(random.nextInt(ATEXT.length())));
            }
        }
        return text.toString();
    }

    /** A valid address: a 64-character local part and a domain of 63-character labels, cut to {@code length}. */
    private static String addressOfLength(int length) {
        String local = "l".repeat(64);
        int domainLength = length - local.length() - 1;
        String labels = ("d".repeat(63) + ".").repeat(4);
        String domain = labels.substring(0, domainLength - 4) + ".com";
        return local + "@" + domain;
    }

    static Stream<String> generatedCaseVariants() {
        String address = "jane.doe+news@mail.example.org";
        Random random = new Random(SEED);
        return IntStream.range(0, 25).mapToObj(i -> {
            StringBuilder variant = new StringBuilder();
            for (char c : address.toCharArray()) {
                variant.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
            }
            return " ".repeat(random.nextInt(3)) + variant + "\t".repeat(random.nextInt(2));
        });
    }
}
