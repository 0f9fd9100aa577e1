package dev.vestibule.bootstrap.journeys;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.redis.testing.RedisTestServer;
import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionStorageIT {

    private final RunningVestibule vestibule = RunningVestibule.shared();
    private final RedisTestServer redis = RedisTestServer.shared();

    @Test
    void theSessionCookieIsHttpOnlySameSiteLaxAndNeverInAPage() {
        Browser browser = new Browser(vestibule.baseUrl());
        String username = uniqueUsername("Cookie");

        Page response = browser.register(username, emailOf(username), PASSWORD);

        assertThat(response.setCookie("SESSION"))
                .hasValueSatisfying(cookie -> assertThat(cookie)
                        .containsIgnoringCase("HttpOnly")
                        .contains("SameSite=Lax")
                        .contains("Path=/")
                        .doesNotContain("Max-Age"));
        String sessionId = browser.cookie("SESSION").orElseThrow();
        for (String path : new String[] {"/", "/top-secret"}) {
            Page page = browser.open(path);
            assertThat(page.body()).as(path).doesNotContain(sessionId);
            assertThat(page.location()).isEmpty();
        }
    }

    @Test
    void sessionsAreStoredInRedisAsJsonHoldingOnlyTheUserId() {
        Browser browser = new Browser(vestibule.baseUrl());
        String username = uniqueUsername("Json");
        browser.register(username, emailOf(username), PASSWORD);
        browser.open("/");
        String key = redis.sessionNamespace() + ":sessions:"
                + browser.cookie("SESSION").orElseThrow();

        Map<String, String> stored = redis.commands().hgetall(key);

        assertThat(stored).containsKey("sessionAttr:vestibule.userId");
        assertThat(stored.get("sessionAttr:vestibule.userId")).matches("\"[0-9a-f-]{36}\"");
        assertThat(stored.values()).allSatisfy(value -> assertThat(value).doesNotStartWith("\u00ac\u00ed"));
        assertThat(String.join(" ", stored.values())).doesNotContain(PASSWORD).doesNotContain("argon2");
    }

    @Test
    void anIdleSessionExpiresInRedisByItself() {
        Browser browser = new Browser(vestibule.baseUrl());
        String username = uniqueUsername("Ttl");
        browser.register(username, emailOf(username), PASSWORD);
        String key = redis.sessionNamespace() + ":sessions:"
                + browser.cookie("SESSION").orElseThrow();

        long secondsToLive = redis.commands().ttl(key);

        assertThat(secondsToLive).isBetween(29 * 60L, 30 * 60L);
    }

    @Test
    void anonymousVisitorsReadingPagesCostNoSessionInRedis() {
        Set<String> before = new HashSet<>(redis.keysMatching(redis.sessionNamespace() + ":*"));
        Browser browser = new Browser(vestibule.baseUrl());

        for (String path : new String[] {"/login", "/register", "/", "/login?next=/top-secret"}) {
            Page page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.setCookie("SESSION")).as(path).isEmpty();
        }

        Set<String> after = new HashSet<>(redis.keysMatching(redis.sessionNamespace() + ":*"));
        after.removeAll(before);
        assertThat(after).as("session keys made by the anonymous page views").isEmpty();
        assertThat(browser.cookie("csrf"))
                .as("the forms' token lives in a cookie")
                .isPresent();
    }
}
