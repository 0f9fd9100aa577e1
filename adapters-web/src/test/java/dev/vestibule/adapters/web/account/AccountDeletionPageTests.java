package dev.vestibule.adapters.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.web.Browser;
import dev.vestibule.adapters.web.Page;
import dev.vestibule.adapters.web.TestUsers;
import dev.vestibule.adapters.web.TestUsers.TestUser;
import dev.vestibule.adapters.web.WebAdapterTest;
import dev.vestibule.application.fakes.InMemoryMailOutbox;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.domain.model.mail.MailKind;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.port.in.RegisterUser;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@WebAdapterTest
class AccountDeletionPageTests {

    @Autowired
    WebTestClient client;

    @Autowired
    RegisterUser registerUser;

    @Autowired
    InMemoryUserRepository users;

    @Autowired
    InMemoryMailOutbox outbox;

    /** Only ever moved forward: the login buckets share it, and do not expect time to run backwards. */
    @Autowired
    MutableClock clock;

    @Test
    void deletionPageWhenAnonymousThenLoginWithNext() {
        Page page = new Browser(client).get("/account/delete");

        assertThat(page.location()).isEqualTo("/login?next=/account/delete");
    }

    @Test
    void deletionPageRightAfterLoginThenSaysWhatGoesWithoutAskingThePassword() {
        TestUser user = TestUsers.registered(registerUser, "DelWin");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);

        Page page = browser.get("/account/delete");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.heading()).isEqualTo("Delete your account");
        assertThat(page.document().text()).contains(user.username(), "What is deleted", "What is kept");
        assertThat(page.document().select("input[name=current-password]")).isEmpty();
        assertThat(page.document().select("form[action=/account/delete] button").text())
                .isEqualTo("Delete My Account");
    }

    @Test
    void deletionPageAfterTheWindowClosedThenAsksForTheCurrentPassword() {
        TestUser user = TestUsers.registered(registerUser, "DelAsk");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        clock.advance(Duration.ofMinutes(6));
        Page page = browser.get("/account/delete");

        assertThat(page.document().select("label[for=current-password]").text()).isEqualTo("Current password");
        assertThat(page.document().select("input#current-password").attr("autocomplete"))
                .isEqualTo("current-password");
    }

    @Test
    void deleteWithTheWrongPasswordThenRefusedAndNothingChanges() {
        TestUser user = TestUsers.registered(registerUser, "DelWrong");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        Page form = browser.get("/account/delete");

        Page refused = browser.post(
                "/account/delete", Map.of("_csrf", form.csrfToken(), "current-password", "not my password"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.document().select(".error-summary a").text())
                .isEqualTo("That is not your current password.");
        assertThat(refused.document().title()).startsWith("Error:");
        assertThat(users.findByLogin(user.username()).block()).isNotNull();
        assertThat(browser.get("/top-secret").statusCode()).isEqualTo(200);
    }

    @Test
    void deleteWithoutCsrfTokenThenForbiddenAndNothingChanges() {
        TestUser user = TestUsers.registered(registerUser, "DelCsrf");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);

        Page refused = browser.post("/account/delete", Map.of("current-password", user.password()));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(users.findByLogin(user.username()).block()).isNotNull();
    }

    @Test
    void deleteWithTheRightPasswordThenSignedOutWithAFlashTheUserGoneAndTheNoticeQueued() {
        TestUser user = TestUsers.registered(registerUser, "DelOk");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        String sessionBefore = browser.cookie("SESSION").orElseThrow();
        Page form = browser.get("/account/delete");

        Page deleted =
                browser.post("/account/delete", Map.of("_csrf", form.csrfToken(), "current-password", user.password()));

        assertThat(deleted.location()).isEqualTo("/");
        assertThat(browser.cookie("SESSION")).isNotEqualTo(java.util.Optional.of(sessionBefore));
        Page home = browser.follow(deleted);
        assertThat(home.flashes())
                .containsExactly("Your account has been deleted. We have sent a last mail to your address to say so.");
        assertThat(home.showsSignedIn()).isFalse();
        assertThat(users.findByLogin(user.username()).block()).isNull();
        assertThat(outbox.entries())
                .filteredOn(entry ->
                        entry.mail() != null && entry.mail().to().value().equals(user.email()))
                .extracting(InMemoryMailOutbox.Entry::kind)
                .containsExactly(MailKind.ACCOUNT_DELETED_NOTICE);
        assertThat(browser.get("/top-secret").statusCode()).isEqualTo(302);
    }

    @Test
    void deleteWithinTheWindowNeedsNoPassword() {
        TestUser user = TestUsers.registered(registerUser, "DelNoPw");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        Page form = browser.get("/account/delete");

        Page deleted = browser.post("/account/delete", Map.of("_csrf", form.csrfToken()));

        assertThat(deleted.location()).isEqualTo("/");
        assertThat(users.findByLogin(user.username()).block()).isNull();
    }

    @Test
    void deleteAfterTheWindowClosedWithoutAPasswordThenAskedForIt() {
        TestUser user = TestUsers.registered(registerUser, "DelLate");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        Page form = browser.get("/account/delete");
        clock.advance(Duration.ofMinutes(6));
        Page refused = browser.post("/account/delete", Map.of("_csrf", form.csrfToken()));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.document().select(".field-error").text()).isEqualTo("Please enter your current password.");
        assertThat(users.findByLogin(user.username()).block()).isNotNull();
    }

    @Test
    void afterDeletionTheLoginGetsTheAnswerOfAnUnknownUserAndTheNamesAreFreeAgain() {
        TestUser user = TestUsers.registered(registerUser, "DelGone");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        Page form = browser.get("/account/delete");
        browser.post("/account/delete", Map.of("_csrf", form.csrfToken(), "current-password", user.password()));

        Browser former = new Browser(client);
        Page login = former.logIn(user);
        Page unknown = new Browser(client).logIn("nobody-" + user.username(), user.password(), false, null);

        assertThat(login.location()).isEqualTo(unknown.location());
        assertThat(former.follow(login).flashes()).containsExactly("Invalid username or password.");
        assertThat(registerUser
                        .register(
                                new dev.vestibule.domain.port.in.RegistrationCommand(
                                        user.username(), user.email(), user.password(), user.password()),
                                dev.vestibule.domain.model.event.Origin.unknown())
                        .block())
                .isInstanceOf(dev.vestibule.domain.port.in.RegistrationOutcome.Registered.class);
    }

    @Test
    void theNoticeIsInTheBrowsersLanguage() {
        TestUser user = TestUsers.registered(registerUser, "DelDe");
        Browser browser = Browser.speaking(client, "de-DE");
        browser.logInAndLand(user);
        Page form = browser.get("/account/delete");
        assertThat(form.heading()).isEqualTo("Konto löschen");

        browser.post("/account/delete", Map.of("_csrf", form.csrfToken(), "current-password", user.password()));

        assertThat(outbox.entries())
                .filteredOn(entry ->
                        entry.mail() != null && entry.mail().to().value().equals(user.email()))
                .extracting(entry -> ((SecurityNotice) entry.mail()).languageTag())
                .containsExactly("de");
    }
}
