package dev.vestibule.bootstrap.journeys;

import static dev.vestibule.bootstrap.support.FormBodies.FORM;
import static dev.vestibule.bootstrap.support.FormBodies.bytes;
import static dev.vestibule.bootstrap.support.FormPosts.assertStillAnonymous;
import static dev.vestibule.bootstrap.support.FormPosts.usersNamed;
import static dev.vestibule.bootstrap.support.FormPosts.usersWithEmail;
import static dev.vestibule.bootstrap.support.SitePages.assertSitePage;
import static dev.vestibule.bootstrap.support.SitePages.explanation;
import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.FormBodies;
import dev.vestibule.bootstrap.support.FormPosts;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fields of the two public forms, as sent: NUL characters, fields sent twice, fields left out.
 * Refusals are 400 pages naming the field; what the form itself can answer stays a field error.
 */
class FormFieldContractIT {

    private static final String REJECTED = "Invalid username or password.";

    private final FormPosts forms = new FormPosts(RunningVestibule.shared());

    private String registeredUser() {
        return forms.registeredUser("Field");
    }

    private static void assertRefused(Page page, String explanation) {
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.heading()).isEqualTo("Bad request");
        assertThat(explanation(page)).isEqualTo(explanation);
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertSitePage(page);
    }

    /** PostgreSQL refuses NUL in text: without the guard this login would end in a database error. */
    @Test
    void aNulInTheLoginNameGetsA400PageNotADatabaseError() {
        FormPosts.Form form = forms.login(registeredUser() + "\u0000");

        Page page = form.post();

        assertRefused(page, "The field \u201cusername\u201d contains a NUL character, which no field accepts.");
        assertStillAnonymous(form.browser());
    }

    @Test
    void aNulInTheLoginPasswordGetsA400Page() {
        FormPosts.Form form = forms.login(registeredUser());
        form.fields().put("password", PASSWORD + "\u0000");

        assertRefused(form.post(), "The field \u201cpassword\u201d contains a NUL character, which no field accepts.");
        assertStillAnonymous(form.browser());
    }

    @ParameterizedTest
    @ValueSource(strings = {"username", "email", "password", "password2", "next"})
    void aNulInAnyRegistrationFieldGetsA400PageAndNothingIsStored(String field) {
        String username = uniqueUsername("Nul");
        FormPosts.Form form = forms.registration(username);
        Map<String, String> fields = form.fields();
        fields.put(field, fields.getOrDefault(field, "/top-secret") + "\u0000");
        if (field.equals("password")) {
            fields.put("password2", fields.get("password"));
        }

        assertRefused(
                form.post(), "The field \u201c" + field + "\u201d contains a NUL character, which no field accepts.");
        assertThat(usersNamed(username)).isZero();
        assertThat(usersWithEmail(emailOf(username))).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab\u0001cd", "tab\there", "line\nbreak", "esc\u001b[31m", "del\u007f", "nel\u0085x"})
    void otherControlCharactersInANewUsernameGetTheUsernameRuleMessage(String username) {
        Page page = forms.newBrowser().register(username, "ctl-" + System.nanoTime() + "@example.org", PASSWORD);

        assertThat(page.status()).isEqualTo(422);
        assertThat(page.fieldErrors("username"))
                .containsExactly("Username may contain only letters, digits, '.', '_' and '-'.");
        assertSitePage(page);
        assertThat(usersNamed(username)).isZero();
    }

    @Test
    void controlCharactersInTheLoginNameAreAnUnknownUser() {
        String username = registeredUser();
        Browser browser = forms.newBrowser();

        Page response = browser.logIn(username + "\u0001", PASSWORD, false);

        assertThat(response.status()).isEqualTo(302);
        assertThat(browser.follow(response).flashes()).containsExactly(REJECTED);
    }

    @CsvSource({
        "/login, username",
        "/login, password",
        "/login, remember-me",
        "/login, next",
        "/login, _csrf",
        "/register, username",
        "/register, email",
        "/register, password",
        "/register, password2",
        "/register, next",
        "/register, _csrf"
    })
    @ParameterizedTest(name = "{0} {1}")
    void aContractFieldSentTwiceGetsA400PageEvenWithTheSameValue(String path, String field) {
        String username = path.equals("/login") ? registeredUser() : uniqueUsername("Twice");
        FormPosts.Form form = forms.complete(path, username);
        form.fields().putIfAbsent(field, field.equals("remember-me") ? "on" : "/top-secret");
        String body =
                form.encoded() + "&" + FormBodies.encode(field, form.fields().get(field));

        assertRefused(form.post(body), "The field \u201c" + field + "\u201d was sent more than once.");
        assertStillAnonymous(form.browser());
        assertThat(usersNamed(username)).isEqualTo(path.equals("/login") ? 1 : 0);
    }

    @Test
    void twoDifferentUsernamesInOneSignUpStoreNeither() {
        String first = uniqueUsername("First");
        String second = uniqueUsername("Second");
        FormPosts.Form form = forms.registration(first);
        String body = form.encoded() + "&" + FormBodies.encode("username", second);

        assertRefused(form.post(body), "The field \u201cusername\u201d was sent more than once.");
        assertThat(usersNamed(first) + usersNamed(second)).isZero();
    }

    @Test
    void aSignUpWithNothingButTheTokenGetsAFieldErrorOnEachField() {
        Browser browser = forms.newBrowser();

        Page page = browser.postBytes(
                "/register", FORM, bytes(FormBodies.encode("_csrf", browser.csrfToken("/register"))), false);

        assertThat(page.status()).isEqualTo(422);
        assertThat(page.fieldErrors("username")).containsExactly("Please choose a username.");
        assertThat(page.fieldErrors("email")).containsExactly("Please enter your email address.");
        assertThat(page.fieldErrors("password")).containsExactly("Please choose a password.");
        assertSitePage(page);
    }

    @ParameterizedTest
    @ValueSource(strings = {"username", "email", "password", "password2"})
    void aSignUpMissingOneFieldGetsAFieldErrorAndStoresNothing(String missing) {
        String username = uniqueUsername("Missing");
        FormPosts.Form form = forms.registration(username);
        form.fields().remove(missing);

        Page page = form.post();

        assertThat(page.status()).isEqualTo(422);
        List<String> errors = new ArrayList<>();
        for (String field : List.of("username", "email", "password", "password2")) {
            errors.addAll(page.fieldErrors(field));
        }
        assertThat(errors).as("field errors").isNotEmpty();
        assertSitePage(page);
        assertThat(usersNamed(username)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"username", "password", "both"})
    void aLoginMissingItsNameOrPasswordGetsTheUsualRejection(String missing) {
        FormPosts.Form form = forms.login(registeredUser());
        if (!missing.equals("password")) {
            form.fields().remove("username");
        }
        if (!missing.equals("username")) {
            form.fields().remove("password");
        }

        Page response = form.post();

        assertThat(response.status()).isEqualTo(302);
        Page loginPage = form.browser().follow(response);
        assertThat(loginPage.flashes()).containsExactly(REJECTED);
        assertSitePage(loginPage);
        assertStillAnonymous(form.browser());
    }
}
