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
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The CSRF token lives in a cookie, so that reading a page with a form costs no session. */
@WebAdapterTest
class CsrfCookieTests {

    @Autowired
    WebTestClient client;

    @Autowired
    RegisterUser registerUser;

    @Test
    void anonymousFormPagesWhenReadThenNoSessionButAnHttpOnlyLaxCsrfCookie() {
        for (String path : new String[] {"/login", "/register", "/"}) {
            Page page = new Browser(client).get(path);

            assertThat(page.cookie("SESSION")).as(path).isEmpty();
            if (!path.equals("/")) {
                ResponseCookie csrf = page.cookie("csrf").orElseThrow();
                assertThat(csrf.isHttpOnly()).as(path).isTrue();
                assertThat(csrf.getSameSite()).as(path).isEqualTo("Lax");
                assertThat(csrf.getPath()).as(path).isEqualTo("/");
                assertThat(csrf.isSecure()).as("plain HTTP on localhost").isFalse();
            }
        }
    }

    @Test
    void csrfCookieWhenRequestCameOverHttpsThenSecureWithTheHostPrefix() {
        Page page = new Browser(client).get("https://localhost/login");

        ResponseCookie csrf = page.cookie("__Host-csrf").orElseThrow();
        assertThat(csrf.isSecure()).isTrue();
        assertThat(csrf.getDomain()).isNull();
        assertThat(page.cookie("csrf")).isEmpty();
    }

    @Test
    void loginWhenTheFormsTokenDoesNotMatchTheCookieThenForbidden() {
        TestUser user = TestUsers.registered(registerUser, "Mismatch");
        Browser browser = new Browser(client);
        String otherBrowsersToken = new Browser(client).get("/login").csrfToken();
        browser.get("/login");

        Page refused = browser.post(
                "/login",
                Map.of("_csrf", otherBrowsersToken, "username", user.username(), "password", user.password()));

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void loginWhenTheCsrfCookieIsMissingThenForbiddenEvenWithAToken() {
        TestUser user = TestUsers.registered(registerUser, "NoCookie");
        Browser browser = new Browser(client);
        String token = browser.get("/login").csrfToken();
        browser.dropCookie("csrf");

        Page refused = browser.post(
                "/login", Map.of("_csrf", token, "username", user.username(), "password", user.password()));

        assertThat(refused.statusCode()).isEqualTo(403);
    }
}
