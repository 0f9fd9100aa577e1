package dev.vestibule.bootstrap.abuse;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.redis.testing.RedisTestServer;
import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.RunningVestibule;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A page view that changes nothing in the session does not write it back to Redis; the last access is
 * written at most every tenth of the idle timeout. Activity still keeps a session alive past the idle
 * timeout, and idleness still ends it.
 */
class SessionActivityIT {

    private static final long IDLE_TIMEOUT_MILLIS = 6_000;

    private static RunningVestibule vestibule;
    private final RedisTestServer redis = RedisTestServer.shared();

    @BeforeAll
    static void startWithAShortIdleTimeout() {
        vestibule = RunningVestibule.start("--vestibule.session.idle-timeout=" + IDLE_TIMEOUT_MILLIS + "ms");
    }

    @AfterAll
    static void stop() {
        vestibule.close();
    }

    @Test
    void pageViewsWithinTheWriteIntervalLeaveTheStoredSessionUntouched() {
        // The shared instance: a 30 min idle timeout, so a write interval of 1 min.
        Browser browser = new Browser(RunningVestibule.shared().baseUrl());
        String username = uniqueUsername("Spare");
        browser.register(username, emailOf(username), PASSWORD);
        browser.get("/"); // shows (and so takes from the session) the sign-up's flash: a real change
        String key = redis.sessionNamespace() + ":sessions:"
                + browser.cookie("SESSION").orElseThrow();
        Map<String, String> before = redis.commands().hgetall(key);

        assertThat(browser.get("/top-secret").status()).isEqualTo(200);
        assertThat(browser.get("/").status()).isEqualTo(200);

        assertThat(redis.commands().hgetall(key)).isEqualTo(before);
    }

    @Test
    void aPageViewAfterTheWriteIntervalMovesTheStoredLastAccessForward() throws InterruptedException {
        Browser browser = signedInBrowser("Later");
        String key = redis.sessionNamespace() + ":sessions:"
                + browser.cookie("SESSION").orElseThrow();
        String storedLastAccess = redis.commands().hget(key, "lastAccessedTime");

        Thread.sleep(IDLE_TIMEOUT_MILLIS / 10 + 200);
        assertThat(browser.get("/top-secret").status()).isEqualTo(200);

        assertThat(Long.parseLong(redis.commands().hget(key, "lastAccessedTime")))
                .isGreaterThan(Long.parseLong(storedLastAccess));
    }

    @Test
    void anActiveUserOutlivesTheIdleTimeoutAndAnIdleOneIsSignedOut() throws InterruptedException {
        Browser browser = signedInBrowser("Active");
        for (int elapsed = 0; elapsed <= 2 * IDLE_TIMEOUT_MILLIS; elapsed += 1_000) {
            assertThat(browser.get("/top-secret").status())
                    .as("active after %d ms", elapsed)
                    .isEqualTo(200);
            Thread.sleep(1_000);
        }

        Thread.sleep(IDLE_TIMEOUT_MILLIS + 500);

        assertThat(browser.get("/top-secret").location())
                .as("idle for the idle timeout")
                .contains("/login?next=/top-secret");
    }

    private static Browser signedInBrowser(String prefix) {
        Browser browser = new Browser(vestibule.baseUrl());
        String username = uniqueUsername(prefix);
        browser.register(username, emailOf(username), PASSWORD);
        return browser;
    }
}
