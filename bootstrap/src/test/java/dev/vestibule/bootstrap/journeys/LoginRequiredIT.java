package dev.vestibule.bootstrap.journeys;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginRequiredIT {

    private final RunningVestibule vestibule = RunningVestibule.shared();

    @Test
    void anonymousVisitorsOfAProtectedPageAreSentToLoginWithAMessageAndComeBackAfter() {
        String username = uniqueUsername("Back");
        Browser setup = new Browser(vestibule.baseUrl());
        setup.register(username, emailOf(username), PASSWORD);
        setup.logOut();
        Browser browser = new Browser(vestibule.baseUrl());

        Page refused = browser.get("/top-secret");
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).contains("/login?next=/top-secret");

        Page loginPage = browser.follow(refused);
        assertThat(loginPage.flashes()).containsExactly("Please log in to access this page.");
        Page afterLogin = browser.post(
                "/login",
                Map.of(
                        "_csrf",
                        loginPage.html().selectFirst("input[name=_csrf]").attr("value"),
                        "next",
                        loginPage.html().selectFirst("input[name=next]").attr("value"),
                        "username",
                        username,
                        "password",
                        PASSWORD));
        assertThat(afterLogin.location()).contains("/top-secret");
        assertThat(browser.follow(afterLogin).heading()).isEqualTo("Top secret");
    }

    @Test
    void theOriginalQueryStringSurvivesTheDetour() {
        Browser browser = new Browser(vestibule.baseUrl());

        Page refused = browser.get("/top-secret?tab=2&view=a%20b");

        assertThat(refused.location()).contains("/login?next=/top-secret?tab%3D2%26view%3Da%2520b");
        Page loginPage = browser.follow(refused);
        assertThat(loginPage.html().selectFirst("input[name=next]").attr("value"))
                .isEqualTo("/top-secret?tab=2&view=a%20b");
    }
}
