package dev.vestibule.adapters.web.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.web.Browser;
import dev.vestibule.adapters.web.Page;
import dev.vestibule.adapters.web.TestUsers;
import dev.vestibule.adapters.web.TestUsers.TestUser;
import dev.vestibule.adapters.web.WebAdapterTest;
import dev.vestibule.domain.port.in.RegisterUser;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriUtils;

@WebAdapterTest
class LoginPageTests {

    static final String REJECTED = "Invalid username or password.";

    @Autowired
    WebTestClient client;

    @Autowired
    RegisterUser registerUser;

    @Test
    void loginFormThenHasLabelledFieldsWithAutocompleteRememberMeAndCsrfToken() {
        Page page = new Browser(client).get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        Document document = page.document();
        assertThat(document.title()).isEqualTo("Log In · Vestibule");
        Element form = document.selectFirst("main form");
        assertThat(form).isNotNull();
        assertThat(form.attr("method")).isEqualToIgnoringCase("post");
        assertThat(form.attr("action")).isEqualTo("/login");

        Element username = form.selectFirst("input[name=username]");
        assertThat(username.attr("type")).isEqualTo("text");
        // issue 14: passkey autofill (conditional mediation) offers passkeys in this field's suggestions too.
        assertThat(username.attr("autocomplete")).isEqualTo("username webauthn");
        assertThat(form.select("label[for=" + username.id() + "]").text()).isEqualTo("Username or email");

        Element password = form.selectFirst("input[name=password]");
        assertThat(password.attr("type")).isEqualTo("password");
        assertThat(password.attr("autocomplete")).isEqualTo("current-password");
        assertThat(form.select("label[for=" + password.id() + "]").text()).isEqualTo("Password");

        Element rememberMe = form.selectFirst("input[name=remember-me]");
        assertThat(rememberMe.attr("type")).isEqualTo("checkbox");
        assertThat(rememberMe.val()).isEqualTo("on");
        assertThat(rememberMe.hasAttr("checked")).isFalse();
        assertThat(form.select("label[for=" + rememberMe.id() + "]").text()).isEqualTo("Remember me");

        assertThat(form.select("input[type=hidden][name=_csrf]")).hasSize(1);
        assertThat(form.select("input[name=next]")).isEmpty();
        assertThat(form.select("button[type=submit]").text()).isEqualTo("Log In");
    }

    @Test
    void loginFormWhenNextIsAPathOnThisSiteThenCarriesItInAHiddenField() {
        Document page = new Browser(client).get("/login?next=/top-secret").document();

        assertThat(page.select("main form input[type=hidden][name=next]").eachAttr("value"))
                .containsExactly("/top-secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/pages/caf\u00e9", "/pages/caf%C3%A9"})
    void loginFormWhenNextHasNonAsciiCharactersThenCarriesItPercentEncoded(String next) {
        Document page = new Browser(client)
                .get("/login?next=" + UriUtils.encode(next, StandardCharsets.UTF_8))
                .document();

        assertThat(page.select("main form input[type=hidden][name=next]").eachAttr("value"))
                .containsExactly("/pages/caf%C3%A9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.com", "https://evil.com", "/\\evil.com", "/%2F%2Fevil.com", "javascript:alert(1)"})
    void loginFormWhenNextIsHostileThenLeavesItOut(String next) {
        Page page = new Browser(client).get("/login?next=" + UriUtils.encode(next, StandardCharsets.UTF_8));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.document().select("input[name=next]")).isEmpty();
        assertThat(page.body()).doesNotContain("evil.com").doesNotContain("javascript:");
    }

    @Test
    void loginWhenPasswordWrongThenBackToLoginWithNextAndOneNeutralMessageShownOnce() {
        TestUser user = TestUsers.registered(registerUser, "Wanda");
        Browser browser = new Browser(client);

        Page rejected = browser.logIn(user.username(), "not her password 1", false, "/top-secret");

        assertThat(rejected.location()).isEqualTo("/login?next=/top-secret");
        Page again = browser.follow(rejected);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.flashes()).containsExactly(REJECTED);
        assertThat(again.document().select("[role=alert]").eachText()).containsExactly(REJECTED);
        assertThat(again.document().selectFirst("input[name=username]").val()).isEqualTo(user.username());
        assertThat(again.document().selectFirst("input[name=password]").val()).isEmpty();
        assertThat(again.body()).doesNotContain("not her password 1");
        assertThat(again.document().select("input[name=next]").eachAttr("value"))
                .containsExactly("/top-secret");
        assertThat(again.showsSignedIn()).isFalse();

        Page reloaded = browser.get(rejected.location());
        assertThat(reloaded.flashes()).isEmpty();
        assertThat(reloaded.document().selectFirst("input[name=username]").val())
                .isEmpty();
    }

    @Test
    void loginWhenUserUnknownThenExactlyTheSameAnswerAsForAWrongPassword() {
        TestUser user = TestUsers.registered(registerUser, "Kim");
        Browser knownUser = new Browser(client);
        Browser unknownUser = new Browser(client);

        Page wrongPassword = knownUser.logIn(user.username(), "wrong password 2", false, "/top-secret");
        Page noSuchUser = unknownUser.logIn("nobody-" + user.username(), "wrong password 2", false, "/top-secret");

        assertThat(noSuchUser.status()).isEqualTo(wrongPassword.status());
        assertThat(noSuchUser.location()).isEqualTo(wrongPassword.location());
        assertThat(noSuchUser.cookies().keySet())
                .isEqualTo(wrongPassword.cookies().keySet());
        Page afterWrongPassword = knownUser.follow(wrongPassword);
        Page afterNoSuchUser = unknownUser.follow(noSuchUser);
        assertThat(withoutTokenAndName(afterNoSuchUser)).isEqualTo(withoutTokenAndName(afterWrongPassword));
        assertThat(afterNoSuchUser.flashes()).containsExactly(REJECTED);
    }

    @Test
    void loginWhenPasswordRightThenRedirectsToNextAndGreets() {
        TestUser user = TestUsers.registered(registerUser, "Nina");
        Browser browser = new Browser(client);

        Page loggedIn = browser.logIn(user.username(), user.password(), false, "/top-secret");

        assertThat(loggedIn.location()).isEqualTo("/top-secret");
        Page secret = browser.follow(loggedIn);
        assertThat(secret.statusCode()).isEqualTo(200);
        assertThat(secret.heading()).isEqualTo("Top secret");
        assertThat(secret.flashes()).containsExactly("Welcome back, " + user.username() + "!");
    }

    @Test
    void loginWhenNoNextThenRedirectsHome() {
        TestUser user = TestUsers.registered(registerUser, "Omar");
        Browser browser = new Browser(client);

        Page loggedIn = browser.logIn(user);

        assertThat(loggedIn.location()).isEqualTo("/");
        assertThat(browser.follow(loggedIn).heading()).isEqualTo("Hi, " + user.username() + "!");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/pages/caf\u00e9", "/pages/caf%C3%A9"})
    void loginWhenNextHasNonAsciiCharactersThenRedirectsThereInItsEncodedForm(String next) {
        TestUser user = TestUsers.registered(registerUser, "Cleo");
        Browser browser = new Browser(client);

        Page loggedIn = browser.logIn(user.username(), user.password(), false, next);

        assertThat(loggedIn.location()).isEqualTo("/pages/caf%C3%A9");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "//evil.com",
                "https://evil.com",
                "/\\evil.com",
                "/%2F%2Fevil.com",
                "/%5Cevil.com",
                "http:evil.com",
                "/\t/evil.com",
                "/%0d%0aSet-Cookie:x=y",
                "evil.com"
            })
    void loginWhenNextIsHostileThenRedirectsHomeInstead(String next) {
        TestUser user = TestUsers.registered(registerUser, "Hugo");
        Browser browser = new Browser(client);

        Page loggedIn = browser.logIn(user.username(), user.password(), false, next);

        assertThat(loggedIn.location()).isEqualTo("/");
        assertThat(loggedIn.headers().get("Set-Cookie")).noneMatch(header -> header.startsWith("x="));
    }

    @Test
    void loginWhenEmailTypedInAnotherCaseThenSignedIn() {
        TestUser user = TestUsers.registered(registerUser, "Esme");
        Browser browser = new Browser(client);

        Page loggedIn = browser.logIn("  " + user.email().toUpperCase(Locale.ROOT) + " ", user.password(), false, null);

        assertThat(loggedIn.location()).isEqualTo("/");
        assertThat(browser.follow(loggedIn).heading()).isEqualTo("Hi, " + user.username() + "!");
    }

    @Test
    void loginWhenUsernameTypedInAnotherCaseThenSignedInUnderTheRegisteredSpelling() {
        TestUser user = TestUsers.registered(registerUser, "MixedCase");
        Browser browser = new Browser(client);

        Page loggedIn = browser.logIn(user.username().toLowerCase(Locale.ROOT), user.password(), false, null);

        assertThat(browser.follow(loggedIn).heading()).isEqualTo("Hi, " + user.username() + "!");
    }

    @Test
    void loginWhenPasswordInAnotherCaseThenRejected() {
        TestUser user = TestUsers.registered(registerUser, "Case");
        Browser browser = new Browser(client);

        Page rejected = browser.logIn(user.username(), user.password().toUpperCase(Locale.ROOT), false, null);

        assertThat(rejected.location()).isEqualTo("/login");
        assertThat(browser.follow(rejected).flashes()).containsExactly(REJECTED);
    }

    @Test
    void loginAfterAFailedOneThenTheFailureLeftNoSessionAndTheLoginOpensItsOwn() {
        TestUser user = TestUsers.registered(registerUser, "Fixation");
        Browser browser = new Browser(client);
        Page failed = browser.logIn(user.username(), "not-" + user.password(), false, null);
        assertThat(browser.cookie("SESSION"))
                .as("the failure's flash travels in a cookie")
                .isEmpty();
        Page form = browser.follow(failed);

        browser.post(
                "/login", Map.of("_csrf", form.csrfToken(), "username", user.username(), "password", user.password()));

        assertThat(browser.cookie("SESSION")).isPresent();
        assertThat(browser.get("/top-secret").statusCode()).isEqualTo(200);
    }

    @Test
    void loginWhenSessionIdPlantedThatTheServerNeverIssuedThenSignedInUnderAnotherId() {
        TestUser user = TestUsers.registered(registerUser, "Planted");
        Browser browser = new Browser(client);
        String planted = "0d3f0f4e-7d6c-4c2b-9a57-5c2f8e1b9a10";
        browser.setCookie("SESSION", planted);
        Page form = browser.get("/login");

        browser.post(
                "/login", Map.of("_csrf", form.csrfToken(), "username", user.username(), "password", user.password()));

        assertThat(browser.cookie("SESSION")).get().isNotEqualTo(planted);
        Browser attacker = new Browser(client);
        attacker.setCookie("SESSION", planted);
        assertThat(attacker.get("/top-secret").location()).isEqualTo("/login?next=/top-secret");
        assertThat(browser.get("/top-secret").statusCode()).isEqualTo(200);
    }

    @Test
    void loginWithoutCsrfTokenThenForbiddenWithTheSitesErrorPage() {
        TestUser user = TestUsers.registered(registerUser, "Csrf");
        Browser browser = new Browser(client);
        browser.get("/login");

        Page refused = browser.post("/login", Map.of("username", user.username(), "password", user.password()));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().getContentType())
                .isNotNull()
                .satisfies(type ->
                        assertThat(type.isCompatibleWith(MediaType.TEXT_HTML)).isTrue());
        assertThat(refused.heading()).isEqualTo("Forbidden");
        assertThat(refused.document().select("nav a.brand")).hasSize(1);
        assertThat(refused.document().select("link[rel=stylesheet]").eachAttr("href"))
                .containsExactly("/css/app.css");
        assertThat(refused.body())
                .doesNotContain("Whitelabel")
                .doesNotContain("Exception")
                .doesNotContain("at org.")
                .doesNotContain("at dev.")
                .doesNotContainIgnoringCase("trace");
        assertThat(refused.headers().getFirst("Content-Security-Policy")).isNotBlank();
        assertThat(browser.get("/top-secret").statusCode()).isEqualTo(302);
    }

    @Test
    void loginWithAnotherSessionsCsrfTokenThenForbidden() {
        TestUser user = TestUsers.registered(registerUser, "Forged");
        String foreignToken = new Browser(client).get("/login").csrfToken();
        Browser browser = new Browser(client);
        browser.get("/login");

        Page refused = browser.post(
                "/login", Map.of("_csrf", foreignToken, "username", user.username(), "password", user.password()));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.heading()).isEqualTo("Forbidden");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/register", "/login?next=/top-secret"})
    void visitorPageWhenAlreadySignedInThenRedirectsHomeSayingSo(String page) {
        TestUser user = TestUsers.registered(registerUser, "Already");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);

        Page redirect = browser.get(page);

        assertThat(redirect.location()).isEqualTo("/");
        Page home = browser.follow(redirect);
        assertThat(home.flashes()).containsExactly("You are already logged in.");
        assertThat(home.heading()).isEqualTo("Hi, " + user.username() + "!");
    }

    /** The page with the two things that differ by design blanked out: the per-render token and the typed name. */
    private static String withoutTokenAndName(Page page) {
        Document document = page.document();
        document.select("input[name=_csrf]").attr("value", "");
        document.select("input[name=username]").attr("value", "");
        return document.outerHtml();
    }
}
