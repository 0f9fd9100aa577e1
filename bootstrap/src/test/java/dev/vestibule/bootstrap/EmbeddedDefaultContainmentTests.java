package dev.vestibule.bootstrap;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Containment on README's first command (H2, sessions in this process's memory, one instance): the same
 * behaviour as on PostgreSQL and Redis across instances (ContainmentIT), with the memory adapter's registry.
 */
class EmbeddedDefaultContainmentTests {

    private static final String NEW_PASSWORD = "another quiet lantern 43";
    private static ConfigurableApplicationContext context;
    private static String baseUrl;

    @BeforeAll
    static void startWithDefaults() {
        context = SpringApplication.run(
                VestibuleApplication.class,
                "--server.port=0",
                "--management.server.port=0",
                "--vestibule.remember-me.rotation-grace-period=1s");
        baseUrl = "http://127.0.0.1:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aPasswordChangeSignsOutEveryOtherBrowserAndKeepsThisOne() {
        String username = registered("LocalChange");
        Browser elsewhere = signedIn(username, true);
        Browser here = signedIn(username, false);

        Page changed = here.submit(
                "/account/password",
                "/account/password",
                Map.of("current-password", PASSWORD, "password", NEW_PASSWORD, "password2", NEW_PASSWORD));

        assertThat(changed.location()).contains("/account");
        assertThat(here.get("/top-secret").status()).isEqualTo(200);
        assertThat(elsewhere.get("/top-secret").location()).get().asString().contains("/login");
        elsewhere.dropCookie("SESSION");
        assertThat(elsewhere.get("/top-secret").location())
                .as("nor does its remember-me cookie sign in")
                .get()
                .asString()
                .contains("/login");
    }

    @Test
    void aRevokeEndsThatSessionAndLogOutEverywhereElseEndsTheRest() {
        String username = registered("LocalRevoke");
        Browser first = signedIn(username, false);
        Browser second = signedIn(username, true);
        Browser here = signedIn(username, false);
        String firstHandle = first.open("/account/sessions")
                .html()
                .select("li.signin.this-browser input[name=handle]")
                .attr("value");

        here.submit("/account/sessions", "/account/sessions/revoke", Map.of("handle", firstHandle));
        assertThat(first.get("/top-secret").location()).get().asString().contains("/login");
        assertThat(second.get("/top-secret").status()).isEqualTo(200);

        here.submit("/account/sessions", "/account/sessions/revoke-others", Map.of());
        assertThat(second.get("/top-secret").location()).get().asString().contains("/login");
        assertThat(here.get("/top-secret").status()).isEqualTo(200);
        assertThat(here.open("/account/sessions").html().select("li.signin")).hasSize(1);
    }

    @Test
    void revokingThisBrowsersOwnSessionSignsItOutAndTheMemoryStoreDoesNotKeepIt() {
        Browser here = signedIn(registered("LocalSelf"), false);
        String own = here.open("/account/sessions")
                .html()
                .select("li.signin.this-browser input[name=handle]")
                .attr("value");
        String session = here.cookie("SESSION").orElseThrow();

        here.submit("/account/sessions", "/account/sessions/revoke", Map.of("handle", own));

        Browser replay = new Browser(baseUrl);
        replay.setCookie("SESSION", session);
        assertThat(replay.get("/top-secret").location()).get().asString().contains("/login");
    }

    @Test
    void theThiefsSessionEndsWhenTheTheftIsDetected() throws Exception {
        String username = registered("LocalRobbed");
        Browser victim = signedIn(username, true);
        Browser thief = new Browser(baseUrl);
        thief.setCookie("remember-me", victim.cookie("remember-me").orElseThrow());
        assertThat(thief.get("/top-secret").status()).isEqualTo(200);
        Thread.sleep(1_100);

        victim.dropCookie("SESSION");
        victim.get("/top-secret");

        assertThat(thief.get("/top-secret").location()).get().asString().contains("/login");
    }

    private static String registered(String prefix) {
        String username = uniqueUsername(prefix);
        new Browser(baseUrl).register(username, emailOf(username), PASSWORD);
        return username;
    }

    private static Browser signedIn(String username, boolean rememberMe) {
        Browser browser = new Browser(baseUrl);
        assertThat(browser.logIn(username, PASSWORD, rememberMe).location())
                .get()
                .isEqualTo("/");
        return browser;
    }
}
