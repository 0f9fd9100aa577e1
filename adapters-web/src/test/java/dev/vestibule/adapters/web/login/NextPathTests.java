package dev.vestibule.adapters.web.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.util.UriUtils;

class NextPathTests {

    /** Open-redirect payloads (OWASP and PortSwigger cheat sheets, browser URL-parser quirks), by the trick they use. */
    static Stream<Arguments> hostileValues() {
        return Stream.of(
                // Another origin, written plainly or the ways browsers still read as one.
                hostile("protocol-relative", "//evil.com"),
                hostile("three slashes", "///evil.com"),
                hostile("just two slashes", "//"),
                hostile("slash backslash", "/\\evil.com"),
                hostile("backslash slash", "\\/evil.com"),
                hostile("two backslashes", "\\\\evil.com"),
                hostile("slash, two backslashes", "/\\\\evil.com"),
                hostile("absolute https", "https://evil.com"),
                hostile("absolute http to this very site", "http://localhost/top-secret"),
                hostile("scheme without slashes", "http:evil.com"),
                hostile("scheme with one slash", "https:/evil.com"),
                hostile("scheme with backslash", "https:\\\\evil.com"),
                hostile("javascript scheme", "javascript:alert(1)"),
                hostile("javascript with encoded newline", "javascript://%0aalert(1)"),
                hostile("data scheme", "data:text/html,x"),
                hostile("mailto scheme", "mailto:x@y"),
                hostile("bare host", "evil.com"),
                hostile("relative path", "../x"),
                hostile("dot then double slash", "/.//evil.com"),
                hostile("userinfo trick", "//localhost@evil.com"),
                // Percent-encoding that a later decoder (ours, a proxy's, a framework's) would turn into the above.
                hostile("encoded slashes", "/%2F%2Fevil.com"),
                hostile("encoded slashes, lower case", "/%2f%2fevil.com"),
                hostile("encoded slashes, no leading slash", "%2F%2Fevil.com"),
                hostile("one encoded slash after a slash", "/%2Fevil.com"),
                hostile("double-encoded slashes", "/%252F%252Fevil.com"),
                hostile("triple-encoded slashes", "/%25252F%25252Fevil.com"),
                hostile("encoded four times", "/%2525252F%2525252Fevil.com"),
                hostile("encoded backslash", "/%5Cevil.com"),
                hostile("encoded backslashes, lower case", "/%5c%5cevil.com"),
                hostile("encoded slash and backslash", "/%2F%5Cevil.com"),
                hostile("IIS %u encoding", "/%u002F%u002Fevil.com"),
                // Characters browsers strip or servers split on: tab, CR, LF, NUL, separators.
                hostile("raw tab between slashes", "/\t/evil.com"),
                hostile("encoded tab between slashes", "/%09/evil.com"),
                hostile("encoded tab before encoded slashes", "/%09%2F%2Fevil.com"),
                hostile("leading encoded newline", "%0a/evil.com"),
                hostile("header injection", "/%0d%0aSet-Cookie:x=y"),
                hostile("raw CR LF", "/\r\n"),
                hostile("raw LF", "/x\nLocation: //evil.com"),
                hostile("encoded NUL", "/%00"),
                hostile("raw NUL", "/\u0000"),
                hostile("raw escape character", "/x\u001b"),
                hostile("raw DEL", "/x\u007f"),
                hostile("encoded DEL", "/%7F"),
                hostile("encoded NEL", "/%C2%85"),
                hostile("raw line separator", "/\u2028"),
                hostile("encoded line separator", "/%E2%80%A8"),
                hostile("encoded paragraph separator", "/%E2%80%A9"),
                hostile("encoded zero-width space between slashes", "/%E2%80%8B/evil.com"),
                hostile("encoded byte-order mark between slashes", "/%EF%BB%BF/evil.com"),
                hostile("raw zero-width space between slashes", "/\u200b/evil.com"),
                // Whitespace and other characters that do not belong in a Location header unencoded.
                hostile("leading space", " /x"),
                hostile("leading tab", "\t/x"),
                hostile("raw space", "/x y"),
                hostile("space between slashes", "/ /evil.com"),
                hostile("leading no-break space", "\u00a0/x"),
                hostile("full-width solidus", "/\uff0f\uff0fevil.com"),
                hostile("full-width solidus, no leading slash", "\uff0f\uff0fevil.com"),
                hostile("encoded full-width solidi", "/%EF%BC%8F%EF%BC%8Fevil.com"),
                hostile("encoded full-width reverse solidus", "/%EF%BC%BCevil.com"),
                hostile("full-width letters (compatibility forms)", "/\uff41\uff42\uff43"),
                hostile("raw no-break space inside", "/caf\u00e9\u00a0x"),
                hostile("raw ideographic space", "/\u3000/evil.com"),
                hostile("raw zero-width space after a non-ASCII letter", "/caf\u00e9\u200b"),
                hostile("raw right-to-left override", "/caf\u00e9\u202e"),
                hostile("raw lone surrogate", "/caf\ud800"),
                hostile("raw private-use character", "/\ue000"),
                hostile("raw next line (C1 control)", "/caf\u00e9\u0085x"),
                hostile("non-ASCII path then double slash", "/caf\u00e9//evil.com"),
                hostile("non-ASCII path then encoded slashes", "/caf\u00e9%2F%2Fevil.com"),
                hostile("non-ASCII then backslash", "/caf\u00e9\\evil.com"),
                hostile("non-ASCII host-like value", "\u00e9vil.com"),
                hostile("non-ASCII value over the limit once encoded", "/" + "\u00e9".repeat(NextPath.MAX_LENGTH / 4)),
                hostile("braces", "/{x}"),
                hostile("angle brackets", "/<script>"),
                hostile("double quote", "/x\"onmouseover=\"alert(1)"),
                // Malformed escapes.
                hostile("lone percent", "/%"),
                hostile("bad hex", "/%zz"),
                hostile("truncated escape", "/%2"),
                hostile("percent that decodes to a malformed escape", "/%25zz"),
                // Too long to be anything but an attack (and to put in a header).
                hostile("over 2048 characters", "/" + "a".repeat(3000)),
                hostile("just over the limit", "/" + "a".repeat(NextPath.MAX_LENGTH)));
    }

    private static Arguments hostile(String trick, String value) {
        return Arguments.of(trick, value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileValues")
    void parseWhenValueCouldLeaveTheSiteOrBreakTheHeaderThenEmpty(String trick, String value) {
        assertThat(NextPath.parse(value)).as(trick).isEmpty();
        assertThat(NextPath.orHome(value)).isEqualTo("/");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void parseWhenNothingGivenThenEmpty(String value) {
        assertThat(NextPath.parse(value)).isEmpty();
        assertThat(NextPath.orHome(value)).isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/top-secret",
                "/top-secret?tab=1",
                "/search?q=a%20b&x=1",
                "/search?q=a+b",
                "/a/b/c",
                "/path#frag",
                "/top-secret?tab=1#section-2",
                "/caf%C3%A9",
                "/~user/profile",
                "/a-b_c.d",
                "/search?q=%2520",
            })
    void parseWhenPathOnThisSiteThenReturnsItUnchanged(String value) {
        assertThat(NextPath.parse(value)).hasValue(value);
        assertThat(NextPath.orHome(value)).isEqualTo(value);
    }

    /** As a browser shows the address and a decoded query parameter holds it: accepted in the form a browser sends. */
    @ParameterizedTest
    @CsvSource({
        "/pages/caf\u00e9, /pages/caf%C3%A9",
        "/pages/caf\u00e9?tab=cr\u00e8me, /pages/caf%C3%A9?tab=cr%C3%A8me",
        "/\u65e5\u672c/\u8a18\u4e8b, /%E6%97%A5%E6%9C%AC/%E8%A8%98%E4%BA%8B",
        "/\u043f\u0440\u0438\u0432\u0435\u0442, /%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82",
        "/locks/\ud83d\udd12, /locks/%F0%9F%94%92",
        "/cafe\u0301, /cafe%CC%81",
        "/caf\u00e9%20noir, /caf%C3%A9%20noir",
    })
    void parseWhenPathHasNonAsciiCharactersThenAcceptedPercentEncodedInUtf8(String value, String expected) {
        assertThat(NextPath.parse(value)).hasValue(expected);
        assertThat(NextPath.parse(expected))
                .as("the encoded form is accepted unchanged")
                .hasValue(expected);
        assertThat(UriUtils.decode(expected, StandardCharsets.UTF_8)).isEqualTo(value.replace("%20", " "));
        assertThat(URI.create(expected).toASCIIString()).isEqualTo(expected);
    }

    @Test
    void parseWhenExactlyAtTheLengthLimitThenAccepted() {
        String longest = "/" + "a".repeat(NextPath.MAX_LENGTH - 1);

        assertThat(NextPath.parse(longest)).hasValue(longest);
    }

    /** Stricter than needed, by design: documented here so that a change of rule is a conscious one. */
    @ParameterizedTest
    @ValueSource(strings = {"/search?q=100%25", "/a%2F%2Fb", "/search?url=https://example.com"})
    void parseWhenHarmlessButLooksLikeATrickThenRejectedAnyway(String value) {
        assertThat(NextPath.parse(value)).isEmpty();
    }

    private static final List<String> FRAGMENTS = List.of(
            "/",
            "/",
            "/",
            "//",
            "\\",
            "%2F",
            "%2f",
            "%5C",
            "%5c",
            "%25",
            "%252F",
            "%",
            "%2",
            "%zz",
            "http:",
            "https://",
            "javascript:",
            "evil.com",
            "@",
            ":",
            ".",
            "..",
            "?",
            "#",
            "&",
            "=",
            "+",
            "a",
            "b",
            "top-secret",
            "tab=1",
            " ",
            "\t",
            "\n",
            "\r",
            "\u0000",
            "\u001b",
            "\u007f",
            "%09",
            "%0A",
            "%0d",
            "%00",
            "%7F",
            "%C2%85",
            "%E2%80%A8",
            "%E2%80%8B",
            "\u2028",
            "\u00a0",
            "\uff0f",
            "{",
            "}",
            "~",
            "%20",
            "%41");

    @Test
    void parseWhenFedGeneratedValuesThenWhateverItAcceptsStaysOnTheSite() {
        Random random = new Random(20_261_120L);
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            StringBuilder candidate = new StringBuilder(random.nextInt(10) < 7 ? "/" : "");
            int parts = 1 + random.nextInt(7);
            for (int part = 0; part < parts; part++) {
                candidate.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
            }
            String value = candidate.toString();

            assertThatCode(() -> NextPath.parse(value)).as(value).doesNotThrowAnyException();
            NextPath.parse(value).ifPresent(result -> {
                assertThat(result).as("accepted values are returned unchanged").isEqualTo(value);
                assertStaysOnSite(result);
                assertStaysOnSite(fullyDecoded(result));
                URI uri = URI.create(result);
                assertThat(uri.getScheme()).as(result).isNull();
                assertThat(uri.getRawAuthority()).as(result).isNull();
                accepted.add(result);
            });
        }
        // Not vacuous: plenty of generated values were accepted, and plenty were not.
        assertThat(accepted).hasSizeBetween(100, 1_900);
    }

    private static final List<String> NON_ASCII_FRAGMENTS = List.of(
            "\u00e9",
            "\u65e5\u672c",
            "\ud83d\udd12",
            "e\u0301",
            "\u0436",
            "\uff0f",
            "\uff3c",
            "\u00a0",
            "\u3000",
            "\u200b",
            "\u202e",
            "\u2028",
            "\u0085",
            "\ud800",
            "\ue000",
            "\ufe68");

    @Test
    void parseWhenFedGeneratedValuesWithNonAsciiCharactersThenWhateverItAcceptsIsAsciiAndStaysOnTheSite() {
        Random random = new Random(20_261_121L);
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            StringBuilder candidate = new StringBuilder(random.nextInt(10) < 8 ? "/" : "");
            int parts = 1 + random.nextInt(7);
            for (int part = 0; part < parts; part++) {
                List<String> fragments = random.nextBoolean() ? NON_ASCII_FRAGMENTS : FRAGMENTS;
                candidate.append(fragments.get(random.nextInt(fragments.size())));
            }
            String value = candidate.toString();

            assertThatCode(() -> NextPath.parse(value)).as(value).doesNotThrowAnyException();
            NextPath.parse(value).ifPresent(result -> {
                assertThat(result.chars()).as(result).allMatch(c -> c > 0x20 && c < 0x7f);
                assertStaysOnSite(result);
                String decoded = fullyDecoded(result);
                assertStaysOnSite(decoded);
                assertStaysOnSite(java.text.Normalizer.normalize(decoded, java.text.Normalizer.Form.NFKC));
                URI uri = URI.create(result);
                assertThat(uri.getScheme()).as(result).isNull();
                assertThat(uri.getRawAuthority()).as(result).isNull();
                if (!value.equals(result)) {
                    accepted.add(result);
                }
            });
        }
        // Not vacuous: plenty of values with non-ASCII characters were accepted (encoded).
        assertThat(accepted).hasSizeGreaterThan(50);
    }

    private static void assertStaysOnSite(String path) {
        assertThat(path).as("starts with exactly one slash").startsWith("/").doesNotStartWith("//");
        assertThat(path).as("no double slash").doesNotContain("//");
        assertThat(path).as("no backslash").doesNotContain("\\");
        assertThat(path.chars().filter(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029'))
                .as("control characters in %s", path)
                .isEmpty();
    }

    /** Percent-decoded until nothing changes; anything accepted must get there without a malformed escape. */
    private static String fullyDecoded(String value) {
        String current = value;
        for (int round = 0; round < 10; round++) {
            String decoded = UriUtils.decode(current, StandardCharsets.UTF_8);
            if (decoded.equals(current)) {
                return decoded;
            }
            current = decoded;
        }
        throw new AssertionError("still decoding after 10 rounds: " + value);
    }
}
