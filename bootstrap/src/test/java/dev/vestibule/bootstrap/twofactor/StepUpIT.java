package dev.vestibule.bootstrap.twofactor;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import dev.vestibule.bootstrap.support.TwoFactor;
import dev.vestibule.bootstrap.support.TwoFactor.Enrolment;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * (issue 14) Step-up on the real stack: with {@code /account/activity} listed, a session without a recent second
 * factor of an account that has one gets the step-up page; logging out there and signing in again with the
 * authenticator app comes back to the page, which then opens; the sessions page says how that session signed in.
 */
class StepUpIT {

    private static final String LISTED = "/account/activity";

    private static RunningVestibule vestibule;

    @BeforeAll
    static void start() {
        vestibule = RunningVestibule.start(
                "--vestibule.two-factor.step-up-paths=" + LISTED, "--vestibule.two-factor.step-up-window=15m");
    }

    @AfterAll
    static void stop() {
        if (vestibule != null) {
            vestibule.close();
        }
    }

    @Test
    void aPasswordOnlySessionStepsUpWithTheAppAndComesBackToThePage() {
        String username = uniqueUsername("StepUp");
        Browser browser = new Browser(vestibule.baseUrl());
        assertThat(browser.register(username, emailOf(username), PASSWORD).status())
                .isEqualTo(303);
        Enrolment app = TwoFactor.enrol(browser);

        // Signed in by the sign-up's password: the app was set up after it.
        Page refused = browser.get(LISTED);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.html().select("h1").text()).isEqualTo("Confirm it is you");
        Element logout = refused.html().selectFirst("main form[action=/logout]");
        assertThat(logout.selectFirst("input[name=next]").val()).isEqualTo(LISTED);

        Page loggedOut = browser.post(
                "/logout",
                Map.of(
                        "_csrf", logout.selectFirst("input[name=_csrf]").val(),
                        "next", logout.selectFirst("input[name=next]").val()));
        assertThat(loggedOut.location()).hasValue("/login?next=%2Faccount%2Factivity");
        Page afterPassword = browser.submit(
                loggedOut.location().orElseThrow(), "/login", Map.of("username", username, "password", PASSWORD));
        assertThat(afterPassword.location()).hasValue("/login/two-factor");
        Page signedIn = TwoFactor.secondStep(browser, app.code(1));
        assertThat(signedIn.location()).hasValue(LISTED);

        assertThat(browser.get(LISTED).status()).isEqualTo(200);
        assertThat(browser.open("/account/sessions")
                        .html()
                        .select("li.signin.this-browser dd.signed-in-with")
                        .text())
                .isEqualTo("password + authenticator app");
    }

    @Test
    void anAccountWithoutASecondFactorOpensTheListedPage() {
        String username = uniqueUsername("NoStep");
        Browser browser = new Browser(vestibule.baseUrl());
        browser.register(username, emailOf(username), PASSWORD);

        assertThat(browser.get(LISTED).status()).isEqualTo(200);
    }
}
