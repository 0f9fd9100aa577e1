package dev.vestibule.adapters.web.secret;

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
class LoginRequiredTests {

    static final String PLEASE_LOG_IN = "Please log in to access this page.";

    @Autowired
    WebTestClient client;

    @Autowired
    RegisterUser registerUser;

    @Test
    void topSecretWhenAnonymousThenRedirectsToLoginWithNextAndAsksToLogIn() {
        Browser browser = new Browser(client);

        Page redirect = browser.get("/top-secret");

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.location()).isEqualTo("/login?next=/top-secret");
        Page login = browser.follow(redirect);
        assertThat(login.flashes()).containsExactly(PLEASE_LOG_IN);
        assertThat(login.document().select("[role=alert]").eachText()).containsExactly(PLEASE_LOG_IN);
        assertThat(login.document().select("input[type=hidden][name=next]").eachAttr("value"))
                .containsExactly("/top-secret");
        assertThat(browser.get("/login?next=/top-secret").flashes())
                .as("shown once")
                .isEmpty();
    }

    @Test
    void topSecretWhenAnonymousWithQueryThenTheQueryRoundTripsThroughTheLogin() {
        TestUser user = TestUsers.registered(registerUser, "Quinn");
        Browser browser = new Browser(client);

        Page redirect = browser.get("/top-secret?tab=2&sort=a+b");
        assertThat(redirect.location()).isEqualTo("/login?next=/top-secret?tab%3D2%26sort%3Da%2Bb");
        Page login = browser.follow(redirect);
        String next =
                login.document().selectFirst("input[type=hidden][name=next]").val();
        assertThat(next).isEqualTo("/top-secret?tab=2&sort=a+b");
        Page loggedIn = browser.post(
                "/login",
                Map.of(
                        "_csrf",
                        login.csrfToken(),
                        "username",
                        user.username(),
                        "password",
                        user.password(),
                        "next",
                        next));

        assertThat(loggedIn.location()).isEqualTo("/top-secret?tab=2&sort=a+b");
        Page secret = browser.follow(loggedIn);
        assertThat(secret.statusCode()).isEqualTo(200);
        assertThat(secret.heading()).isEqualTo("Top secret");
    }

    @Test
    void topSecretWhenLoginFailsFirstThenTheNextSurvivesTheRetry() {
        TestUser user = TestUsers.registered(registerUser, "Retry");
        Browser browser = new Browser(client);
        Page login = browser.follow(browser.get("/top-secret?tab=2"));

        Page rejected = browser.post(
                "/login",
                Map.of(
                        "_csrf",
                        login.csrfToken(),
                        "username",
                        user.username(),
                        "password",
                        "wrong password 3",
                        "next",
                        "/top-secret?tab=2"));
        Page again = browser.follow(rejected);
        Page loggedIn = browser.post(
                "/login",
                Map.of(
                        "_csrf",
                        again.csrfToken(),
                        "username",
                        user.username(),
                        "password",
                        user.password(),
                        "next",
                        again.document().selectFirst("input[name=next]").val()));

        assertThat(rejected.location()).isEqualTo("/login?next=/top-secret?tab%3D2");
        assertThat(loggedIn.location()).isEqualTo("/top-secret?tab=2");
    }

    @Test
    void topSecretWhenSignedInThenShown() {
        TestUser user = TestUsers.registered(registerUser, "Sam");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);

        Page secret = browser.get("/top-secret");

        assertThat(secret.statusCode()).isEqualTo(200);
        assertThat(secret.heading()).isEqualTo("Top secret");
        assertThat(secret.document().select("main p").text()).contains("Welcome in, " + user.username() + ".");
        assertThat(secret.document().title()).isEqualTo("Top secret · Vestibule");
    }

    @Test
    void protectedPathWhenItWouldMakeAHostileNextThenLoginWithoutNext() {
        Page redirect = new Browser(client).get("/top-secret?from=//evil.com");

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.location()).isEqualTo("/login");
    }

    /** Spring Security's firewall refuses encoded slashes before any handler, so no next is ever built from them. */
    @Test
    void protectedPathWithEncodedSlashesThenRefusedBeforeAnyRedirect() {
        Page refused = new Browser(client).get("/top-secret/%2F%2Fevil.com");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().getLocation()).isNull();
    }
}
