package dev.vestibule.bootstrap.journeys;

import static dev.vestibule.bootstrap.support.FormBodies.FORM;
import static dev.vestibule.bootstrap.support.SitePages.assertNoInternals;
import static dev.vestibule.bootstrap.support.SitePages.assertSitePage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.FormPosts;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seeded random bodies posted to the two public forms, each with a fresh CSRF token in most cases so that
 * they get past the token check: random bytes, random (often broken) percent-escapes, and well-encoded
 * fields sent any number of times with values around their limits. Whatever comes, the answer is a page
 * of the site or a redirect, never a 5xx or a glimpse of the machinery, a login never succeeds by
 * accident, and a user is stored exactly when the answer says so. A failing case names its seed and
 * index: the same case comes back on the next run.
 */
class GeneratedFormInputIT {

    private static final long SEED = 0x5EED_F0A4L;
    private static final int CASES = 100;
    private static final List<String> CONTRACT =
            List.of("username", "email", "password", "password2", "next", "remember-me", "_csrf");
    private static final List<String> ESCAPE_FRAGMENTS = List.of(
            "%",
            "%z",
            "%zz",
            "%2",
            "%G0",
            "%C3",
            "%C3%A9",
            "%E2%82",
            "%E2%82%AC",
            "%F0%9F%98%80",
            "%FF%FE",
            "%C0%AF",
            "%ED%A0%80",
            "%00",
            "%0A",
            "%0D%0A",
            "%7F",
            "%25",
            "%2525",
            "%26",
            "%3D",
            "%2F%2F",
            "+",
            "++",
            "=",
            "==",
            "&",
            "a",
            "Alice",
            "@",
            ".",
            "-",
            "x@y.org",
            "/top-secret",
            "\u00e9",
            "\u20ac",
            " ",
            "%20",
            "%u0041");

    private final FormPosts forms = new FormPosts(RunningVestibule.shared());

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({
        "random bytes, /login", "random bytes, /register",
        "percent-escape soup, /login", "percent-escape soup, /register",
        "fields any number of times, /login", "fields any number of times, /register"
    })
    void whateverIsPostedTheAnswerIsAPageOrARedirectAndNothingIsStoredUnannounced(String generator, String path) {
        Random random = new Random(SEED + generator.hashCode() + path.hashCode());
        long usersBefore = FormPosts.users();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int registered = 0;
        for (int i = 0; i < CASES; i++) {
            Browser browser = forms.newBrowser();
            String token = random.nextInt(10) < 8 ? browser.csrfToken(path) : "not-the-token";
            byte[] body = switch (generator) {
                case "random bytes" -> randomBytes(random, token);
                case "percent-escape soup" -> percentSoup(random, token).getBytes(StandardCharsets.ISO_8859_1);
                default -> anyMultiplicity(random, token).getBytes(StandardCharsets.ISO_8859_1);
            };
            String contentType = switch (random.nextInt(6)) {
                case 0 -> FORM + "; charset=UTF-8";
                case 1 -> FORM + "; charset=ISO-8859-1";
                default -> FORM;
            };
            String described = "case " + i + " of " + generator + " (seed " + SEED + "), " + contentType + ": "
                    + new String(body, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", "\u00bf");

            Page page = browser.postBytes(path, contentType, body, false);

            statuses.merge(page.status(), 1, Integer::sum);
            assertThat(page.status()).as(described).isIn(302, 303, 400, 403, 413, 415, 422, 429);
            if (page.isRedirect()) {
                String location = page.location().orElseThrow();
                if (path.equals("/login")) {
                    assertThat(location)
                            .as("nobody signs in by accident: " + described)
                            .startsWith("/login");
                } else {
                    registered++;
                }
            } else {
                assertSitePage(page);
            }
            assertNoInternals(page);
        }
        assertThat(FormPosts.users() - usersBefore)
                .as("users stored, against sign-ups the site announced")
                .isEqualTo(registered);
        // Not vacuous: some cases got past every check to the page itself, and some were refused.
        assertThat(statuses).as("answers by status").containsKey(400);
        assertThat(statuses.getOrDefault(302, 0)
                        + statuses.getOrDefault(303, 0)
                        + statuses.getOrDefault(422, 0)
                        // A throttled login (429) also got past every input check to the login logic.
                        + statuses.getOrDefault(429, 0))
                .as("answers by the page: " + statuses)
                .isPositive();
    }

    /** Random bytes, biased towards the characters a form parser cares about; most after a valid token. */
    private static byte[] randomBytes(Random random, String token) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (random.nextBoolean()) {
            body.writeBytes(("_csrf=" + token + "&").getBytes(StandardCharsets.US_ASCII));
        }
        byte[] special = "%&=+".getBytes(StandardCharsets.US_ASCII);
        int length = random.nextInt(400);
        for (int i = 0; i < length; i++) {
            body.write(random.nextInt(4) == 0 ? special[random.nextInt(special.length)] : random.nextInt(256));
        }
        if (random.nextInt(4) == 0) {
            body.writeBytes(("&username=" + CONTRACT.get(random.nextInt(CONTRACT.size())) + "&password=x")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        return body.toByteArray();
    }

    /** Fields of the contract (and others) whose names and values are strings of escape fragments, valid or not. */
    private static String percentSoup(Random random, String token) {
        List<String> pairs = new ArrayList<>();
        pairs.add("_csrf=" + token);
        int fields = 1 + random.nextInt(7);
        for (int f = 0; f < fields; f++) {
            String name = random.nextInt(4) == 0 ? soup(random, 3) : CONTRACT.get(random.nextInt(CONTRACT.size() - 1));
            pairs.add(random.nextInt(10) == 0 ? name : name + "=" + soup(random, 1 + random.nextInt(12)));
        }
        Collections.shuffle(pairs, random);
        String separator = random.nextInt(8) == 0 ? "&&" : "&";
        return new String(String.join(separator, pairs).getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static String soup(Random random, int fragments) {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < fragments; i++) {
            value.append(ESCAPE_FRAGMENTS.get(random.nextInt(ESCAPE_FRAGMENTS.size())));
        }
        return value.toString();
    }

    /** Well-encoded fields, each present zero to three times, with values from plausible to hostile. */
    private static String anyMultiplicity(Random random, String token) {
        List<String> pairs = new ArrayList<>();
        String password = value(random, "password");
        for (String field : CONTRACT) {
            int times = switch (random.nextInt(8)) {
                case 0 -> 0;
                case 1 -> 2;
                case 2 -> 3;
                default -> 1;
            };
            for (int t = 0; t < times; t++) {
                String value = switch (field) {
                    case "_csrf" -> token;
                    case "password", "password2" -> random.nextInt(3) == 0 ? value(random, field) : password;
                    default -> value(random, field);
                };
                pairs.add(field + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        Collections.shuffle(pairs, random);
        return String.join("&", pairs);
    }

    private static String value(Random random, String field) {
        String unique = Long.toHexString(random.nextLong() & 0xffffffffL);
        return switch (random.nextInt(9)) {
            case 0 -> "";
            case 1 -> "gen-" + unique;
            case 2 -> "gen-" + unique + "@example.org";
            case 3 -> "quiet lantern orbit " + unique;
            case 4 -> "x".repeat(random.nextInt(1100));
            case 5 -> "gen\u0000" + unique;
            case 6 -> "gen-" + unique + "\u0001\t\n";
            case 7 -> field.equals("next") ? "/top-secret" : "on";
            default -> new String(Character.toChars(0x80 + random.nextInt(0x2FF80))) + unique;
        };
    }
}
