package dev.vestibule.adapters.web.rememberme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.web.Browser;
import dev.vestibule.adapters.web.Page;
import dev.vestibule.adapters.web.TestUsers;
import dev.vestibule.adapters.web.TestUsers.TestUser;
import dev.vestibule.adapters.web.WebAdapterTest;
import dev.vestibule.adapters.web.WebAdapterTestApplication;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.domain.port.in.RegisterUser;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;

@WebAdapterTest
class RememberMeTests {

    static final String COOKIE = "remember-me";

    @Autowired
    WebTestClient client;

    @Autowired
    RegisterUser registerUser;

    @Autowired
    MutableClock clock;

    @Autowired
    InMemoryUserRepository users;

    @Test
    void loginWithRememberMeThenSetsAPersistentHttpOnlyLaxCookie() {
        TestUser user = TestUsers.registered(registerUser, "Remy");

        Page loggedIn = new Browser(client).logIn(user.username(), user.password(), true, null);

        ResponseCookie cookie = loggedIn.cookie(COOKIE).orElseThrow();
        assertThat(cookie.getMaxAge())
                .isEqualTo(Duration.ofDays(14))
                .isEqualTo(WebAdapterTestApplication.REMEMBER_ME_LIFETIME);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.isSecure()).as("plain HTTP on localhost").isFalse();
        assertThat(cookie.getValue()).matches("[A-Za-z0-9_-]{43}:[A-Za-z0-9_-]{43}");
        assertThat(loggedIn.headers().get("Set-Cookie"))
                .anySatisfy(header -> assertThat(header)
                        .startsWith(COOKIE + "=")
                        .contains("Max-Age=1209600", "HttpOnly", "SameSite=Lax"));
    }

    @Test
    void loginWithoutRememberMeThenNoRememberMeCookie() {
        TestUser user = TestUsers.registered(registerUser, "Forgetful");
        Browser browser = new Browser(client);

        Page loggedIn = browser.logIn(user.username(), user.password(), false, null);

        assertThat(loggedIn.location()).isEqualTo("/");
        assertThat(loggedIn.cookie(COOKIE)).isEmpty();
        assertThat(browser.cookie(COOKIE)).isEmpty();
        browser.dropCookie("SESSION");
        assertThat(browser.get("/top-secret").location()).isEqualTo("/login?next=/top-secret");
    }

    @Test
    void loginOverHttpsThenSessionAndRememberMeCookiesAreSecure() {
        TestUser user = TestUsers.registered(registerUser, "Tls");
        Browser browser = new Browser(client);
        Page form = browser.get("https://localhost/login");

        Page loggedIn = browser.post(
                "https://localhost/login",
                Map.of(
                        "_csrf",
                        form.csrfToken(),
                        "username",
                        user.username(),
                        "password",
                        user.password(),
                        "remember-me",
                        "on"));

        assertThat(loggedIn.cookie("__Host-" + COOKIE).orElseThrow().isSecure()).isTrue();
        assertThat(loggedIn.cookie("__Host-SESSION").orElseThrow().isSecure()).isTrue();
        assertThat(loggedIn.cookie("__Host-vestibule-device").orElseThrow().isSecure())
                .isTrue();
        assertThat(loggedIn.headers().getFirst("Strict-Transport-Security")).contains("max-age=");
    }

    @Test
    void rememberedBrowserWhenSessionGoneThenSignedInAgainAndTheSecretRotated() {
        TestUser user = TestUsers.registered(registerUser, "Returning");
        Browser browser = new Browser(client);
        browser.follow(browser.logIn(user.username(), user.password(), true, null));
        String first = browser.cookie(COOKIE).orElseThrow();
        browser.dropCookie("SESSION");

        Page secret = browser.get("/top-secret");

        assertThat(secret.statusCode()).isEqualTo(200);
        assertThat(secret.heading()).isEqualTo("Top secret");
        String second = secret.cookie(COOKIE).orElseThrow().getValue();
        assertThat(second).isNotEqualTo(first);
        assertThat(series(second)).isEqualTo(series(first));
        assertThat(secret.cookie(COOKIE).get().getMaxAge()).isEqualTo(Duration.ofDays(14));
        assertThat(secret.cookie("SESSION")).as("a new signed-in session").isPresent();
        Page home = browser.get("/");
        assertThat(home.heading()).isEqualTo("Hi, " + user.username() + "!");
        assertThat(home.cookie(COOKIE))
                .as("no rotation while the session lasts")
                .isEmpty();
    }

    @Test
    void rememberedBrowserWhenSignedInAgainThenThePageItGetsHasAWorkingCsrfToken() {
        TestUser user = TestUsers.registered(registerUser, "Forms");
        Browser browser = new Browser(client);
        browser.logIn(user.username(), user.password(), true, null);
        browser.dropCookie("SESSION");

        Page home = browser.get("/");
        Page loggedOut = browser.post("/logout", Map.of("_csrf", home.csrfToken()));

        assertThat(home.heading()).isEqualTo("Hi, " + user.username() + "!");
        assertThat(loggedOut.location()).isEqualTo("/");
    }

    @Test
    void rememberedBrowserWhenOldSecretArrivesWithinGracePeriodThenSignedInWithoutAnotherRotation() {
        TestUser user = TestUsers.registered(registerUser, "Tabs");
        Browser browser = new Browser(client);
        browser.logIn(user.username(), user.password(), true, null);
        String first = browser.cookie(COOKIE).orElseThrow();
        browser.dropCookie("SESSION");
        browser.get("/");
        clock.advance(WebAdapterTestApplication.ROTATION_GRACE_PERIOD.dividedBy(2));

        Browser secondTab = new Browser(client);
        secondTab.setCookie(COOKIE, first);
        Page page = secondTab.get("/");

        assertThat(page.heading()).isEqualTo("Hi, " + user.username() + "!");
        assertThat(page.cookie(COOKIE)).isEmpty();
        assertThat(browser.get("/top-secret").statusCode()).isEqualTo(200);
    }

    @Test
    void rememberedBrowserWhenOldSecretArrivesAfterGracePeriodThenNobodySignedInAndTheSeriesRevoked() {
        TestUser user = TestUsers.registered(registerUser, "Stolen");
        Browser owner = new Browser(client);
        owner.logIn(user.username(), user.password(), true, null);
        String copied = owner.cookie(COOKIE).orElseThrow();
        owner.dropCookie("SESSION");
        owner.get("/");
        String newest = owner.cookie(COOKIE).orElseThrow();
        assertThat(newest).isNotEqualTo(copied);
        clock.advance(WebAdapterTestApplication.ROTATION_GRACE_PERIOD.plusSeconds(1));

        Browser thief = new Browser(client);
        thief.setCookie(COOKIE, copied);
        Page page = thief.get("/");

        assertThat(page.heading()).isEqualTo("Hello, Anonymous!");
        assertThat(page.cookie(COOKIE)).get().satisfies(cleared -> {
            assertThat(cleared.getMaxAge()).isZero();
            assertThat(cleared.getValue()).isEmpty();
        });
        assertThat(page.flashes()).singleElement().asString().startsWith("For your safety, please log in again");
        assertThat(thief.cookie(COOKIE)).isEmpty();

        Browser ownerWithoutSession = new Browser(client);
        ownerWithoutSession.setCookie(COOKIE, newest);
        Page ownersPage = ownerWithoutSession.get("/top-secret");
        assertThat(ownersPage.location()).as("the whole series is revoked").isEqualTo("/login?next=/top-secret");
        assertThat(ownersPage.cookie(COOKIE).orElseThrow().getMaxAge()).isZero();
    }

    @Test
    void logoutThenTheRememberMeCookieIsClearedAndNoLongerWorks() {
        TestUser user = TestUsers.registered(registerUser, "Leaving");
        Browser browser = new Browser(client);
        browser.follow(browser.logIn(user.username(), user.password(), true, null));
        String remembered = browser.cookie(COOKIE).orElseThrow();

        Page loggedOut = browser.logOut();

        assertThat(loggedOut.cookie(COOKIE).orElseThrow().getMaxAge()).isZero();
        assertThat(browser.cookie(COOKIE)).isEmpty();
        Browser replay = new Browser(client);
        replay.setCookie(COOKIE, remembered);
        assertThat(replay.get("/top-secret").location()).isEqualTo("/login?next=/top-secret");
    }

    @Test
    void rememberMeWhenCookieIsGarbageThenClearedAndAnonymous() {
        Browser browser = new Browser(client);
        browser.setCookie(COOKIE, "not-a-token");

        Page page = browser.get("/");

        assertThat(page.heading()).isEqualTo("Hello, Anonymous!");
        assertThat(page.cookie(COOKIE).orElseThrow().getMaxAge()).isZero();
        assertThat(page.flashes()).isEmpty();
    }

    @Test
    void rememberMeWhenUserDeactivatedThenNotSignedIn() {
        TestUser user = TestUsers.registered(registerUser, "Gone");
        Browser browser = new Browser(client);
        browser.logIn(user.username(), user.password(), true, null);
        browser.dropCookie("SESSION");
        users.replace(users.findByLogin(user.username()).block().deactivated());

        Page page = browser.get("/top-secret");

        assertThat(page.location()).isEqualTo("/login?next=/top-secret");
        assertThat(page.cookie(COOKIE).orElseThrow().getMaxAge()).isZero();
    }

    @Test
    void loginWithPasswordWhenBrowserHadARememberedSeriesThenTheOldSeriesIsForgotten() {
        TestUser user = TestUsers.registered(registerUser, "Twice");
        Browser browser = new Browser(client);
        browser.logIn(user.username(), user.password(), true, null);
        String oldSeries = browser.cookie(COOKIE).orElseThrow();
        Browser again = new Browser(client);
        Page form = again.get("/login");
        again.setCookie(COOKIE, oldSeries);

        Page loggedIn = again.post(
                "/login",
                Map.of(
                        "_csrf",
                        form.csrfToken(),
                        "username",
                        user.username(),
                        "password",
                        user.password(),
                        "remember-me",
                        "on"));

        String newSeries = again.cookie(COOKIE).orElseThrow();
        assertThat(series(newSeries)).isNotEqualTo(series(oldSeries));
        assertThat(loggedIn.cookies().get(COOKIE))
                .as("old cleared, then new set")
                .hasSize(2);
        Browser replay = new Browser(client);
        replay.setCookie(COOKIE, oldSeries);
        assertThat(replay.get("/top-secret").location()).isEqualTo("/login?next=/top-secret");
    }

    private static String series(String cookieValue) {
        return cookieValue.substring(0, cookieValue.indexOf(':'));
    }
}
