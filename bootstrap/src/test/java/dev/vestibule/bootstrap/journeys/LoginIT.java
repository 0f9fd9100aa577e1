package dev.vestibule.bootstrap.journeys;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginIT {

    private static final String REJECTED = "Invalid username or password.";

    private final RunningVestibule vestibule = RunningVestibule.shared();

    private String registeredUser() {
        String username = uniqueUsername("Login");
        Browser browser = new Browser(vestibule.baseUrl());
        browser.register(username, emailOf(username), PASSWORD);
        browser.logOut();
        return username;
    }

    @Test
    void loginByUsernameOrEmailIgnoresCase() {
        String username = registeredUser();

        Browser byName = new Browser(vestibule.baseUrl());
        assertThat(byName.logIn(username.toUpperCase(Locale.ROOT), PASSWORD, false)
                        .location())
                .contains("/");
        assertThat(byName.open("/").heading()).isEqualTo("Hi, " + username + "!");

        Browser byEmail = new Browser(vestibule.baseUrl());
        byEmail.logIn(emailOf(username).toUpperCase(Locale.ROOT), PASSWORD, false);
        assertThat(byEmail.open("/").heading()).isEqualTo("Hi, " + username + "!");
    }

    @Test
    void wrongPasswordUnknownUserAndDisabledAccountGetTheSameAnswer() {
        String username = registeredUser();
        String disabled = registeredUser();
        RunningVestibule.executeSql("UPDATE users SET active = false WHERE username = ?", disabled);

        Page wrongPassword = failedLoginPage(username, "not the password at all");
        Page unknownUser = failedLoginPage(uniqueUsername("Nobody"), PASSWORD);
        Page disabledAccount = failedLoginPage(disabled, PASSWORD);

        for (Page page : new Page[] {wrongPassword, unknownUser, disabledAccount}) {
            assertThat(page.flashes()).containsExactly(REJECTED);
            assertThat(page.heading()).isEqualTo("Log In");
            assertThat(page.html().selectFirst("#password").attr("value")).isEmpty();
        }
    }

    @Test
    void aFailedLoginKeepsTheNameAndTheDestination() {
        String username = registeredUser();
        Browser browser = new Browser(vestibule.baseUrl());

        Page response = browser.submit(
                "/login?next=/top-secret", "/login", Map.of("username", username, "password", "wrong password here"));

        assertThat(response.location()).contains("/login?next=/top-secret");
        Page again = browser.follow(response);
        assertThat(again.html().selectFirst("#username").attr("value")).isEqualTo(username);
        assertThat(again.html().selectFirst("input[name=next]").attr("value")).isEqualTo("/top-secret");
    }

    @Test
    void loginRotatesTheSessionId() {
        String username = registeredUser();
        Browser browser = new Browser(vestibule.baseUrl());
        browser.logIn(username, "not-" + PASSWORD, false);
        assertThat(browser.cookie("SESSION"))
                .as("a failed login costs no session")
                .isEmpty();
        browser.logIn(username, PASSWORD, false); // the session a second login finds
        String before = browser.cookie("SESSION").orElseThrow();

        browser.post("/login", Map.of("_csrf", browser.csrfToken("/"), "username", username, "password", PASSWORD));

        assertThat(browser.cookie("SESSION")).isPresent().get().isNotEqualTo(before);
        Browser attacker = new Browser(vestibule.baseUrl());
        attacker.setCookie("SESSION", before);
        assertThat(attacker.get("/top-secret").location()).contains("/login?next=/top-secret");
    }

    @Test
    void loginFollowsOnlyASafeNext() {
        String username = registeredUser();

        Page safe = new Browser(vestibule.baseUrl())
                .submit(
                        "/login",
                        "/login",
                        Map.of("username", username, "password", PASSWORD, "next", "/top-secret?tab=2"));
        assertThat(safe.location()).contains("/top-secret?tab=2");

        for (String hostile :
                new String[] {"//evil.example", "https://evil.example/", "/\\evil.example", "/%2F%2Fevil.example"}) {
            Page ignored = new Browser(vestibule.baseUrl())
                    .submit("/login", "/login", Map.of("username", username, "password", PASSWORD, "next", hostile));
            assertThat(ignored.location()).as(hostile).contains("/");
        }
    }

    @Test
    void signedInUsersOpeningLoginOrRegisterAreSentHome() {
        String username = registeredUser();
        Browser browser = new Browser(vestibule.baseUrl());
        browser.logIn(username, PASSWORD, false);
        browser.open("/");

        for (String path : new String[] {"/login", "/register"}) {
            Page response = browser.get(path);
            assertThat(response.location()).as(path).contains("/");
            assertThat(browser.follow(response).flashes()).containsExactly("You are already logged in.");
        }
    }

    private Page failedLoginPage(String login, String password) {
        Browser browser = new Browser(vestibule.baseUrl());
        Page response = browser.logIn(login, password, false);
        assertThat(response.location()).contains("/login");
        return browser.follow(response);
    }
}
