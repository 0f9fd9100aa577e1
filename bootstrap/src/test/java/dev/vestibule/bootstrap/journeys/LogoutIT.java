package dev.vestibule.bootstrap.journeys;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.redis.testing.RedisTestServer;
import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import org.junit.jupiter.api.Test;

class LogoutIT {

    private final RunningVestibule vestibule = RunningVestibule.shared();
    private final RedisTestServer redis = RedisTestServer.shared();

    private Browser signedInBrowser() {
        String username = uniqueUsername("Out");
        Browser browser = new Browser(vestibule.baseUrl());
        browser.register(username, emailOf(username), PASSWORD);
        browser.open("/");
        return browser;
    }

    @Test
    void logoutEndsTheSessionOnTheServerSoAReplayedCookieIsAnonymous() {
        Browser browser = signedInBrowser();
        String sessionId = browser.cookie("SESSION").orElseThrow();
        assertThat(redis.commands().exists(redis.sessionNamespace() + ":sessions:" + sessionId))
                .isEqualTo(1);

        Page response = browser.logOut();

        assertThat(response.location()).contains("/");
        assertThat(browser.follow(response).flashes()).containsExactly("You have been logged out.");
        assertThat(redis.commands().exists(redis.sessionNamespace() + ":sessions:" + sessionId))
                .isZero();
        Browser replay = new Browser(vestibule.baseUrl());
        replay.setCookie("SESSION", sessionId);
        assertThat(replay.get("/top-secret").location()).contains("/login?next=/top-secret");
    }

    @Test
    void aGetToLogoutDoesNotLogOut() {
        Browser browser = signedInBrowser();

        Page response = browser.get("/logout");

        assertThat(response.status()).isIn(404, 405);
        assertThat(browser.get("/top-secret").status()).isEqualTo(200);
    }

    @Test
    void logoutWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        Browser browser = signedInBrowser();

        Page refused = browser.post("/logout", java.util.Map.of());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.heading()).isEqualTo("Forbidden");
        assertThat(browser.get("/top-secret").status()).isEqualTo(200);
    }
}
