package dev.vestibule.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.web.Browser;
import dev.vestibule.adapters.web.Page;
import dev.vestibule.adapters.web.TestSecondFactors;
import dev.vestibule.adapters.web.TestUsers;
import dev.vestibule.adapters.web.TestUsers.TestUser;
import dev.vestibule.adapters.web.WebAdapterTest;
import dev.vestibule.adapters.web.WebAdapterTestApplication;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.domain.model.login.Factor;
import dev.vestibule.domain.model.login.SignInFactors;
import dev.vestibule.domain.model.session.SessionAttributes;
import dev.vestibule.domain.model.twofactor.SecondFactors;
import dev.vestibule.domain.port.in.RegisterUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

/**
 * (issue 14) Step-up: a page listed under vestibule.two-factor.step-up-paths (here the test's own page) needs a second
 * factor within the window from a user whose account has one; a user without any passes. The second-factor sign-ins
 * themselves are built elsewhere: here a session is given the factors such a sign-in keeps.
 */
@WebAdapterTest
class StepUpPageTests {

    private static final String PAGE = WebAdapterTestApplication.STEP_UP_PAGE;
    private static final SecondFactors APP = new SecondFactors(true, 10, 0);

    @Autowired
    WebTestClient client;

    @Autowired
    RegisterUser registerUser;

    @Autowired
    InMemoryUserRepository users;

    @Autowired
    TestSecondFactors secondFactors;

    @Autowired
    WebSessionManager sessions;

    @Autowired
    MutableClock clock;

    @Test
    void aSecondFactorGivenWithinTheWindowOpensTheListedPage() {
        TestUser user = TestUsers.registered(registerUser, "Recent");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        Instant now = clock.instant();
        givenFactors(
                browser, SignInFactors.of(Factor.PASSWORD, now.minusSeconds(30)).plus(Factor.AUTHENTICATOR_APP, now));
        enrol(user, APP);

        Page page = browser.get(PAGE);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo(SteppedUpTestPage.TEXT);
    }

    @Test
    void aPasskeySignInWithinTheWindowOpensTheListedPage() {
        TestUser user = TestUsers.registered(registerUser, "Keyed");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        givenFactors(browser, SignInFactors.of(Factor.PASSKEY, clock.instant().minusSeconds(60)));
        enrol(user, new SecondFactors(false, 0, 1));

        assertThat(browser.get(PAGE).statusCode()).isEqualTo(200);
    }

    @Test
    void aSecondFactorOlderThanTheWindowGetsTheStepUpPage() {
        TestUser user = TestUsers.registered(registerUser, "Stale");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        Instant now = clock.instant();
        givenFactors(
                browser,
                SignInFactors.of(Factor.PASSWORD, now.minus(Duration.ofMinutes(40)))
                        .plus(Factor.AUTHENTICATOR_APP, now.minus(WebAdapterTestApplication.STEP_UP_WINDOW)));
        enrol(user, APP);

        Page refused = browser.get(PAGE);

        assertStepUpPage(refused);
        Document page = refused.document();
        assertThat(page.selectFirst("main p").text())
                .isEqualTo("This page needs your second factor (authenticator app, recovery code or passkey) from the"
                        + " last 15 minutes, and this session has not given it in that time.");
        assertThat(page.select("main").text())
                .contains("Log out and sign in again with your password and your second factor, or with a passkey");
        assertThat(page.title()).isEqualTo("Confirm it is you · Vestibule");
    }

    @Test
    void aPasswordOnlySessionOfAnAccountWithASecondFactorGetsTheStepUpPageInGerman() {
        TestUser user = TestUsers.registered(registerUser, "Gestuft");
        Browser browser = Browser.speaking(client, "de");
        browser.logInAndLand(user);
        // Set up after this password-only sign-in: the session has not given it.
        enrol(user, APP);

        Page refused = browser.get(PAGE + "?tab=2");

        assertStepUpPage(refused);
        Document page = refused.document();
        assertThat(page.selectFirst("h1").text()).isEqualTo("Bestätigen Sie, dass Sie es sind");
        assertThat(page.selectFirst("main p").text()).contains("aus den letzten 15 Minuten");
        assertThat(page.selectFirst("main form[action=/logout] button").text())
                .isEqualTo("Abmelden und wieder anmelden");
        assertThat(page.selectFirst("main form[action=/logout] input[name=next]")
                        .val())
                .isEqualTo(PAGE + "?tab=2");
    }

    @Test
    void theStepUpPagesLogoutLeadsToTheLoginPageThatReturnsToThePage() {
        TestUser user = TestUsers.registered(registerUser, "Return");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        enrol(user, APP);
        Document page = browser.get(PAGE).document();
        Element form = page.selectFirst("main form[action=/logout]");

        Page loggedOut = browser.post(
                "/logout",
                Map.of(
                        "_csrf", form.selectFirst("input[name=_csrf]").val(),
                        "next", form.selectFirst("input[name=next]").val()));

        assertThat(loggedOut.statusCode()).isBetween(302, 303);
        assertThat(loggedOut.location()).isEqualTo("/login?next=%2Ftest%2Fstepped-up");
        assertThat(browser.get("/").showsSignedIn()).isFalse();
    }

    @Test
    void aLogoutWithAForeignNextStillLandsHome() {
        TestUser user = TestUsers.registered(registerUser, "Foreign");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        Page home = browser.get("/");

        Page loggedOut =
                browser.post("/logout", Map.of("_csrf", home.csrfToken(), "next", "https://evil.example/phish"));

        assertThat(loggedOut.location()).isEqualTo("/");
    }

    @Test
    void anAccountWithoutAnySecondFactorPassesItCannotStepUp() {
        TestUser user = TestUsers.registered(registerUser, "Single");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        givenFactors(browser, SignInFactors.of(Factor.PASSWORD, clock.instant().minus(Duration.ofHours(3))));

        assertThat(browser.get(PAGE).statusCode()).isEqualTo(200);
    }

    @Test
    void aVisitorIsSentToTheLoginPageAsForAnyPageThatNeedsALogin() {
        Page page = new Browser(client).get(PAGE);

        assertThat(page.statusCode()).isBetween(302, 303);
        assertThat(page.location()).startsWith("/login");
    }

    @Test
    void pagesThatAreNotListedNeedNoStepUp() {
        TestUser user = TestUsers.registered(registerUser, "Unlisted");
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        enrol(user, APP);

        assertThat(browser.get("/top-secret").statusCode()).isEqualTo(200);
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
    }

    private static void assertStepUpPage(Page refused) {
        assertThat(refused.statusCode()).isEqualTo(403);
        Document page = refused.document();
        assertThat(refused.showsSignedIn()).as("the user's own navigation").isTrue();
        assertThat(page.select("main form[action=/logout] input[type=hidden][name=_csrf]"))
                .hasSize(1);
        assertThat(refused.body()).doesNotContain(SteppedUpTestPage.TEXT);
    }

    private void enrol(TestUser user, SecondFactors factors) {
        secondFactors.set(users.findByLogin(user.username()).block().id(), factors);
    }

    private void givenFactors(Browser browser, SignInFactors factors) {
        sessionOf(browser).getAttributes().put(SessionAttributes.SIGN_IN_FACTORS, factors.serialized());
    }

    private WebSession sessionOf(Browser browser) {
        return ((DefaultWebSessionManager) sessions)
                .getSessionStore()
                .retrieveSession(browser.cookie("SESSION").orElseThrow())
                .block(Duration.ofSeconds(5));
    }
}
