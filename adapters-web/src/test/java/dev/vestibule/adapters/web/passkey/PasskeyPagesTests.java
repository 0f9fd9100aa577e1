package dev.vestibule.adapters.web.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.web.Browser;
import dev.vestibule.adapters.web.Page;
import dev.vestibule.adapters.web.TestUsers;
import dev.vestibule.adapters.web.TestUsers.TestUser;
import dev.vestibule.adapters.web.WebAdapterTest;
import dev.vestibule.application.fakes.FakePasskeyVerifier;
import dev.vestibule.application.fakes.InMemoryPasskeyRepository;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.domain.model.passkey.CredentialId;
import dev.vestibule.domain.model.passkey.Passkey;
import dev.vestibule.domain.model.passkey.UserHandle;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.in.RegisterUser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The passkeys page and the ceremonies' JSON endpoints, through the real security configuration, with a verifier
 * that reads plain text (the WebAuthn adapter has its own tests).
 */
@WebAdapterTest
class PasskeyPagesTests {

    private static final Duration T = Duration.ofSeconds(5);
    private static final Pattern CHALLENGE = Pattern.compile("\"challenge\":\"([^\"]+)\"");
    private static final Pattern USER_ID = Pattern.compile("\"user\":\\{\"id\":\"([^\"]+)\"");

    @Autowired
    WebTestClient client;

    @Autowired
    RegisterUser registerUser;

    @Autowired
    InMemoryUserRepository users;

    @Autowired
    InMemoryPasskeyRepository passkeys;

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern + " in " + text).isTrue();
        return matcher.group(1);
    }

    private static CredentialId credential(String name) {
        return CredentialId.of(name.getBytes(StandardCharsets.UTF_8));
    }

    private UserId idOf(TestUser user) {
        return users.findByLogin(user.username()).block(T).id();
    }

    /** Adds a passkey through the page's endpoints; answers the options JSON. */
    private String addPasskey(Browser browser, CredentialId credential, String name) {
        String token = browser.get("/account/passkeys").csrfToken();
        Page options = browser.postJson("/account/passkeys/registration/options", token, "{}");
        assertThat(options.statusCode()).isEqualTo(200);
        String response = FakePasskeyVerifier.registration(group(CHALLENGE, options.body()), credential, true);
        Page added = browser.postJson(
                "/account/passkeys/registration",
                token,
                "{\"credential\":" + quoted(response) + ",\"name\":\"" + name + "\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(added.body()).contains("\"redirect\":\"/account/passkeys\"");
        return options.body();
    }

    /** The fake verifier's responses are plain strings; the endpoints want a JSON object, so wrap it. */
    private static String quoted(String fakeResponse) {
        return "{\"fake\":\"" + fakeResponse + "\"}";
    }

    @Test
    void passkeysPageWhenAnonymousThenLogin() {
        assertThat(new Browser(client).get("/account/passkeys").location()).isEqualTo("/login?next=/account/passkeys");
    }

    @Test
    void passkeysPageListsNothingYetAndOffersTheAddButtonHiddenUntilTheScriptRuns() {
        TestUser user = TestUsers.registered(registerUser, "PkEmpty");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);

        Page page = browser.get("/account/passkeys");

        assertThat(page.heading()).isEqualTo("Passkeys");
        assertThat(page.document().select("main").text()).contains("You have no passkeys yet.");
        assertThat(page.document()
                        .select("form#passkey-add button[type=submit]")
                        .text())
                .isEqualTo("Add a passkey");
        assertThat(page.document().select("form#passkey-add").hasAttr("hidden")).isTrue();
        assertThat(page.document().select("script[src=/js/passkeys.js]")).hasSize(1);
        assertThat(page.document().select("script:not([src])"))
                .as("no inline script")
                .isEmpty();
        assertThat(page.document().select("a[href=/account]")).isNotEmpty();
        assertThat(browser.get("/account").document().select("a[href=/account/passkeys]"))
                .isNotEmpty();
    }

    @Test
    void germanPageSaysItInGerman() {
        TestUser user = TestUsers.registered(registerUser, "PkDe");
        Browser browser = Browser.speaking(client, "de");
        browser.logInAndLand(user);

        assertThat(browser.get("/account/passkeys")
                        .document()
                        .select("form#passkey-add button[type=submit]")
                        .text())
                .isEqualTo("Passkey hinzufügen");
    }

    @Test
    void addingAPasskeyListsItWithItsNameAndDatesAndARenameAndRemoveForm() {
        TestUser user = TestUsers.registered(registerUser, "PkAdd");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);

        String options = addPasskey(browser, credential("pk-add"), "Laptop");

        assertThat(options)
                .contains("\"residentKey\":\"required\"")
                .contains("\"userVerification\":\"required\"")
                .contains("\"attestation\":\"none\"")
                .contains("\"rp\":{\"id\":\"vestibule.test\"");
        Page page = browser.get("/account/passkeys");
        assertThat(page.flashes()).contains("Your passkey was added. You can now sign in with it.");
        assertThat(page.document().select("li.passkey h2").text()).isEqualTo("Laptop synced");
        assertThat(page.document().select("li.passkey dd").eachText())
                .hasSize(2)
                .last()
                .isEqualTo("never");
        assertThat(page.document().select("li.passkey form.passkey-rename input[name=name]"))
                .hasSize(1);
        assertThat(page.document().select("li.passkey form.passkey-remove input[name=_csrf]"))
                .hasSize(1);
    }

    @Test
    void theSecondRegistrationExcludesTheFirstCredential() {
        TestUser user = TestUsers.registered(registerUser, "PkExcl");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        addPasskey(browser, credential("pk-excl-1"), "One");

        String options = addPasskey(browser, credential("pk-excl-2"), "Two");

        assertThat(options)
                .contains("\"excludeCredentials\":[{\"type\":\"public-key\",\"id\":\""
                        + credential("pk-excl-1").value() + "\"}]");
    }

    @Test
    void renameAndRemoveWorkOnTheUsersOwnPasskeyAndAnotherUsersIdChangesNothing() {
        TestUser owner = TestUsers.registered(registerUser, "PkOwner");
        Browser ownerBrowser = new Browser(client);
        ownerBrowser.logInAndLand(owner);
        addPasskey(ownerBrowser, credential("pk-owner"), "Laptop");
        Passkey passkey = passkeys.findByUser(idOf(owner)).blockFirst(T);

        TestUser other = TestUsers.registered(registerUser, "PkOther");
        Browser otherBrowser = new Browser(client);
        otherBrowser.logInAndLand(other);
        String otherToken = otherBrowser.get("/account/passkeys").csrfToken();
        Page stolen = otherBrowser.post("/account/passkeys/" + passkey.id() + "/remove", Map.of("_csrf", otherToken));
        assertThat(stolen.location()).isEqualTo("/account/passkeys");
        assertThat(otherBrowser.follow(stolen).flashes()).contains("That passkey does not exist (any more).");
        assertThat(passkeys.findByUser(idOf(owner)).count().block(T)).isEqualTo(1);

        String token = ownerBrowser.get("/account/passkeys").csrfToken();
        ownerBrowser.post("/account/passkeys/" + passkey.id() + "/rename", Map.of("_csrf", token, "name", "Phone"));
        assertThat(ownerBrowser
                        .get("/account/passkeys")
                        .document()
                        .select("li.passkey h2")
                        .text())
                .isEqualTo("Phone synced");
        ownerBrowser.post("/account/passkeys/" + passkey.id() + "/remove", Map.of("_csrf", token));
        assertThat(passkeys.findByUser(idOf(owner)).count().block(T)).isZero();
    }

    @Test
    void removingAPasskeyWithAWrongCurrentPasswordKeepsIt() {
        TestUser owner = TestUsers.registered(registerUser, "PkKeep");
        Browser browser = new Browser(client);
        browser.logInAndLand(owner);
        addPasskey(browser, credential("pk-keep"), "Laptop");
        Passkey passkey = passkeys.findByUser(idOf(owner)).blockFirst(T);
        String token = browser.get("/account/passkeys").csrfToken();

        Page refused = browser.post(
                "/account/passkeys/" + passkey.id() + "/remove",
                Map.of("_csrf", token, "current-password", "not the password"));

        assertThat(refused.location()).isEqualTo("/account/passkeys");
        assertThat(browser.follow(refused).flashes()).contains("That is not your current password.");
        assertThat(passkeys.findByUser(idOf(owner)).count().block(T)).isEqualTo(1);
    }

    @Test
    void registrationOptionsWhenWindowClosedThenAskForThePassword() {
        TestUser user = TestUsers.registered(registerUser, "PkReauth");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        // A session whose password moment is long past: the clock is shared, so move only this user's window by
        // asking with a wrong password instead.
        String token = browser.get("/account/passkeys").csrfToken();

        Page wrong = browser.postJson(
                "/account/passkeys/registration/options", token, "{\"currentPassword\":\"not the password\"}");

        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("\"error\":\"wrong-password\"");
    }

    @Test
    void badJsonIsAClear400NeverA500() {
        TestUser user = TestUsers.registered(registerUser, "PkBad");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        String token = browser.get("/account/passkeys").csrfToken();

        for (String body :
                new String[] {"{", "[]", "\"x\"", "{\"credential\": 3}", "{\"credential\":{\"fake\":\"x\"}}"}) {
            Page answer = browser.postJson("/account/passkeys/registration", token, body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.body()).as(body).contains("\"error\":\"malformed\"");
        }
        Page signIn = new Browser(client)
                .postJson("/login/passkey", new Browser(client).get("/login").csrfToken(), "nope");
        assertThat(signIn.statusCode()).isIn(400, 403);
    }

    @Test
    void theCeremoniesNeedTheCsrfToken() {
        TestUser user = TestUsers.registered(registerUser, "PkCsrf");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);

        assertThat(browser.postJson("/account/passkeys/registration/options", null, "{}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(new Browser(client)
                        .postJson("/login/passkey/options", null, "{}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theScriptIsServedToAnyoneAsJavaScript() {
        Page script = new Browser(client).get("/js/passkeys.js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().getContentType().toString()).contains("javascript");
        assertThat(script.body()).contains("isConditionalMediationAvailable").contains("X-CSRF-TOKEN");
    }

    @Test
    void loginPageOffersThePasskeyButtonAndAutofill() {
        Page login = new Browser(client).get("/login");

        assertThat(login.document().select("input#username").attr("autocomplete"))
                .isEqualTo("username webauthn");
        assertThat(login.document().select("form#passkey-sign-in button").text())
                .isEqualTo("Sign in with a passkey");
        assertThat(login.document().select("form#passkey-sign-in").hasAttr("hidden"))
                .isTrue();
        assertThat(login.document().select("script[src=/js/passkeys.js]")).hasSize(1);
    }

    @Test
    void signingInWithAPasskeyAndNoPasswordSignsTheOwnerIn() {
        TestUser user = TestUsers.registered(registerUser, "PkSignIn");
        Browser setup = new Browser(client);
        setup.logInAndLand(user);
        String creation = addPasskey(setup, credential("pk-sign-in"), "Laptop");
        UserHandle handle = new UserHandle(group(USER_ID, creation));

        Browser browser = new Browser(client);
        String token = browser.get("/login").csrfToken();
        Page options = browser.postJson("/login/passkey/options", token, "{}");
        assertThat(options.body()).contains("\"allowCredentials\":[]").contains("\"userVerification\":\"required\"");
        String assertion = FakePasskeyVerifier.assertion(
                group(CHALLENGE, options.body()), credential("pk-sign-in"), Optional.of(handle), 1, true);
        Page signedIn = browser.postJson(
                "/login/passkey", token, "{\"credential\":" + quoted(assertion) + ",\"next\":\"/top-secret\"}");

        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.body()).contains("\"redirect\":\"/top-secret\"");
        assertThat(browser.get("/top-secret").statusCode()).isEqualTo(200);

        Page replay = new Browser(client)
                .postJson(
                        "/login/passkey",
                        new Browser(client).get("/login").csrfToken(),
                        "{\"credential\":" + quoted(assertion) + "}");
        assertThat(replay.statusCode()).isIn(401, 403);
    }

    @Test
    void secondStepWithoutAPendingSignInIsRefusedAsJson() {
        Browser browser = new Browser(client);
        String token = browser.get("/login").csrfToken();

        Page answer = browser.postJson("/login/two-factor/passkey-options", token, "{}");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("\"error\":\"no-pending-sign-in\"");
        assertThat(browser.get("/login/two-factor/passkey").location()).isEqualTo("/login");
    }
}
