package dev.vestibule.bootstrap.abuse;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.RunningVestibule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sessions end at their absolute lifetime however active they are, and remember-me only lasts its own lifetime. */
class SessionLifetimeIT {

    private static RunningVestibule vestibule;

    @BeforeAll
    static void startWithShortLifetimes() {
        vestibule = RunningVestibule.start(
                "--vestibule.session.absolute-timeout=3s", "--vestibule.remember-me.lifetime=5s");
    }

    @AfterAll
    static void stop() {
        vestibule.close();
    }

    @Test
    void anActiveSessionStillEndsAtItsAbsoluteLifetime() throws InterruptedException {
        Browser browser = new Browser(vestibule.baseUrl());
        String username = uniqueUsername("Abs");
        browser.register(username, emailOf(username), PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertThat(browser.get("/top-secret").status())
                    .as("active at %d00 ms", i * 5)
                    .isEqualTo(200);
            Thread.sleep(500);
        }

        Thread.sleep(1_500);

        assertThat(browser.get("/top-secret").location()).contains("/login?next=/top-secret");
    }

    @Test
    void rememberMeReestablishesASessionOnlyWithinItsOwnLifetime() throws InterruptedException {
        String username = uniqueUsername("Life");
        Browser setup = new Browser(vestibule.baseUrl());
        setup.register(username, emailOf(username), PASSWORD);
        setup.logOut();
        Browser browser = new Browser(vestibule.baseUrl());
        browser.logIn(username, PASSWORD, true);
        String token = browser.cookie("remember-me").orElseThrow();

        Thread.sleep(3_500);
        browser.dropCookie("SESSION");
        assertThat(browser.get("/top-secret").status())
                .as("within the remember-me lifetime")
                .isEqualTo(200);

        Thread.sleep(2_000);
        Browser later = new Browser(vestibule.baseUrl());
        later.setCookie("remember-me", browser.cookie("remember-me").orElse(token));
        assertThat(later.get("/top-secret").location())
                .as("past the remember-me lifetime")
                .contains("/login?next=/top-secret");
    }
}
