package dev.vestibule.bootstrap.journeys;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Eventually;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class CurrentUserIT {

    private final RunningVestibule vestibule = RunningVestibule.shared();

    @Test
    void everyPageShowsWhoIsSignedIn() {
        Browser browser = new Browser(vestibule.baseUrl());
        assertThat(navigationTexts(browser.open("/login")))
                .contains("Log In", "Register")
                .doesNotContain("Log Out");

        String username = uniqueUsername("Nav");
        browser.register(username, emailOf(username), PASSWORD);

        for (String path : new String[] {"/", "/top-secret"}) {
            Page page = browser.open(path);
            assertThat(navigationTexts(page))
                    .as(path)
                    .contains(username, "Log Out")
                    .doesNotContain("Log In", "Register");
            Element logout = page.html().selectFirst("nav form[action=/logout]");
            assertThat(logout.attr("method")).isEqualTo("post");
            assertThat(logout.selectFirst("input[name=_csrf]").attr("value")).isNotBlank();
        }
    }

    @Test
    void aUserDeactivatedInTheDatabaseIsSignedOutWithinASecond() {
        Browser browser = new Browser(vestibule.baseUrl());
        String username = uniqueUsername("Gone");
        browser.register(username, emailOf(username), PASSWORD);
        assertThat(browser.get("/top-secret").status()).isEqualTo(200);

        RunningVestibule.executeSql("UPDATE users SET active = false WHERE username = ?", username);

        // Each instance may serve its cached copy until PostgreSQL's notification reaches it (UserCacheIT).
        Eventually.within(
                Eventually.USER_CHANGE_SEEN,
                System.nanoTime(),
                "signed out",
                () -> browser.get("/top-secret").location(),
                location -> location.filter(target -> target.contains("/login?next=/top-secret"))
                        .isPresent());
        assertThat(browser.open("/").heading()).isEqualTo("Hello, Anonymous!");
    }

    @Test
    void aRenamedUserIsShownByTheirNewNameWithinASecondWithoutLoggingInAgain() {
        Browser browser = new Browser(vestibule.baseUrl());
        String username = uniqueUsername("Old");
        browser.register(username, emailOf(username), PASSWORD);
        assertThat(browser.open("/").heading()).isEqualTo("Hi, " + username + "!");
        String renamed = uniqueUsername("New");

        RunningVestibule.executeSql("UPDATE users SET username = ? WHERE username = ?", renamed, username);

        Eventually.within(
                Eventually.USER_CHANGE_SEEN,
                System.nanoTime(),
                "the new name shown",
                () -> browser.open("/").heading(),
                ("Hi, " + renamed + "!")::equals);
    }

    private static java.util.List<String> navigationTexts(Page page) {
        return page.html().select("nav a, nav button, nav .current-user").stream()
                .map(Element::text)
                .toList();
    }
}
