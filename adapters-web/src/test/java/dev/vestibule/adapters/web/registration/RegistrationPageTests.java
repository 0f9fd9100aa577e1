package dev.vestibule.adapters.web.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.web.Browser;
import dev.vestibule.adapters.web.Page;
import dev.vestibule.adapters.web.TestUsers;
import dev.vestibule.adapters.web.TestUsers.TestUser;
import dev.vestibule.adapters.web.WebAdapterTest;
import dev.vestibule.domain.port.in.RegisterUser;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriUtils;

@WebAdapterTest
class RegistrationPageTests {

    static final String WELCOME = "Congratulations, you are now a registered user!";
    static final String PASSWORD = "amber tiger lantern 7";

    @Autowired
    WebTestClient client;

    @Autowired
    RegisterUser registerUser;

    @Test
    void registrationFormThenHasLabelledFieldsWithTheRightAutocompleteAndCsrfToken() {
        Page page = new Browser(client).get("/register");

        assertThat(page.statusCode()).isEqualTo(200);
        Element form = page.document().selectFirst("main form");
        assertThat(form.attr("method")).isEqualToIgnoringCase("post");
        assertThat(form.attr("action")).isEqualTo("/register");
        assertField(form, "username", "text", "username", "Username");
        assertField(form, "email", "email", "email", "Email");
        assertField(form, "password", "password", "new-password", "Password");
        assertField(form, "password2", "password", "new-password", "Repeat password");
        assertThat(form.select("input[type=hidden][name=_csrf]")).hasSize(1);
        assertThat(form.select("input[name=next]")).isEmpty();
        assertThat(form.select("[aria-invalid], .field-error")).isEmpty();
    }

    @Test
    void registerWhenEveryFieldInvalidThen422WithEachErrorNextToItsField() {
        Browser browser = new Browser(client);

        Page page = register(browser, "x!y", "not-an-email", "short1", "different1", null);

        assertThat(page.statusCode()).isEqualTo(422);
        Document document = page.document();
        assertThat(errorsOf(document, "username"))
                .containsExactly("Username may contain only letters, digits, '.', '_' and '-'.");
        assertThat(errorsOf(document, "email"))
                .containsExactly("Please enter a valid email address, like name@example.com.");
        assertThat(errorsOf(document, "password")).containsExactly("Password must be at least 15 characters long.");
        assertThat(errorsOf(document, "password2")).containsExactly("The two passwords do not match.");
        assertThat(document.select("input[aria-invalid=true]").eachAttr("name"))
                .containsExactly("username", "email", "password", "password2");
        assertThat(document.select(".field.invalid")).hasSize(4);
        assertThat(document.selectFirst("input[name=username]").val()).isEqualTo("x!y");
        assertThat(document.selectFirst("input[name=email]").val()).isEqualTo("not-an-email");
        assertPasswordsNotEchoed(page, "short1", "different1");
        assertThat(page.showsSignedIn()).isFalse();
        assertThat(page.document().select("input[type=hidden][name=_csrf]")).hasSize(1);
    }

    @Test
    void registerWhenOnlyThePasswordIsCommonThenOnlyThePasswordFieldComplains() {
        Browser browser = new Browser(client);
        String username = TestUsers.uniqueName("Common");

        Page page =
                register(browser, username, username + "@example.com", "Password123456789", "Password123456789", null);

        assertThat(page.statusCode()).isEqualTo(422);
        Document document = page.document();
        assertThat(errorsOf(document, "password"))
                .containsExactly(
                        "This password is too common: it is on lists that attackers try first. Please choose another.");
        assertThat(document.select("input[aria-invalid=true]").eachAttr("name")).containsExactly("password");
        assertThat(document.selectFirst("input[name=username]").val()).isEqualTo(username);
        assertThat(document.selectFirst("input[name=email]").val()).isEqualTo(username + "@example.com");
        assertPasswordsNotEchoed(page, "Password123456789");
    }

    @Test
    void registerWhenNothingFilledInThenEveryFieldAsksForAValue() {
        Page page = register(new Browser(client), "", "", "", "", null);

        assertThat(page.statusCode()).isEqualTo(422);
        Document document = page.document();
        assertThat(errorsOf(document, "username")).containsExactly("Please choose a username.");
        assertThat(errorsOf(document, "email")).containsExactly("Please enter your email address.");
        assertThat(errorsOf(document, "password")).containsExactly("Please choose a password.");
    }

    @Test
    void registerWhenValuesContainMarkupThenTheyComeBackEscaped() {
        String markup = "\"><script>alert(1)</script>";

        Page page = register(new Browser(client), markup, markup + "@x", PASSWORD, PASSWORD, null);

        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.document().select("script")).isEmpty();
        assertThat(page.body()).doesNotContain("<script>");
        assertThat(page.document().selectFirst("input[name=username]").val()).isEqualTo(markup);
    }

    @Test
    void registerWhenValidThenSignedInAndWelcomedOnce() {
        Browser browser = new Browser(client);
        String username = TestUsers.uniqueName("Greta");
        Page form = browser.get("/register");
        assertThat(browser.cookie("SESSION"))
                .as("no session for reading a form")
                .isEmpty();

        Page registered = browser.post(
                "/register", fields(form.csrfToken(), username, username + "@example.com", PASSWORD, PASSWORD, null));

        assertThat(registered.location()).isEqualTo("/");
        assertThat(browser.cookie("SESSION"))
                .as("a session from the sign-in on")
                .isPresent();
        Page home = browser.follow(registered);
        assertThat(home.heading()).isEqualTo("Hi, " + username + "!");
        assertThat(home.flashes()).containsExactly(WELCOME);
        assertThat(home.document().select("[role=status]").eachText()).containsExactly(WELCOME);
        Page reloaded = browser.get("/");
        assertThat(reloaded.flashes()).isEmpty();
        assertThat(reloaded.heading()).isEqualTo("Hi, " + username + "!");
    }

    @Test
    void registerThenTheNewUserCanLogInWithTheChosenPassword() {
        String username = TestUsers.uniqueName("Ivo");
        register(new Browser(client), username, username + "@example.com", PASSWORD, PASSWORD, null);
        Browser elsewhere = new Browser(client);

        Page loggedIn = elsewhere.logIn(username, PASSWORD, false, null);

        assertThat(elsewhere.follow(loggedIn).heading()).isEqualTo("Hi, " + username + "!");
    }

    @Test
    void registerWhenUsernameTakenInAnotherCaseThenFieldErrorAndNothingElse() {
        TestUser existing = TestUsers.registered(registerUser, "Dora");
        String sameNameShouted = existing.username().toUpperCase(Locale.ROOT);

        Page page =
                register(new Browser(client), sameNameShouted, "other-" + existing.email(), PASSWORD, PASSWORD, null);

        assertThat(page.statusCode()).isEqualTo(422);
        Document document = page.document();
        assertThat(errorsOf(document, "username"))
                .containsExactly("That username is already taken. Please choose another.");
        assertThat(document.select("input[aria-invalid=true]").eachAttr("name")).containsExactly("username");
        assertThat(document.selectFirst("input[name=username]").val()).isEqualTo(sameNameShouted);
        assertPasswordsNotEchoed(page, PASSWORD);
    }

    @Test
    void registerWhenEmailTakenInAnotherCaseThenFieldErrorOnEmail() {
        TestUser existing = TestUsers.registered(registerUser, "Emil");

        Page page = register(
                new Browser(client),
                TestUsers.uniqueName("Other"),
                existing.email().toUpperCase(Locale.ROOT),
                PASSWORD,
                PASSWORD,
                null);

        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(errorsOf(page.document(), "email"))
                .containsExactly("An account with this email address already exists.");
        assertThat(page.document().select("input[aria-invalid=true]").eachAttr("name"))
                .containsExactly("email");
    }

    @Test
    void registrationFormWhenNextIsAPathOnThisSiteThenCarriesItAndRegisteringGoesThere() {
        Browser browser = new Browser(client);
        Page form = browser.get("/register?next=/top-secret");
        assertThat(form.document().select("input[type=hidden][name=next]").eachAttr("value"))
                .containsExactly("/top-secret");
        String username = TestUsers.uniqueName("Nextly");

        Page registered = browser.post(
                "/register",
                fields(form.csrfToken(), username, username + "@example.com", PASSWORD, PASSWORD, "/top-secret"));

        assertThat(registered.location()).isEqualTo("/top-secret");
        Page secret = browser.follow(registered);
        assertThat(secret.statusCode()).isEqualTo(200);
        assertThat(secret.heading()).isEqualTo("Top secret");
    }

    @Test
    void registerWhenRejectedThenKeepsTheSafeNextForTheNextTry() {
        Page page = register(new Browser(client), "x!y", "x@example.com", PASSWORD, PASSWORD, "/top-secret");

        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.document().select("input[type=hidden][name=next]").eachAttr("value"))
                .containsExactly("/top-secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.com", "https://evil.com", "/\\evil.com", "/%2F%2Fevil.com"})
    void registerWhenNextIsHostileThenIgnoresItEverywhere(String next) {
        Browser browser = new Browser(client);
        Page form = browser.get("/register?next=" + UriUtils.encode(next, StandardCharsets.UTF_8));
        assertThat(form.document().select("input[name=next]")).isEmpty();
        String username = TestUsers.uniqueName("Hostile");

        Page rejected = browser.post("/register", fields(form.csrfToken(), "x!y", "", PASSWORD, PASSWORD, next));
        assertThat(rejected.document().select("input[name=next]")).isEmpty();
        Page registered = browser.post(
                "/register",
                fields(rejected.csrfToken(), username, username + "@example.com", PASSWORD, PASSWORD, next));

        assertThat(registered.location()).isEqualTo("/");
    }

    @Test
    void registerWithoutCsrfTokenThenForbiddenAndNobodyRegistered() {
        Browser browser = new Browser(client);
        browser.get("/register");
        String username = TestUsers.uniqueName("NoToken");

        Page refused =
                browser.post("/register", fields(null, username, username + "@example.com", PASSWORD, PASSWORD, null));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.heading()).isEqualTo("Forbidden");
        Page retry = register(new Browser(client), username, username + "@example.com", PASSWORD, PASSWORD, null);
        assertThat(retry.location()).as("the name is still free").isEqualTo("/");
    }

    /** Opens the form in {@code browser} and posts it with the token it rendered. */
    private static Page register(
            Browser browser, String username, String email, String password, String password2, String next) {
        Page form = browser.get("/register");
        return browser.post("/register", fields(form.csrfToken(), username, email, password, password2, next));
    }

    private static Map<String, String> fields(
            String csrf, String username, String email, String password, String password2, String next) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", csrf);
        fields.put("username", username);
        fields.put("email", email);
        fields.put("password", password);
        fields.put("password2", password2);
        fields.put("next", next);
        return fields;
    }

    private static void assertField(Element form, String name, String type, String autocomplete, String label) {
        Element input = form.selectFirst("input[name=" + name + "]");
        assertThat(input).as(name).isNotNull();
        assertThat(input.attr("type")).as(name).isEqualTo(type);
        assertThat(input.attr("autocomplete")).as(name).isEqualTo(autocomplete);
        assertThat(form.select("label[for=" + input.id() + "]").text()).as(name).isEqualTo(label);
    }

    /**
     * The errors shown with a field: in the field's own container, inside the element its aria-describedby
     * names. Read from the DOM as a browser builds it, so markup the parser would move (a p inside a p)
     * fails here.
     */
    private static List<String> errorsOf(Document document, String name) {
        Element input = document.selectFirst("input[name=" + name + "]");
        assertThat(input.attr("aria-invalid")).as(name + " aria-invalid").isEqualTo("true");
        Element field = input.parent();
        assertThat(field.hasClass("invalid")).as(name + " field styled invalid").isTrue();
        Element described = document.getElementById(name + "-errors");
        assertThat(input.attr("aria-describedby").split(" "))
                .as(name + " aria-describedby")
                .contains(name + "-errors");
        assertThat(described.parent())
                .as("errors sit in the field's own container")
                .isEqualTo(field);
        return described.select(".field-error").eachText();
    }

    private static void assertPasswordsNotEchoed(Page page, String... passwords) {
        Document document = page.document();
        assertThat(document.select("input[type=password]").eachAttr("value")).allMatch(String::isEmpty);
        for (String password : passwords) {
            assertThat(page.body()).doesNotContain(password);
        }
    }
}
