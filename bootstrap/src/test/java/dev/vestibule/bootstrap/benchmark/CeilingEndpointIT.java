package dev.vestibule.bootstrap.benchmark;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.redis.testing.RedisTestServer;
import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The benchmark's ceiling endpoint: absent unless switched on, and then free of security and sessions. */
class CeilingEndpointIT {

    private static final String SWITCH = "--vestibule.benchmark.ceiling-endpoint=true";

    private static RunningVestibule benchmarkInstance;

    private final RedisTestServer redis = RedisTestServer.shared();

    @BeforeAll
    static void startBenchmarkInstance() {
        benchmarkInstance = RunningVestibule.start(SWITCH);
    }

    @AfterAll
    static void stopBenchmarkInstance() {
        benchmarkInstance.close();
    }

    @Test
    void byDefaultTheCeilingDoesNotExist() {
        Browser browser = new Browser(RunningVestibule.shared().baseUrl());
        assertThat(browser.get("/ceiling").status())
                .as("a stranger gets the 404 page, as for any unknown path")
                .isEqualTo(404);
        String username = uniqueUsername("NoCeiling");
        browser.register(username, emailOf(username), PASSWORD);

        Page signedIn = browser.get("/ceiling");

        assertThat(signedIn.status()).isEqualTo(404);
        assertThat(signedIn.body()).doesNotContain(">ok<");
    }

    @Test
    void whenSwitchedOnTheCeilingAnswersAConstantTextWithoutCookiesOrSecurityHeaders() {
        Browser browser = new Browser(benchmarkInstance.baseUrl());

        Page ceiling = browser.get("/ceiling");

        assertThat(ceiling.status()).isEqualTo(200);
        assertThat(ceiling.body()).isEqualTo("ok");
        assertThat(ceiling.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(ceiling.setCookieHeaders()).isEmpty();
        assertThat(ceiling.headers().firstValue("Content-Security-Policy")).isEmpty();
        assertThat(ceiling.headers().firstValue("Cache-Control")).isEmpty();
    }

    @Test
    void whenSwitchedOnAVisitToTheCeilingNeitherLoadsNorTouchesTheVisitorsSession() throws InterruptedException {
        Browser browser = new Browser(benchmarkInstance.baseUrl());
        String username = uniqueUsername("Ceiling");
        browser.register(username, emailOf(username), PASSWORD);
        String key = redis.sessionNamespace() + ":sessions:"
                + browser.cookie("SESSION").orElseThrow();
        String accessedAtSignUp = redis.commands().hget(key, "lastAccessedTime");

        Thread.sleep(20);
        Page ceiling = browser.get("/ceiling");

        assertThat(ceiling.body()).isEqualTo("ok");
        assertThat(ceiling.setCookieHeaders()).isEmpty();
        assertThat(redis.commands().hget(key, "lastAccessedTime")).isEqualTo(accessedAtSignUp);
        // The same session on a page of the site is loaded and touched: the comparison above can fail.
        Thread.sleep(20);
        assertThat(browser.get("/top-secret").status()).isEqualTo(200);
        assertThat(redis.commands().hget(key, "lastAccessedTime")).isNotEqualTo(accessedAtSignUp);
    }

    @Test
    void whenSwitchedOnTheRestOfTheSiteKeepsItsSecurity() {
        Browser browser = new Browser(benchmarkInstance.baseUrl());

        assertThat(browser.get("/top-secret").location()).hasValue("/login?next=/top-secret");
        assertThat(browser.get("/login").headers().firstValue("Content-Security-Policy"))
                .isPresent();
        assertThat(browser.postRaw("/ceiling", "text/plain", "x").status()).isEqualTo(403);
    }
}
