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
class CsrfTokenLifecycleTests {

    @Autowired
    WebTestClient client;

    @Autowired
    RegisterUser registerUser;

    @Test
    void signedInPagesThenTokenFromOneRenderIsAcceptedOnTheNext() {
        TestUser user = TestUsers.registered(registerUser, "Token");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        String first = browser.get("/").csrfToken();
        String second = browser.get("/").csrfToken();

        Page loggedOut = browser.post("/logout", Map.of("_csrf", first));

        assertThat(second).as("masked differently on every render (BREACH)").isNotEqualTo(first);
        assertThat(loggedOut.location()).isEqualTo("/");
    }

    /**
     * Someone who planted a session, or read its token, before the victim logged in must not hold a
     * working token afterwards (OWASP CSRF cheat sheet; what Spring Security's servlet side does with
     * CsrfAuthenticationStrategy).
     */
    @Test
    void loginThenTheTokenIssuedBeforeLoginNoLongerAccepted() {
        TestUser user = TestUsers.registered(registerUser, "Fixed");
        Browser browser = new Browser(client);
        Page form = browser.get("/login");
        String tokenBeforeLogin = form.csrfToken();
        browser.follow(browser.post(
                "/login", Map.of("_csrf", tokenBeforeLogin, "username", user.username(), "password", user.password())));

        Page answer = browser.post("/logout", Map.of("_csrf", tokenBeforeLogin));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(browser.get("/top-secret").statusCode()).isEqualTo(200);
    }

    @Test
    void logoutThenTheTokenOfTheSignedInSessionNoLongerAccepted() {
        TestUser user = TestUsers.registered(registerUser, "After");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        String signedInToken = browser.get("/").csrfToken();
        browser.post("/logout", Map.of("_csrf", signedInToken));

        Page answer = browser.post(
                "/login", Map.of("_csrf", signedInToken, "username", user.username(), "password", user.password()));

        assertThat(answer.statusCode()).isEqualTo(403);
    }
}
