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

class ErrorPagesIT {

    private final RunningVestibule vestibule = RunningVestibule.shared();

    private Browser signedInBrowser() {
        String username = uniqueUsername("Err");
        Browser browser = new Browser(vestibule.baseUrl());
        browser.register(username, emailOf(username), PASSWORD);
        return browser;
    }

    @Test
    void anUnknownPageIsA404InTheSiteLayoutThatStillKnowsTheUser() {
        String username = uniqueUsername("Lost");
        Browser browser = new Browser(vestibule.baseUrl());
        browser.register(username, emailOf(username), PASSWORD);

        Page page = browser.get("/no/such/page");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.heading()).isEqualTo("Page not found");
        assertThat(page.html().select("nav .current-user").text()).isEqualTo(username);
        assertWithoutInternals(page);
    }

    @Test
    void aWrongMethodIsA405InTheSiteLayout() {
        Browser browser = signedInBrowser();
        String csrf = browser.open("/").html().selectFirst("input[name=_csrf]").attr("value");

        Page page = browser.post("/top-secret", Map.of("_csrf", csrf));

        assertThat(page.status()).isEqualTo(405);
        assertThat(page.heading()).isEqualTo("Method not allowed");
        assertWithoutInternals(page);
    }

    @Test
    void aMalformedFormIsA4xxPageNotA500() {
        Browser browser = new Browser(vestibule.baseUrl());
        String csrf = browser.open("/register")
                .html()
                .selectFirst("input[name=_csrf]")
                .attr("value");

        Page page = browser.postRaw(
                "/register",
                "application/x-www-form-urlencoded",
                "_csrf=" + csrf + "&username=%E0%A4%A&email=%&password=%zz");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertWithoutInternals(page);
    }

    private static void assertWithoutInternals(Page page) {
        assertThat(page.html().selectFirst("link[rel=stylesheet]").attr("href")).isEqualTo("/css/app.css");
        assertThat(page.html().select("nav")).isNotEmpty();
        assertThat(page.body())
                .doesNotContain("Exception", "at org.", "at dev.", "Whitelabel", "Spring", "Netty", "trace");
    }
}
