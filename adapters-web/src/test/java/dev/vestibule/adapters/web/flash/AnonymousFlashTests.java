package dev.vestibule.adapters.web.flash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.web.Browser;
import dev.vestibule.adapters.web.Page;
import dev.vestibule.adapters.web.TestUsers;
import dev.vestibule.adapters.web.TestUsers.TestUser;
import dev.vestibule.adapters.web.WebAdapterTest;
import dev.vestibule.domain.port.in.RegisterUser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionManager;

/**
 * Issue 13 finding 2: a visitor who has not signed in costs no stored session. The messages of the pages a
 * visitor is sent to (please log in, wrong password, logged out, password reset) travel in a short-lived
 * cookie of message keys, shown once.
 */
@WebAdapterTest
class AnonymousFlashTests {

    @Autowired
    WebTestClient client;

    @Autowired
    RegisterUser registerUser;

    @Autowired
    WebSessionManager sessionManager;

    @Test
    void loginRequiredThenTheMessageIsShownOnceFromACookieAndNoSessionIsStored() {
        int before = storedSessions();
        Browser browser = new Browser(client);

        Page redirect = browser.get("/top-secret");

        assertThat(redirect.cookie("SESSION")).isEmpty();
        ResponseCookie flash = redirect.cookie("flash").orElseThrow();
        assertThat(flash.isHttpOnly()).isTrue();
        assertThat(flash.getSameSite()).isEqualTo("Lax");
        assertThat(flash.getPath()).isEqualTo("/");
        assertThat(flash.getMaxAge()).isEqualTo(FlashCookie.MAX_AGE);
        assertThat(flash.getValue()).isEqualTo("flash.login-required");
        Page login = browser.follow(redirect);
        assertThat(login.flashes()).containsExactly("Please log in to access this page.");
        assertThat(login.cookie("flash"))
                .get()
                .satisfies(gone -> assertThat(gone.getMaxAge()).isZero());
        assertThat(browser.get("/login").flashes()).as("shown once").isEmpty();
        assertThat(storedSessions()).isEqualTo(before);
    }

    @Test
    void loginRequiredInGermanThenTheMessageIsInGerman() {
        Browser browser = Browser.speaking(client, "de");

        Page login = browser.follow(browser.get("/top-secret"));

        assertThat(login.flashes()).containsExactly("Bitte melden Sie sich an, um diese Seite zu sehen.");
    }

    @Test
    void failedLoginThenMessageAndNameComeBackWithoutASession() {
        int before = storedSessions();
        TestUser user = TestUsers.registered(registerUser, "NoSession");
        Browser browser = new Browser(client);

        Page rejected = browser.logIn(user.username(), "wrong-" + user.password(), false, null);
        Page form = browser.follow(rejected);

        assertThat(rejected.cookie("SESSION")).isEmpty();
        assertThat(form.flashes()).hasSize(1);
        assertThat(form.document().selectFirst("input[name=username]").val()).isEqualTo(user.username());
        assertThat(storedSessions()).isEqualTo(before);
    }

    @Test
    void anonymousLogoutThenLoggedOutMessageWithoutASession() {
        int before = storedSessions();
        Browser browser = new Browser(client);
        String token = browser.get("/login").csrfToken();

        Page loggedOut = browser.post("/logout", Map.of("_csrf", token));

        assertThat(loggedOut.cookie("SESSION")).isEmpty();
        assertThat(browser.follow(loggedOut).flashes()).containsExactly("You have been logged out.");
        assertThat(storedSessions()).isEqualTo(before);
    }

    @Test
    void aPlantedFlashCookieShowsOnlyMessagesOfTheFixedSet() {
        Browser browser = new Browser(client);
        browser.setCookie("flash", "Your-account-is-fine.Call-0900-123|flash.logged-out|nonsense");

        Page home = browser.get("/login");

        assertThat(home.flashes()).containsExactly("You have been logged out.");
    }

    @Test
    void aPlantedLoginNameCookieIsNotBelieved() {
        Browser browser = new Browser(client);
        browser.setCookie("login-name", "nQ2FsbC0wOTAwLTEyMw.forged");

        Page form = browser.get("/login");

        assertThat(form.document().selectFirst("input[name=username]").val()).isEmpty();
    }

    private int storedSessions() {
        return ((InMemoryWebSessionStore) ((DefaultWebSessionManager) sessionManager).getSessionStore())
                .getSessions()
                .size();
    }
}
