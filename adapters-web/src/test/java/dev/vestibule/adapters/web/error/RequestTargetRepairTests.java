package dev.vestibule.adapters.web.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.util.UriUtils;

class RequestTargetRepairTests {

    /** Fixed, so that a generated target that fails is the same target on the next run. */
    private static final long SEED = 0x5EED_0A11L;
    /** A literal "%" followed by two hex digits is an escape, in the text as in the target: not this test's subject. */
    private static final String PRINTABLE_ASCII_BUT_PERCENT =
            "!\"#$&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ ";

    private static final String INTERESTING =
            "%%%%0123456789abcdefABCDEFzZ/?#&=+;:@!$'()*,.-_~ \"<>[]\\^`{|}\t\u0000\u007f\u0080\u0085\u00a0\u00c3\u00e9\u00ff";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/top-secret",
                "/login?next=/top-secret",
                "/search?q=a%20b&x=1",
                "/caf%C3%A9",
                "/a-b_c.d~e",
                "/?a=b;c=d",
                "/path:with@colon",
                "/x?y=(1)*2+3,4!$'",
                "/login?next=%2Ftop-secret%3Ftab%3D1",
                "*"
            })
    void aTargetWithNothingToRepairPassesUntouched(String target) {
        assertThat(RequestTargetRepair.repair(target)).isSameAs(target);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ' ',
            quoteCharacter = '\'',
            value = {
                "/login?next=%zz /login?next=%25zz",
                "/?% /?%25",
                "/?q=100% /?q=100%25",
                "/?x=%2 /?x=%252",
                "/?x=%%41 /?x=%25%41",
                "/%zz/x?y=%41 /%25zz/x?y=%41",
                "'/?a|b' '/?a%7Cb'",
                "/?a{b}^c /?a%7Bb%7D%5Ec",
                "/?a[]=1 /?a%5B%5D=1",
                "'/?a=\"<x>\"' '/?a=%22%3Cx%3E%22'",
                "/a\\b /a%5Cb",
                "/?a#b#c /?a%23b%23c",
                "/?q=`x` /?q=%60x%60"
            })
    void aStrayPercentOrAForbiddenCharacterIsEncodedAndNothingElseChanges(String target, String repaired) {
        assertThat(RequestTargetRepair.repair(target)).isEqualTo(repaired);
    }

    @Test
    void controlCharactersAndSpacesAreEncoded() {
        assertThat(RequestTargetRepair.repair("/?a=b c\u0000\t\u007f")).isEqualTo("/?a=b%20c%00%09%7F");
    }

    @Test
    void rawUtf8AsNettyReadsItComesOutAsTheSameTextInUtf8Escapes() {
        Random random = new Random(SEED);
        for (int i = 0; i < 1_000; i++) {
            String text = randomUnicode(random, 1 + random.nextInt(12));
            String asNettyReadsIt = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

            String repaired = RequestTargetRepair.repair("/?q=" + asNettyReadsIt);

            assertThat(UriUtils.decode(repaired.substring("/?q=".length()), StandardCharsets.UTF_8))
                    .as("%s repaired to %s", text, repaired)
                    .isEqualTo(text);
        }
    }

    @Test
    void whateverTheTargetTheRepairedOneParsesAsWebFluxParsesItAndRepairingAgainChangesNothing() {
        Random random = new Random(SEED + 1);
        int repaired = 0;
        for (int i = 0; i < 5_000; i++) {
            String target = "/" + randomTarget(random, random.nextInt(40));

            String result = RequestTargetRepair.repair(target);

            assertThatCode(() -> new URI("http://localhost:8080" + result))
                    .as("%s -> %s", target, result)
                    .doesNotThrowAnyException();
            assertThatCode(() -> UriUtils.decode(result, StandardCharsets.UTF_8))
                    .as(result)
                    .doesNotThrowAnyException();
            assertThat(result.chars().allMatch(c -> c > 0x20 && c < 0x7f))
                    .as("printable ASCII: %s", result)
                    .isTrue();
            assertThat(RequestTargetRepair.repair(result))
                    .as("idempotent on %s", result)
                    .isEqualTo(result);
            if (!result.equals(target)) {
                repaired++;
                assertThat(unescapedStrayPercents(result)).as(result).isZero();
            }
        }
        // Not vacuous: the generator makes both kinds.
        assertThat(repaired).isBetween(500, 4_900);
    }

    @Test
    void aCleanTargetParsesBeforeAndAfterAndStaysTheSame() {
        Random random = new Random(SEED + 2);
        String clean = "abcXYZ019-._~!$&'()*+,;=:@/?";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder target = new StringBuilder("/");
            for (int c = random.nextInt(40); c > 0; c--) {
                if (random.nextInt(8) == 0) {
                    target.append('%')
                            .append("0123456789ABCDEFabcdef".charAt(random.nextInt(22)))
                            .append("0123456789ABCDEFabcdef".charAt(random.nextInt(22)));
                } else {
                    target.append(clean.charAt(random.nextInt(clean.length())));
                }
            }
            assertThat(RequestTargetRepair.repair(target.toString())).isEqualTo(target.toString());
        }
    }

    @Test
    void theHandlerRewritesTheRequestItPassesOn() {
        EmbeddedChannel channel = new EmbeddedChannel(RequestTargetRepair.INSTANCE);

        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/login?next=%zz|x"));
        HttpRequest passedOn = channel.readInbound();

        assertThat(passedOn.uri()).isEqualTo("/login?next=%25zz%7Cx");
        channel.finishAndReleaseAll();
    }

    private static long unescapedStrayPercents(String target) {
        long stray = 0;
        for (int i = target.indexOf('%'); i >= 0; i = target.indexOf('%', i + 1)) {
            if (i + 2 >= target.length()
                    || Character.digit(target.charAt(i + 1), 16) < 0
                    || Character.digit(target.charAt(i + 2), 16) < 0) {
                stray++;
            }
        }
        return stray;
    }

    /** Chars as Netty hands them over (one per byte), biased towards the ones that matter here. */
    private static String randomTarget(Random random, int length) {
        StringBuilder target = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            target.append(
                    random.nextInt(3) == 0
                            ? (char) random.nextInt(0x100)
                            : INTERESTING.charAt(random.nextInt(INTERESTING.length())));
        }
        return target.toString();
    }

    private static String randomUnicode(Random random, int codePoints) {
        StringBuilder text = new StringBuilder();
        while (text.codePointCount(0, text.length()) < codePoints) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> PRINTABLE_ASCII_BUT_PERCENT.charAt(random.nextInt(PRINTABLE_ASCII_BUT_PERCENT.length()));
                case 1 -> 0xa0 + random.nextInt(0x700);
                case 2 -> 0x2000 + random.nextInt(0xb000);
                default -> 0x10000 + random.nextInt(0x20000);
            };
            if (Character.isSurrogate((char) codePoint) && codePoint <= 0xffff) {
                continue;
            }
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }
}
