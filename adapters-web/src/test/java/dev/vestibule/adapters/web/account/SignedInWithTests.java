package dev.vestibule.adapters.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.web.Browser;
import dev.vestibule.adapters.web.TestUsers;
import dev.vestibule.adapters.web.TestUsers.TestUser;
import dev.vestibule.adapters.web.WebAdapterTest;
import dev.vestibule.domain.model.login.Factor;
import dev.vestibule.domain.model.login.SignInFactors;
import dev.vestibule.domain.model.session.Handle;
import dev.vestibule.domain.model.session.SessionAttributes;
import dev.vestibule.domain.port.in.RegisterUser;
import java.time.Duration;
import java.time.Instant;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

/**
 * (issue 14) The sessions page says how each session signed in, from the factors its session keeps. The second-factor
 * sign-ins are built elsewhere: here a session is given the factors such a sign-in stores, as the store would hold
 * them.
 */
@WebAdapterTest
class SignedInWithTests {

    private static final Instant AT = Instant.parse("2026-01-05T09:58:00Z");

    @Autowired
    WebTestClient client;

    @Autowired
    RegisterUser registerUser;

    @Autowired
    WebSessionManager sessions;

    @Test
    void sessionsPageSaysHowEachSessionSignedInInEnglish() {
        TestUser user = TestUsers.registered(registerUser, "Methods");
        Browser here = new Browser(client);
        here.logInAndLand(user);
        Browser app = signedInWith(user, SignInFactors.of(Factor.PASSWORD, AT).plus(Factor.AUTHENTICATOR_APP, AT));
        Browser recovery =
                signedInWith(user, SignInFactors.of(Factor.PASSWORD, AT).plus(Factor.RECOVERY_CODE, AT));
        Browser asSecondFactor =
                signedInWith(user, SignInFactors.of(Factor.PASSWORD, AT).plus(Factor.PASSKEY, AT));
        Browser passkey = signedInWith(user, SignInFactors.of(Factor.PASSKEY, AT));
        Browser reopened = signedInWith(user, SignInFactors.of(Factor.REMEMBERED_BROWSER, AT));
        Browser older = new Browser(client);
        older.logInAndLand(user);
        // Signed in before this release: no factors kept, and a password was the only way then.
        sessionOf(older).getAttributes().remove(SessionAttributes.SIGN_IN_FACTORS);

        Document page = here.get("/account/sessions").document();

        assertThat(signedInWith(page, here)).isEqualTo("password");
        assertThat(signedInWith(page, app)).isEqualTo("password + authenticator app");
        assertThat(signedInWith(page, recovery)).isEqualTo("password + recovery code");
        assertThat(signedInWith(page, asSecondFactor)).isEqualTo("password + passkey");
        assertThat(signedInWith(page, passkey)).isEqualTo("passkey");
        assertThat(signedInWith(page, reopened)).isEqualTo("remembered browser");
        assertThat(signedInWith(page, older)).isEqualTo("password");
        assertThat(page.select("li.signin dt").eachText()).contains("Signed in with");
    }

    @Test
    void sessionsPageSaysARememberedBrowserSignsInAsARememberedBrowserInGerman() {
        TestUser user = TestUsers.registered(registerUser, "Methoden");
        Browser here = Browser.speaking(client, "de");
        here.logIn(user.username(), user.password(), true, null);
        Browser app = signedInWith(user, SignInFactors.of(Factor.PASSWORD, AT).plus(Factor.AUTHENTICATOR_APP, AT));

        Document page = here.get("/account/sessions").document();

        assertThat(signedInWith(page, here)).isEqualTo("Passwort");
        assertThat(signedInWith(page, app)).isEqualTo("Passwort + Authenticator-App");
        // "Remember me" at that login: the browser is also listed as a remembered browser that can sign in again.
        assertThat(page.select("li.signin"))
                .filteredOn(row -> row.select("dd").eachText().contains("Gemerkter Browser („Angemeldet bleiben“)"))
                .singleElement()
                .satisfies(row ->
                        assertThat(row.selectFirst("dd.signed-in-with").text()).isEqualTo("gemerktem Browser"));
        assertThat(page.select("li.signin dt").eachText()).contains("Angemeldet mit");
    }

    /** A browser signed in with the password, whose session is then given the factors another way of signing in keeps. */
    private Browser signedInWith(TestUser user, SignInFactors factors) {
        Browser browser = new Browser(client);
        browser.logInAndLand(user);
        sessionOf(browser).getAttributes().put(SessionAttributes.SIGN_IN_FACTORS, factors.serialized());
        return browser;
    }

    private static String signedInWith(Document page, Browser browser) {
        String handle = Handle.of(browser.cookie("SESSION").orElseThrow()).value();
        Element row = page.select("li.signin").stream()
                .filter(signIn ->
                        handle.equals(signIn.select("input[name=handle]").val()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for the session " + handle));
        return row.selectFirst("dd.signed-in-with").text();
    }

    private WebSession sessionOf(Browser browser) {
        return ((DefaultWebSessionManager) sessions)
                .getSessionStore()
                .retrieveSession(browser.cookie("SESSION").orElseThrow())
                .block(Duration.ofSeconds(5));
    }
}
