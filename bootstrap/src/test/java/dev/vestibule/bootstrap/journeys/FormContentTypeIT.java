package dev.vestibule.bootstrap.journeys;

import static dev.vestibule.bootstrap.support.FormBodies.FORM;
import static dev.vestibule.bootstrap.support.FormBodies.bytes;
import static dev.vestibule.bootstrap.support.FormPosts.assertStillAnonymous;
import static dev.vestibule.bootstrap.support.FormPosts.usersNamed;
import static dev.vestibule.bootstrap.support.SitePages.assertSitePage;
import static dev.vestibule.bootstrap.support.SitePages.explanation;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.FormBodies;
import dev.vestibule.bootstrap.support.FormPosts;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two public forms take application/x-www-form-urlencoded, as browsers send it, in UTF-8 or
 * ISO-8859-1; anything else is a 415 page, even when it carries valid credentials.
 */
class FormContentTypeIT {

    private static final String NOT_A_FORM =
            "This form must be sent as application/x-www-form-urlencoded, the way browsers send it.";
    private static final String UNREADABLE_CHARSET = "This form must be sent in UTF-8 (or ISO-8859-1).";
    private static final String UNREADABLE_HEADER = "The Content-Type header of this request could not be understood.";

    private final FormPosts forms = new FormPosts(RunningVestibule.shared());

    /** Label, Content-Type (null: none), how the fields are written into the body, what the page says. */
    static Stream<Arguments> wrongContentTypes() {
        return Stream.of(
                arguments("JSON", "application/json", "json", NOT_A_FORM),
                arguments("plain text holding a form", "text/plain", "form", NOT_A_FORM),
                arguments("multipart with garbage", "multipart/form-data; boundary=xyz", "garbage", NOT_A_FORM),
                arguments("multipart holding the fields", "multipart/form-data; boundary=xyz", "multipart", NOT_A_FORM),
                arguments("multipart without a boundary", "multipart/form-data", "form", NOT_A_FORM),
                arguments("XML", "application/xml", "garbage", NOT_A_FORM),
                arguments("octet stream", "application/octet-stream", "form", NOT_A_FORM),
                arguments("no Content-Type at all", null, "form", NOT_A_FORM),
                arguments("a form in UTF-16", FORM + "; charset=UTF-16", "form-utf16", UNREADABLE_CHARSET),
                arguments("a form in UTF-32", FORM + "; charset=UTF-32", "form", UNREADABLE_CHARSET),
                arguments("an unknown charset", FORM + "; charset=no-such-charset", "form", UNREADABLE_HEADER),
                arguments("a header that does not parse", ";;;", "form", UNREADABLE_HEADER),
                arguments("a header without a subtype", "application", "form", UNREADABLE_HEADER));
    }

    @ParameterizedTest(name = "login, {0}")
    @MethodSource("wrongContentTypes")
    void aLoginInAnotherFormatGetsThe415PageAndSignsNobodyIn(
            String label, String contentType, String encoding, String explanation) {
        FormPosts.Form form = forms.login(forms.registeredUser("Type"));

        Page page = form.postBytes(contentType, body(form.fields(), encoding), false);

        assertRefused(page, explanation);
        assertStillAnonymous(form.browser());
    }

    @ParameterizedTest(name = "register, {0}")
    @MethodSource("wrongContentTypes")
    void aSignUpInAnotherFormatGetsThe415PageAndStoresNothing(
            String label, String contentType, String encoding, String explanation) {
        String username = uniqueUsername("Json");
        FormPosts.Form form = forms.registration(username);

        Page page = form.postBytes(contentType, body(form.fields(), encoding), false);

        assertRefused(page, explanation);
        assertThat(usersNamed(username)).isZero();
    }

    @Test
    void anUnreadableContentTypeOnAnyOtherRequestGetsThe415PageToo() {
        Browser browser = forms.newBrowser();

        assertRefused(browser.postBytes("/logout", ";;;", bytes("_csrf=x"), false), UNREADABLE_HEADER);
    }

    @Test
    void aFormDeclaredAsIso88591IsReadInThatCharset() {
        String username = uniqueUsername("Latin");
        String password = "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e 42";
        FormPosts.Form registering = forms.registration(username);
        registering.fields().put("password", password);
        registering.fields().put("password2", password);
        String latin1 = FormBodies.encode(
                StandardCharsets.ISO_8859_1,
                registering.fields().entrySet().stream()
                        .flatMap(field -> Stream.of(field.getKey(), field.getValue()))
                        .toArray(String[]::new));

        Page registered = registering.postBytes(FORM + "; charset=ISO-8859-1", bytes(latin1), false);

        assertThat(registered.status()).isEqualTo(303);
        Browser loggingIn = forms.newBrowser();
        assertThat(loggingIn.logIn(username, password, false).status()).isEqualTo(302);
        assertThat(loggingIn.open("/").heading())
                .as("signed in with the same password sent as UTF-8")
                .isEqualTo("Hi, " + username + "!");
    }

    private static void assertRefused(Page page, String explanation) {
        assertThat(page.status()).isEqualTo(415);
        assertThat(page.heading()).isEqualTo("Unsupported form encoding");
        assertThat(explanation(page)).isEqualTo(explanation);
        assertSitePage(page);
    }

    private static byte[] body(Map<String, String> fields, String encoding) {
        return switch (encoding) {
            case "form" -> bytes(FormBodies.encode(fields));
            case "form-utf16" -> FormBodies.encode(fields).getBytes(StandardCharsets.UTF_16);
            case "json" -> {
                StringBuilder json = new StringBuilder("{");
                fields.forEach((name, value) -> json.append(json.length() > 1 ? "," : "")
                        .append('"')
                        .append(name)
                        .append("\":\"")
                        .append(value)
                        .append('"'));
                yield json.append('}').toString().getBytes(StandardCharsets.UTF_8);
            }
            case "multipart" -> {
                StringBuilder multipart = new StringBuilder();
                fields.forEach((name, value) -> multipart
                        .append("--xyz\r\nContent-Disposition: form-data; name=\"")
                        .append(name)
                        .append("\"\r\n\r\n")
                        .append(value)
                        .append("\r\n"));
                yield multipart.append("--xyz--\r\n").toString().getBytes(StandardCharsets.UTF_8);
            }
            default -> "--xyz\r\n\u0000\u00ff garbage \r\n--".getBytes(StandardCharsets.ISO_8859_1);
        };
    }
}
