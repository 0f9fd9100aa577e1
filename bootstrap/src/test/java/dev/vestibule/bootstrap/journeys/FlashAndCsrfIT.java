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

class FlashAndCsrfIT {

    private final RunningVestibule vestibule = RunningVestibule.shared();

    @Test
    void aFlashMessageIsShownExactlyOnce() {
        Browser browser = new Browser(vestibule.baseUrl());
        browser.get("/top-secret");

        assertThat(browser.open("/login?next=/top-secret").flashes())
                .containsExactly("Please log in to access this page.");
        assertThat(browser.open("/login?next=/top-secret").flashes()).isEmpty();
        assertThat(browser.open("/").flashes()).isEmpty();
    }

    @Test
    void aFlashWaitsThroughARedirectForThePageThatRendersIt() {
        Browser browser = new Browser(vestibule.baseUrl());
        String username = uniqueUsername("Wait");
        browser.register(username, emailOf(username), PASSWORD);

        Page redirect = browser.get("/login");
        assertThat(redirect.isRedirect()).isTrue();

        assertThat(browser.open("/").flashes())
                .containsExactly("Congratulations, you are now a registered user!", "You are already logged in.");
    }

    @Test
    void everyFormCarriesACsrfToken() {
        Browser browser = new Browser(vestibule.baseUrl());
        for (String path : new String[] {"/login", "/register"}) {
            assertThat(browser.open(path).html().select("form[method=post]"))
                    .as(path)
                    .isNotEmpty()
                    .allSatisfy(
                            form -> assertThat(form.select("input[name=_csrf]").attr("value"))
                                    .isNotBlank());
        }
    }

    @Test
    void aPostWithoutCsrfIsRejectedAndChangesNothing() {
        Browser browser = new Browser(vestibule.baseUrl());
        browser.open("/register");
        String username = uniqueUsername("Csrf");

        Page refused = browser.post(
                "/register",
                Map.of("username", username, "email", emailOf(username), "password", PASSWORD, "password2", PASSWORD));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("Exception", "at dev.", "at org.", "Whitelabel");
        assertThat(RunningVestibule.queryForLong("SELECT count(*) FROM users WHERE username = ?", username))
                .isZero();
    }

    @Test
    void aPostWithAForgedCsrfTokenIsRejected() {
        String username = uniqueUsername("Forged");
        new Browser(vestibule.baseUrl()).register(username, emailOf(username), PASSWORD);
        Browser browser = new Browser(vestibule.baseUrl());
        browser.open("/login");

        Page refused =
                browser.post("/login", Map.of("_csrf", "forged-token", "username", username, "password", PASSWORD));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(browser.get("/top-secret").isRedirect()).isTrue();
    }
}
