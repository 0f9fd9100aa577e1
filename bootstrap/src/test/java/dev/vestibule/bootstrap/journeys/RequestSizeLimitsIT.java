package dev.vestibule.bootstrap.journeys;

import static dev.vestibule.bootstrap.support.FormBodies.FORM;
import static dev.vestibule.bootstrap.support.FormBodies.bytes;
import static dev.vestibule.bootstrap.support.FormPosts.assertStillAnonymous;
import static dev.vestibule.bootstrap.support.FormPosts.usersNamed;
import static dev.vestibule.bootstrap.support.SitePages.assertNoInternals;
import static dev.vestibule.bootstrap.support.SitePages.assertSitePage;
import static dev.vestibule.bootstrap.support.SitePages.explanation;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.vestibule.bootstrap.support.FormBodies;
import dev.vestibule.bootstrap.support.FormPosts;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How much the site reads: the whole body (spring.http.codecs.max-in-memory-size, 32 KiB here: 413 page above
 * it), each field of the two public forms (400 page naming the field), and what Netty refuses before the
 * application sees the request (request line, headers).
 */
class RequestSizeLimitsIT {

    private static final int BODY_LIMIT = 32 * 1024;

    private final FormPosts forms = new FormPosts(RunningVestibule.shared());

    private String registeredUser() {
        return forms.registeredUser("Size");
    }

    @ParameterizedTest(name = "chunked: {0}")
    @CsvSource({"false", "true"})
    void aLoginBodyOverTheLimitGetsThe413PageAndSignsNobodyIn(boolean chunked) {
        FormPosts.Form form = forms.login(registeredUser());
        form.fields().put("padding", "x".repeat(2 * 1024 * 1024));

        Page page = form.postBytes(FORM, bytes(form.encoded()), chunked);

        assertThat(page.status()).isEqualTo(413);
        assertThat(page.heading()).isEqualTo("Request too large");
        assertThat(explanation(page)).isEqualTo("The data sent is larger than this site accepts.");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertSitePage(page);
        assertStillAnonymous(form.browser());
    }

    @ParameterizedTest(name = "chunked: {0}")
    @CsvSource({"false", "true"})
    void aRegistrationBodyOverTheLimitGetsThe413PageAndStoresNothing(boolean chunked) {
        String username = uniqueUsername("Huge");
        FormPosts.Form form = forms.registration(username);
        form.fields().put("padding", "x".repeat(2 * 1024 * 1024));

        Page page = form.postBytes(FORM, bytes(form.encoded()), chunked);

        assertThat(page.status()).isEqualTo(413);
        assertSitePage(page);
        assertThat(usersNamed(username)).isZero();
    }

    @Test
    void theBodyLimitIs32KibibytesToTheByte() {
        String username = registeredUser();
        FormPosts.Form atTheLimit = forms.login(username);
        FormPosts.Form overTheLimit = forms.login(username);

        Page read = atTheLimit.post(padded(atTheLimit.fields(), BODY_LIMIT));
        Page refused = overTheLimit.post(padded(overTheLimit.fields(), BODY_LIMIT + 1));

        assertThat(read.status())
                .as("a body of exactly the limit is read: the login goes through")
                .isEqualTo(302);
        assertThat(atTheLimit.browser().open("/").heading()).isEqualTo("Hi, " + username + "!");
        assertThat(refused.status()).isEqualTo(413);
        assertStillAnonymous(overTheLimit.browser());
    }

    /** The form, plus a field outside the contract that brings the body to exactly {@code length} bytes. */
    private static String padded(Map<String, String> fields, int length) {
        String body = FormBodies.encode(fields) + "&padding=";
        return body + "x".repeat(length - body.length());
    }

    static Stream<Arguments> fieldMaximums() {
        return Stream.of(
                arguments("/login", "username", 254),
                arguments("/login", "password", 1024),
                arguments("/login", "next", 2048),
                arguments("/login", "remember-me", 2),
                arguments("/register", "username", 254),
                arguments("/register", "email", 254),
                arguments("/register", "password", 1024),
                arguments("/register", "password2", 1024),
                arguments("/register", "next", 2048));
    }

    @ParameterizedTest(name = "{0} {1} over {2}")
    @MethodSource("fieldMaximums")
    void aFieldOverItsMaximumGetsA400PageNamingItAndIsNotActedOn(String path, String field, int maximum) {
        String username = path.equals("/login") ? registeredUser() : uniqueUsername("Long");
        FormPosts.Form form = forms.complete(path, username);
        form.fields().put(field, valueOfLength(field, maximum + 1));

        Page page = form.post();

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.heading()).isEqualTo("Bad request");
        assertThat(explanation(page))
                .isEqualTo("The field \u201c" + field + "\u201d is longer than " + maximum + " characters.");
        assertSitePage(page);
        assertStillAnonymous(form.browser());
        assertThat(usersNamed(username)).isEqualTo(path.equals("/login") ? 1 : 0);
    }

    @ParameterizedTest(name = "{0} {1} of {2}")
    @MethodSource("fieldMaximums")
    void aFieldAtItsMaximumIsLeftToThePage(String path, String field, int maximum) {
        FormPosts.Form form = forms.complete(path, uniqueUsername("Max"));
        form.fields().put(field, valueOfLength(field, maximum));

        Page page = form.post();

        assertThat(page.status())
                .as("the page's own answer (a redirect or the form with its errors)")
                .isIn(302, 303, 422);
        assertNoInternals(page);
    }

    @Test
    void aNewPasswordBetweenThePolicyMaximumAndTheFieldMaximumGetsThePolicyMessage() {
        String username = uniqueUsername("Verbose");
        String password = "a quiet lantern orbits ".repeat(40).substring(0, 700);

        Page page = forms.newBrowser().register(username, emailOf(username), password);

        assertThat(page.status()).isEqualTo(422);
        assertThat(page.fieldErrors("password")).containsExactly("Password must be at most 256 characters long.");
        assertSitePage(page);
        assertThat(usersNamed(username)).isZero();
    }

    /** Netty answers these before the application sees the request: no page of the site, but no 500 either. */
    @Test
    void aRequestLineOverNettysLimitGetsA414() {
        Page page = forms.newBrowser().get("/?q=" + "a".repeat(5000));

        assertThat(page.status()).isEqualTo(414);
        assertNoInternals(page);
    }

    @Test
    void headersOverNettysLimitGetA431() {
        Page page = forms.newBrowser().getWithHeader("/", "X-Padding", "a".repeat(10_000));

        assertThat(page.status()).isEqualTo(431);
        assertNoInternals(page);
    }

    /** A value of {@code length} characters that is otherwise what the field expects. */
    private static String valueOfLength(String field, int length) {
        return switch (field) {
            case "next" -> "/" + "a".repeat(length - 1);
            case "email" -> "a".repeat(length - "@example.org".length()) + "@example.org";
            case "remember-me" -> "on".repeat(length).substring(0, length);
            default -> "x".repeat(length);
        };
    }
}
