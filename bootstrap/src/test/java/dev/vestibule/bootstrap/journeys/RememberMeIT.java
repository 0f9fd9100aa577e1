package dev.vestibule.bootstrap.journeys;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Eventually;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import org.junit.jupiter.api.Test;

class RememberMeIT {

    private final RunningVestibule vestibule = RunningVestibule.shared();

    private String registeredUser() {
        String username = uniqueUsername("Mem");
        Browser browser = new Browser(vestibule.baseUrl());
        browser.register(username, emailOf(username), PASSWORD);
        browser.logOut();
        return username;
    }

    @Test
    void rememberedLoginSurvivesClosingTheBrowser() {
        String username = registeredUser();
        Browser browser = new Browser(vestibule.baseUrl());

        Page login = browser.logIn(username, PASSWORD, true);

        assertThat(login.setCookie("remember-me"))
                .hasValueSatisfying(cookie -> assertThat(cookie)
                        .contains("Max-Age=1209600")
                        .containsIgnoringCase("HttpOnly")
                        .contains("SameSite=Lax")
                        .contains("Path=/"));
        browser.dropCookie("SESSION");
        assertThat(browser.get("/top-secret").status()).isEqualTo(200);
        assertThat(browser.open("/").heading()).isEqualTo("Hi, " + username + "!");
    }

    @Test
    void withoutTheBoxThereIsNoPersistentCookie() {
        String username = registeredUser();
        Browser browser = new Browser(vestibule.baseUrl());

        Page login = browser.logIn(username, PASSWORD, false);

        assertThat(login.setCookie("remember-me")).isEmpty();
        assertThat(login.setCookie("SESSION"))
                .hasValueSatisfying(cookie -> assertThat(cookie).doesNotContain("Max-Age"));
        browser.dropCookie("SESSION");
        assertThat(browser.get("/top-secret").location()).contains("/login?next=/top-secret");
    }

    @Test
    void onlyAHashOfTheTokenIsStored() {
        String username = registeredUser();
        Browser browser = new Browser(vestibule.baseUrl());
        browser.logIn(username, PASSWORD, true);
        String secret = browser.cookie("remember-me").orElseThrow().split(":")[1];

        assertThat(RunningVestibule.queryForLong(
                        "SELECT count(*) FROM remembered_devices WHERE secret_hash = ?", secret))
                .isZero();
        assertThat(RunningVestibule.queryForLong(
                        "SELECT count(*) FROM remembered_devices d JOIN users u ON u.id = d.user_id WHERE u.username = ?",
                        username))
                .isEqualTo(1);
    }

    @Test
    void everyUseRotatesTheToken() {
        String username = registeredUser();
        Browser browser = new Browser(vestibule.baseUrl());
        browser.logIn(username, PASSWORD, true);
        String first = browser.cookie("remember-me").orElseThrow();
        browser.dropCookie("SESSION");

        browser.get("/top-secret");

        String second = browser.cookie("remember-me").orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(second.split(":")[0]).isEqualTo(first.split(":")[0]);
    }

    @Test
    void aReplayedOldTokenRevokesTheWholeSeries() throws InterruptedException {
        String username = registeredUser();
        Browser victim = new Browser(vestibule.baseUrl());
        victim.logIn(username, PASSWORD, true);
        String stolen = victim.cookie("remember-me").orElseThrow();
        victim.dropCookie("SESSION");
        victim.get("/top-secret");
        Thread.sleep(1_500); // past the rotation grace period the test instance runs with (1 s)

        Browser thief = new Browser(vestibule.baseUrl());
        thief.setCookie("remember-me", stolen);
        Page thiefResponse = thief.get("/top-secret");

        assertThat(thiefResponse.location()).contains("/login?next=/top-secret");
        assertThat(thiefResponse.setCookie("remember-me"))
                .hasValueSatisfying(cookie -> assertThat(cookie).contains("Max-Age=0"));
        victim.dropCookie("SESSION");
        assertThat(victim.get("/top-secret").location()).contains("/login?next=/top-secret");
        assertThat(RunningVestibule.queryForLong(
                        "SELECT count(*) FROM remembered_devices d JOIN users u ON u.id = d.user_id WHERE u.username = ?",
                        username))
                .isZero();
    }

    @Test
    void logoutRevokesTheRememberedLogin() {
        String username = registeredUser();
        Browser browser = new Browser(vestibule.baseUrl());
        browser.logIn(username, PASSWORD, true);
        String token = browser.cookie("remember-me").orElseThrow();

        browser.logOut();

        Browser replay = new Browser(vestibule.baseUrl());
        replay.setCookie("remember-me", token);
        assertThat(replay.get("/top-secret").location()).contains("/login?next=/top-secret");
    }

    @Test
    void aDeactivatedUsersRememberedLoginNoLongerWorks() {
        String username = registeredUser();
        Browser browser = new Browser(vestibule.baseUrl());
        browser.logIn(username, PASSWORD, true);
        browser.dropCookie("SESSION");

        RunningVestibule.executeSql("UPDATE users SET active = false WHERE username = ?", username);

        // Within the user cache's second; each try comes with the remember-me cookie alone, as after a restart.
        Eventually.within(
                Eventually.USER_CHANGE_SEEN,
                System.nanoTime(),
                "the remembered login refused",
                () -> {
                    browser.dropCookie("SESSION");
                    return browser.get("/top-secret").location();
                },
                location -> location.filter(target -> target.contains("/login?next=/top-secret"))
                        .isPresent());
    }
}
