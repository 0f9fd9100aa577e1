package dev.vestibule.adapters.web.security;

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
import org.springframework.test.web.reactive.server.WebTestClient;

@WebAdapterTest
class LogoutTests {

    @Autowired
    WebTestClient client;

    @Autowired
    RegisterUser registerUser;

    @Test
    void logoutWithCsrfTokenThenHomeAsAnonymousSayingSo() {
        TestUser user = TestUsers.registered(registerUser, "Lou");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);

        Page loggedOut = browser.logOut();

        assertThat(loggedOut.statusCode()).isEqualTo(302);
        assertThat(loggedOut.location()).isEqualTo("/");
        Page home = browser.follow(loggedOut);
        assertThat(home.flashes()).containsExactly("You have been logged out.");
        assertThat(home.heading()).isEqualTo("Hello, Anonymous!");
        assertThat(home.showsSignedIn()).isFalse();
        assertThat(browser.get("/top-secret").location()).isEqualTo("/login?next=/top-secret");
    }

    @Test
    void logoutThenTheOldSessionCookieNoLongerSignsAnyoneIn() {
        TestUser user = TestUsers.registered(registerUser, "Replay");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        String signedInSession = browser.cookie("SESSION").orElseThrow();

        browser.logOut();

        assertThat(browser.cookie("SESSION"))
                .as("the session is deleted, its cookie with it")
                .isEmpty();
        Browser thief = new Browser(client);
        thief.setCookie("SESSION", signedInSession);
        Page redirect = thief.get("/top-secret");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.location()).isEqualTo("/login?next=/top-secret");
    }

    @Test
    void logoutByGetThenNothingHappensAndTheUserStaysSignedIn() {
        TestUser user = TestUsers.registered(registerUser, "Getter");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);

        Page answer = browser.get("/logout");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).doesNotContain("You have been logged out.");
        assertThat(browser.get("/top-secret").statusCode()).isEqualTo(200);
        assertThat(browser.get("/").heading()).isEqualTo("Hi, " + user.username() + "!");
    }

    @Test
    void logoutWithoutCsrfTokenThenForbiddenAndTheUserStaysSignedIn() {
        TestUser user = TestUsers.registered(registerUser, "Stays");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);

        Page refused = browser.post("/logout", Map.of());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.heading()).isEqualTo("Forbidden");
        assertThat(browser.get("/top-secret").statusCode()).isEqualTo(200);
    }

    @Test
    void logoutWithAnotherSessionsCsrfTokenThenForbiddenAndTheUserStaysSignedIn() {
        TestUser victim = TestUsers.registered(registerUser, "Victim");
        TestUser attacker = TestUsers.registered(registerUser, "Attacker");
        Browser attackers = new Browser(client);
        attackers.logInAndLand(attacker);
        String attackersToken = attackers.get("/").csrfToken();
        Browser victims = new Browser(client);
        victims.logInAndLand(victim);

        Page refused = victims.post("/logout", Map.of("_csrf", attackersToken));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(victims.get("/top-secret").statusCode()).isEqualTo(200);
    }

    @Test
    void logoutWhenAnonymousWithTokenThenStillJustHome() {
        Browser browser = new Browser(client);
        Page home = browser.get("/");
        String token = browser.get("/login").csrfToken();

        Page loggedOut = browser.post("/logout", Map.of("_csrf", token));

        assertThat(home.showsSignedIn()).isFalse();
        assertThat(loggedOut.location()).isEqualTo("/");
    }
}
