package dev.vestibule.bootstrap.journeys;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.RunningVestibule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two instances on different ports sharing one PostgreSQL and one Redis, as behind a load balancer without sticky sessions. */
class TwoInstancesIT {

    private static RunningVestibule first;
    private static RunningVestibule second;

    @BeforeAll
    static void startTwoInstances() {
        first = RunningVestibule.shared();
        second = RunningVestibule.start();
    }

    @AfterAll
    static void stopTheSecond() {
        second.close();
    }

    @Test
    void aSessionMadeOnOneInstanceIsAcceptedOnTheOther() {
        assertThat(first.baseUrl()).isNotEqualTo(second.baseUrl());
        Browser browser = new Browser(first.baseUrl());
        String username = uniqueUsername("Two");
        browser.register(username, emailOf(username), PASSWORD);

        browser.switchTo(second.baseUrl());

        assertThat(browser.get("/top-secret").status()).isEqualTo(200);
        assertThat(browser.open("/").heading()).isEqualTo("Hi, " + username + "!");
    }

    @Test
    void logoutOnOneInstanceEndsTheSessionOnBoth() {
        Browser browser = new Browser(first.baseUrl());
        String username = uniqueUsername("Both");
        browser.register(username, emailOf(username), PASSWORD);
        String sessionId = browser.cookie("SESSION").orElseThrow();

        browser.switchTo(second.baseUrl()).logOut();

        Browser replay = new Browser(first.baseUrl());
        replay.setCookie("SESSION", sessionId);
        assertThat(replay.get("/top-secret").location()).contains("/login?next=/top-secret");
    }

    @Test
    void aRememberMeCookieFromOneInstanceWorksOnTheOther() {
        String username = uniqueUsername("Rem");
        Browser setup = new Browser(first.baseUrl());
        setup.register(username, emailOf(username), PASSWORD);
        setup.logOut();
        Browser browser = new Browser(first.baseUrl());
        browser.logIn(username, PASSWORD, true);
        browser.dropCookie("SESSION");

        browser.switchTo(second.baseUrl());

        assertThat(browser.get("/top-secret").status()).isEqualTo(200);
    }

    @Test
    void aFlashQueuedOnOneInstanceIsShownByTheOther() {
        Browser browser = new Browser(first.baseUrl());
        browser.get("/top-secret");

        browser.switchTo(second.baseUrl());

        assertThat(browser.open("/login").flashes()).containsExactly("Please log in to access this page.");
    }
}
