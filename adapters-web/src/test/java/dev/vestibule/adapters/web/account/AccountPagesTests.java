package dev.vestibule.adapters.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.web.Browser;
import dev.vestibule.adapters.web.Page;
import dev.vestibule.adapters.web.TestSecondFactors;
import dev.vestibule.adapters.web.TestUsers;
import dev.vestibule.adapters.web.TestUsers.TestUser;
import dev.vestibule.adapters.web.WebAdapterTest;
import dev.vestibule.adapters.web.session.SessionUserContextRepository;
import dev.vestibule.application.fakes.InMemoryMailOutbox;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.model.twofactor.SecondFactors;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.port.in.RegisterUser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

/** The account, password and sessions pages, as a signed-in user and as an attacker would use them. */
@WebAdapterTest
class AccountPagesTests {

    private static final String NEW_PASSWORD = "a brand new passphrase 42";

    @Autowired
    WebTestClient client;

    @Autowired
    RegisterUser registerUser;

    @Autowired
    InMemoryUserRepository users;

    @Autowired
    InMemoryMailOutbox outbox;

    @Autowired
    WebSessionManager sessions;

    // issue 14: what each test user has set up as second factors
    @Autowired
    TestSecondFactors secondFactors;

    @Test
    void accountPageShowsWhoIsSignedInTheEmailUnconfirmedAndTheAccountsPages() {
        TestUser user = TestUsers.registered(registerUser, "Owner");
        Browser browser = new Browser(client);
        assertThat(browser.get("/account").location()).isEqualTo("/login?next=/account");
        browser.logInAndLand(user);

        Page account = browser.get("/account");

        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.document().select("dl.details dd").eachText())
                .containsExactly(user.username(), user.email() + " not confirmed yet");
        assertThat(account.document().select("main ul.account-links a").eachAttr("href"))
                .containsExactly(
                        "/account/password",
                        "/account/email",
                        // issue 14: twofactor
                        "/account/two-factor",
                        // issue 14: passkey
                        "/account/passkeys",
                        "/account/sessions",
                        "/account/activity",
                        "/account/delete");
    }

    @Test
    void changePasswordThenThisBrowserStaysWithANewSessionIdEveryOtherIsSignedOutAndANoticeIsQueued() {
        TestUser user = TestUsers.registered(registerUser, "Changer");
        Browser here = new Browser(client);
        here.logInAndLand(user);
        Browser elsewhere = new Browser(client);
        elsewhere.logInAndLand(user);
        String sessionBefore = here.cookie("SESSION").orElseThrow();
        int mailsBefore = outbox.entries().size();

        Page changed = changePassword(here, user.password(), NEW_PASSWORD, NEW_PASSWORD);

        assertThat(changed.location()).isEqualTo("/account");
        assertThat(here.follow(changed).flashes())
                .containsExactly(
                        "Your password has been changed. Every other browser signed in to your account has been signed out.");
        assertThat(here.cookie("SESSION")).get().isNotEqualTo(sessionBefore);
        assertThat(here.get("/top-secret").statusCode()).isEqualTo(200);
        assertThat(elsewhere.get("/top-secret").location()).isEqualTo("/login?next=/top-secret");
        User stored = users.findByLogin(user.username()).block(Duration.ofSeconds(5));
        assertThat(sessionOf(here).getAttributes())
                .containsEntry("vestibule.securityStamp", stored.securityStamp().value())
                .containsKey(SessionUserContextRepository.PASSWORD_GIVEN_AT_ATTRIBUTE);
        assertThat(outbox.entries()).hasSize(mailsBefore + 1);
        assertThat(outbox.entries().get(mailsBefore).mail())
                .isInstanceOfSatisfying(
                        SecurityNotice.class,
                        notice -> assertThat(notice.notice()).isEqualTo(SecurityNotice.Notice.PASSWORD_CHANGED));
        assertThat(new Browser(client)
                        .logIn(user.username(), user.password(), false, null)
                        .location())
                .as("the old password no longer works")
                .isEqualTo("/login");
        assertThat(new Browser(client)
                        .logIn(user.username(), NEW_PASSWORD, false, null)
                        .location())
                .isEqualTo("/");
    }

    @Test
    void changePasswordWithAWrongCurrentPasswordThenRefusedAndNothingChanges() {
        TestUser user = TestUsers.registered(registerUser, "Wrong");
        Browser here = new Browser(client);
        here.logInAndLand(user);
        Browser elsewhere = new Browser(client);
        elsewhere.logInAndLand(user);
        User before = users.findByLogin(user.username()).block(Duration.ofSeconds(5));

        Page refused = changePassword(here, "not the password", NEW_PASSWORD, NEW_PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.document()
                        .select("#current-password-errors .field-error")
                        .eachText())
                .containsExactly("That is not your current password.");
        assertThat(refused.document().getElementById("current-password").attr("aria-invalid"))
                .isEqualTo("true");
        assertThat(refused.document().title()).startsWith("Error: Change your password");
        User after = users.findByLogin(user.username()).block(Duration.ofSeconds(5));
        assertThat(after.passwordHash()).isEqualTo(before.passwordHash());
        assertThat(after.securityStamp()).isEqualTo(before.securityStamp());
        assertThat(elsewhere.get("/top-secret").statusCode()).isEqualTo(200);
        assertThat(here.get("/top-secret").statusCode()).isEqualTo(200);
    }

    @Test
    void changePasswordWithAWeakOrMismatchedPasswordThenEachFieldSaysWhyInGerman() {
        TestUser user = TestUsers.registered(registerUser, "Schwach");
        Browser browser = Browser.speaking(client, "de");
        browser.logInAndLand(user);

        Page refused = changePassword(browser, user.password(), "kurz", "anders");

        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = refused.document();
        assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#password", "#password2");
        assertThat(page.select("#password-errors .field-error").eachText())
                .containsExactly("Das Passwort muss mindestens 15 Zeichen lang sein.");
        assertThat(page.select("#password2-errors .field-error").eachText())
                .containsExactly("Die beiden Passwörter stimmen nicht überein.");
        assertThat(page.select("label[for=current-password]").text()).isEqualTo("Aktuelles Passwort");
    }

    @Test
    void changePasswordWithoutTheCsrfTokenThenForbiddenAndNothingChanges() {
        TestUser user = TestUsers.registered(registerUser, "Forged");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        User before = users.findByLogin(user.username()).block(Duration.ofSeconds(5));

        Page forged = browser.post(
                "/account/password",
                Map.of("current-password", user.password(), "password", NEW_PASSWORD, "password2", NEW_PASSWORD));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(users.findByLogin(user.username())
                        .block(Duration.ofSeconds(5))
                        .passwordHash())
                .isEqualTo(before.passwordHash());
    }

    @Test
    void sessionsPageListsEveryBrowserThisOneMarkedWithOpaqueHandles() {
        TestUser user = TestUsers.registered(registerUser, "Lister");
        Browser here = new Browser(client);
        here.logInAndLand(user);
        Browser elsewhere = new Browser(client);
        elsewhere.logIn(user.username(), user.password(), true, null);

        Page page = here.get("/account/sessions");

        assertThat(page.statusCode()).isEqualTo(200);
        Document document = page.document();
        assertThat(document.select("li.signin")).hasSize(3); // two sessions and one remembered browser
        assertThat(document.select("li.signin.this-browser")).hasSize(1);
        assertThat(document.select("li.signin.this-browser .badge").text()).isEqualTo("This browser");
        assertThat(document.select("main").text()).contains("as reported by the browser");
        List<String> handles = document.select("input[name=handle]").eachAttr("value");
        assertThat(handles).hasSize(3).allMatch(handle -> handle.matches("[A-Za-z0-9_-]{43}"));
        assertThat(handles)
                .doesNotContain(
                        here.cookie("SESSION").orElseThrow(),
                        elsewhere.cookie("SESSION").orElseThrow());
        assertThat(document.select("form[action=/account/sessions/revoke] input[name=_csrf]"))
                .hasSize(3);
    }

    @Test
    void revokeAnotherBrowsersSessionThenItIsSignedOutAndThisOneIsNot() {
        TestUser user = TestUsers.registered(registerUser, "Revoker");
        Browser here = new Browser(client);
        here.logInAndLand(user);
        Browser elsewhere = new Browser(client);
        elsewhere.logInAndLand(user);
        Page page = here.get("/account/sessions");
        String otherHandle = page.document()
                .select("li.signin:not(.this-browser) input[name=handle]")
                .attr("value");

        Page revoked = here.post("/account/sessions/revoke", Map.of("_csrf", page.csrfToken(), "handle", otherHandle));

        assertThat(revoked.location()).isEqualTo("/account/sessions");
        assertThat(here.follow(revoked).flashes()).containsExactly("It has been signed out.");
        assertThat(elsewhere.get("/top-secret").location()).isEqualTo("/login?next=/top-secret");
        assertThat(here.get("/top-secret").statusCode()).isEqualTo(200);
    }

    @Test
    void revokeThisBrowsersOwnSessionSignsItOut() {
        TestUser user = TestUsers.registered(registerUser, "SelfRevoke");
        Browser here = new Browser(client);
        here.logInAndLand(user);
        Page page = here.get("/account/sessions");
        String ownHandle = page.document()
                .select("li.signin.this-browser input[name=handle]")
                .attr("value");

        Page revoked = here.post("/account/sessions/revoke", Map.of("_csrf", page.csrfToken(), "handle", ownHandle));

        assertThat(revoked.location()).isEqualTo("/");
        assertThat(here.get("/top-secret").location()).isEqualTo("/login?next=/top-secret");
    }

    @Test
    void revokeWithoutTheCsrfTokenThenForbiddenAndNothingEnds() {
        TestUser user = TestUsers.registered(registerUser, "RevokeCsrf");
        Browser here = new Browser(client);
        here.logInAndLand(user);
        Browser elsewhere = new Browser(client);
        elsewhere.logInAndLand(user);
        String otherHandle = here.get("/account/sessions")
                .document()
                .select("li.signin:not(.this-browser) input[name=handle]")
                .attr("value");

        assertThat(here.post("/account/sessions/revoke", Map.of("handle", otherHandle))
                        .statusCode())
                .isEqualTo(403);
        assertThat(elsewhere.get("/top-secret").statusCode()).isEqualTo(200);
    }

    @Test
    void revokeWithAnotherUsersHandleChangesNothing() {
        TestUser victim = TestUsers.registered(registerUser, "Victim");
        TestUser attacker = TestUsers.registered(registerUser, "Attacker");
        Browser victims = new Browser(client);
        victims.logInAndLand(victim);
        String victimsHandle = victims.get("/account/sessions")
                .document()
                .select("li.signin.this-browser input[name=handle]")
                .attr("value");
        Browser attackers = new Browser(client);
        attackers.logInAndLand(attacker);
        Page page = attackers.get("/account/sessions");

        Page answer =
                attackers.post("/account/sessions/revoke", Map.of("_csrf", page.csrfToken(), "handle", victimsHandle));
        assertThat(attackers.follow(answer).flashes()).containsExactly("Nothing was signed out: it had already ended.");
        Page garbage = attackers.post("/account/sessions/revoke", Map.of("_csrf", page.csrfToken(), "handle", "x"));

        assertThat(garbage.location()).isEqualTo("/account/sessions");
        assertThat(victims.get("/top-secret").statusCode()).isEqualTo(200);
    }

    @Test
    void revokeOthersThenEveryOtherBrowserAndRememberedBrowserIsSignedOutAndThisOneStays() {
        TestUser user = TestUsers.registered(registerUser, "Everywhere");
        Browser here = new Browser(client);
        here.logInAndLand(user);
        Browser elsewhere = new Browser(client);
        elsewhere.logIn(user.username(), user.password(), true, null);
        String elsewhereRememberMe = elsewhere.cookie("remember-me").orElseThrow();
        Page page = here.get("/account/sessions");

        Page done = here.post("/account/sessions/revoke-others", Map.of("_csrf", page.csrfToken()));

        assertThat(here.follow(done).flashes()).containsExactly("Every other browser has been signed out.");
        assertThat(here.get("/top-secret").statusCode()).isEqualTo(200);
        elsewhere.dropCookie("SESSION");
        assertThat(elsewhere.cookie("remember-me")).contains(elsewhereRememberMe);
        assertThat(elsewhere.get("/top-secret").location())
                .as("the remembered browser signs nobody in any more")
                .isEqualTo("/login?next=/top-secret");
        assertThat(here.get("/account/sessions").document().select("li.signin")).hasSize(1);
    }

    @Test
    void revokeOthersWithoutTheCsrfTokenThenForbidden() {
        TestUser user = TestUsers.registered(registerUser, "NoCsrf");
        Browser here = new Browser(client);
        here.logInAndLand(user);
        Browser elsewhere = new Browser(client);
        elsewhere.logInAndLand(user);

        assertThat(here.post("/account/sessions/revoke-others", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(elsewhere.get("/top-secret").statusCode()).isEqualTo(200);
    }

    // issue 14: password policy (NIST SP 800-63B rev. 4: 15 on its own, 8 while every sign-in also needs a second
    // factor)

    @Test
    void passwordPageWhenTheAccountHasNoSecondFactorThenAsksFifteenAndRefusesFourteen() {
        TestUser user = TestUsers.registered(registerUser, "Alone");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);

        assertThat(browser.get("/account/password")
                        .document()
                        .select("#password-help")
                        .text())
                .isEqualTo("At least 15 characters. Long passphrases are welcome; no special characters required.");
        Page refused = changePassword(browser, user.password(), "kq7vz3mw-abcde", "kq7vz3mw-abcde");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.document().select("#password-errors .field-error").eachText())
                .containsExactly("Password must be at least 15 characters long.");
    }

    @Test
    void passwordPageWhenTheAccountHasASecondFactorThenAsksEightSaysWhyAndAcceptsEight() {
        TestUser user = TestUsers.registered(registerUser, "Paired");
        Browser browser = Browser.speaking(client, "de");
        browser.logInAndLand(user);
        // Set up after signing in: the password alone no longer signs in from now on.
        secondFactors.set(users.findByLogin(user.username()).block().id(), new SecondFactors(true, 10, 0));

        assertThat(browser.get("/account/password")
                        .document()
                        .select("#password-help")
                        .text())
                .isEqualTo(
                        "Mindestens 8 Zeichen, da jede Anmeldung mit Ihrem Passwort auch Ihren zweiten Faktor"
                                + " verlangt. Ohne zweiten Faktor braucht ein Passwort 15; wählen Sie also 15 oder mehr, falls"
                                + " Sie ihn entfernen könnten. Lange Passphrasen sind willkommen; Sonderzeichen sind nicht nötig.");
        Page tooShort = changePassword(browser, user.password(), "kq7vz3m", "kq7vz3m");
        assertThat(tooShort.document().select("#password-errors .field-error").eachText())
                .containsExactly("Das Passwort muss mindestens 8 Zeichen lang sein.");
        assertThat(tooShort.document().select("#password-help").text()).startsWith("Mindestens 8 Zeichen, da");
        assertThat(changePassword(browser, user.password(), "kq7vz3mw", "kq7vz3mw")
                        .statusCode())
                .isEqualTo(303);
    }

    private static Page changePassword(Browser browser, String current, String password, String repeated) {
        Page form = browser.get("/account/password");
        return browser.post(
                "/account/password",
                Map.of(
                        "_csrf", form.csrfToken(),
                        "current-password", current,
                        "password", password,
                        "password2", repeated));
    }

    private WebSession sessionOf(Browser browser) {
        return ((DefaultWebSessionManager) sessions)
                .getSessionStore()
                .retrieveSession(browser.cookie("SESSION").orElseThrow())
                .block(Duration.ofSeconds(5));
    }
}
