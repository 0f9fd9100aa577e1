package dev.vestibule.domain.model.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
    private static final String INVALID_MESSAGE = "Please enter a valid email address, like name@example.com.";

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
    @ValueSource(strings = {
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
            "!#$%&'*+/=?^_`{|}~-@example.com"})
    void parseWhenUsualFormThenAccepted(String raw) {
        assertThat(EmailAddress.parse(raw)).isEqualTo(Validated.valid(new EmailAddress(raw)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jane.example.com",             // no @
            "jane@@example.com",            // two @ in a row
            "ja@ne@example.com",            // two @
            "@example.com",                 // empty local part
            "jane@",                        // empty domain
            ".jane@example.com",            // leading dot
            "jane.@example.com",            // trailing dot
            "ja..ne@example.com",           // double dot
            "jane@.example.com",            // domain with leading dot
            "jane@example.com.",            // domain with trailing dot
            "jane@example..com",            // domain with double dot
            "ja ne@example.com",            // space in local part
            "jane@exa mple.com",            // space in domain
            "\"jane\"@example.com",         // quoted local part
            "\"ja ne\"@example.com",        // quoted local part with space
            "jane@[192.0.2.1]",             // IP literal
            "jane@[IPv6:2001:db8::1]",      // IPv6 literal
            "jane@192.0.2.1",               // bare IP address
            "jane@localhost",               // missing TLD
            "jane@example",                 // missing TLD
            "jane@-example.com",            // label starting with '-'
            "jane@example-.com",            // label ending with '-'
            "jane@example.-com",            // TLD starting with '-'
            "jane@exam_ple.com",            // underscore in host name
            "jane@example.123",             // numeric TLD
            "jane(comment)@example.com",    // comment
            "jane<x>@example.com",          // angle brackets
            "jane@example.com;drop"})       // trailing junk
    void parseWhenMalformedThenRejected(String raw) {
        assertThat(EmailAddress.parse(raw)).isEqualTo(Validated.invalid(INVALID_MESSAGE));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t\n"})
    void parseWhenEmptyOrBlankThenAskedToEnterOne(String raw) {
        assertThat(EmailAddress.parse(raw)).isEqualTo(Validated.invalid("Please enter your email address."));
    }

    @Test
    void parseWhenLocalPartHas64CharactersThenAccepted() {
        assertThat(EmailAddress.parse("a".repeat(64) + "@example.com").isValid()).isTrue();
    }

    @Test
    void parseWhenLocalPartHas65CharactersThenRejected() {
        assertThat(EmailAddress.parse("a".repeat(65) + "@example.com")).isEqualTo(Validated.invalid(INVALID_MESSAGE));
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
        assertThat(EmailAddress.parse(address)).isEqualTo(Validated.invalid(INVALID_MESSAGE));
    }

    @Test
    void parseWhenDomainLabelHas63CharactersThenAccepted() {
        assertThat(EmailAddress.parse("jane@" + "a".repeat(63) + ".com").isValid()).isTrue();
    }

    @Test
    void parseWhenDomainLabelHas64CharactersThenRejected() {
        assertThat(EmailAddress.parse("jane@" + "a".repeat(64) + ".com")).isEqualTo(Validated.invalid(INVALID_MESSAGE));
    }

    @Test
    void localPartIsEverythingBeforeTheAt() {
        assertThat(new EmailAddress("jane.doe+tag@mail.example.com").localPart()).isEqualTo("jane.doe+tag");
    }

    @Test
    void localPartIsNormalizedWithTheAddress() {
        assertThat(EmailAddress.parse(" Jane.Doe@Example.com").orElseThrow().localPart()).isEqualTo("jane.doe");
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
