package dev.vestibule.bootstrap.abuse;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import dev.vestibule.domain.model.session.Handle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 finding 1 as the attack: for 30 s after a rotation the previous remember-me secret signed in anyone, any
 * number of times, each use a new session logged as an ordinary use (three thief addresses got three sessions, no
 * theft event). Now it signs in only the browser whose request rotated (same address and User-Agent), at most
 * {@link #GRACE_USES} times within the period; any other use is theft: the series is revoked, the sessions it opened
 * end, the user is told. One instance on PostgreSQL and Redis that believes 127.0.0.1's X-Forwarded-For, so each
 * client comes from an address of its own; the grace period is long (10 s) so that a loaded machine cannot end it
 * before the test's requests arrive, and the test never relies on it ending.
 */
class RememberMeGraceIT {

    private static final int GRACE_USES = 3;
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);
    private static RunningVestibule vestibule;

    @BeforeAll
    static void start() {
        vestibule = RunningVestibule.start(
                "--vestibule.proxy.trusted-addresses=127.0.0.1",
                "--vestibule.remember-me.rotation-grace-period=10s",
                "--vestibule.remember-me.rotation-grace-uses=" + GRACE_USES);
    }

    @AfterAll
    static void stop() {
        vestibule.close();
    }

    @Test
    void thePreviousSecretStolenRightAfterARotationSignsInNobodyFromThreeOtherAddressesAndRevokesTheSeries() {
        String username = registered();
        String address = freshAddress();
        Browser victim = clientAt(address, "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
        victim.logIn(username, PASSWORD, true);
        String stolen = victim.cookie("remember-me").orElseThrow();
        victim.dropCookie("SESSION");
        assertThat(victim.get("/top-secret").status())
                .as("the victim's rotation")
                .isEqualTo(200);

        List<Integer> thieves = new ArrayList<>();
        for (String userAgent : List.of("curl/8.11.1", "Mozilla/5.0 (Windows NT 10.0) Chrome/140.0", "python/3.13")) {
            Browser thief = clientAt(freshAddress(), userAgent);
            thief.setCookie("remember-me", stolen);
            thieves.add(thief.get("/top-secret").status());
        }

        long sessions = thieves.stream().filter(status -> status == 200).count();
        System.out.printf(
                "Previous remember-me secret from 3 other addresses within the grace: %d sessions (%s), events %s%n",
                sessions, thieves, events(username));
        assertThat(sessions).as("thieves signed in").isZero();
        assertThat(count("REMEMBER_ME_THEFT_DETECTED", username)).isEqualTo(1);
        assertThat(count("REMEMBER_ME_GRACE_USED", username)).isZero();
        assertThat(rememberedBrowsers(username)).as("the series is revoked").isZero();
        assertThat(victim.get("/top-secret").location())
                .as("the session the series opened for the victim ends with it")
                .hasValueSatisfying(location -> assertThat(location).contains("/login"));
    }

    @Test
    void theSameBrowserSignsInWithThePreviousSecretAtMostTheGraceUsesThenItIsTheft() {
        String username = registered();
        String address = freshAddress();
        String userAgent = "Mozilla/5.0 (Macintosh) Safari/605.1.15";
        Browser browser = clientAt(address, userAgent);
        browser.logIn(username, PASSWORD, true);
        String previous = browser.cookie("remember-me").orElseThrow();
        browser.dropCookie("SESSION");
        assertThat(browser.get("/top-secret").status()).isEqualTo(200);

        List<Browser> tabs = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        for (int tab = 0; tab <= GRACE_USES; tab++) {
            Browser sameBrowser = clientAt(address, userAgent);
            sameBrowser.setCookie("remember-me", previous);
            statuses.add(sameBrowser.get("/top-secret").status());
            tabs.add(sameBrowser);
        }

        System.out.printf(
                "Previous secret from the rotating browser %d times: statuses %s, events %s%n",
                GRACE_USES + 1, statuses, events(username));
        assertThat(statuses.subList(0, GRACE_USES)).as("within the grace uses").containsOnly(200);
        assertThat(statuses.get(GRACE_USES)).as("once more").isEqualTo(302);
        assertThat(count("REMEMBER_ME_USED", username)).isEqualTo(1);
        assertThat(count("REMEMBER_ME_GRACE_USED", username)).isEqualTo(GRACE_USES);
        assertThat(count("REMEMBER_ME_THEFT_DETECTED", username)).isEqualTo(1);
        assertThat(rememberedBrowsers(username)).isZero();
        for (Browser tab : tabs.subList(0, GRACE_USES)) {
            tab.dropCookie("remember-me");
            assertThat(tab.get("/top-secret").location())
                    .as("a session opened through the grace ends with the series")
                    .hasValueSatisfying(location -> assertThat(location).contains("/login"));
        }
    }

    @Test
    void revokingTheRememberedBrowserOnTheSessionsPageEndsTheSessionsOpenedThroughTheGrace() {
        String username = registered();
        String address = freshAddress();
        String userAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0";
        Browser browser = clientAt(address, userAgent);
        browser.logIn(username, PASSWORD, true);
        String previous = browser.cookie("remember-me").orElseThrow();
        browser.dropCookie("SESSION");
        assertThat(browser.get("/top-secret").status()).isEqualTo(200);
        Browser graceTab = clientAt(address, userAgent);
        graceTab.setCookie("remember-me", previous);
        assertThat(graceTab.get("/top-secret").status()).isEqualTo(200);
        Browser phone = clientAt(freshAddress(), "Mozilla/5.0 (Android 15) Firefox/140.0");
        phone.logIn(username, PASSWORD, false);

        String series = previous.substring(0, previous.indexOf(':'));
        Page revoked = phone.submit(
                "/account/sessions",
                "/account/sessions/revoke",
                Map.of("handle", Handle.of(series).value()));

        assertThat(phone.follow(revoked).flashes()).containsExactly("It has been signed out.");
        graceTab.dropCookie("remember-me");
        browser.dropCookie("remember-me");
        assertThat(graceTab.get("/top-secret").location())
                .as("the session the grace opened")
                .hasValueSatisfying(location -> assertThat(location).contains("/login"));
        assertThat(browser.get("/top-secret").location())
                .as("the session the rotation opened")
                .hasValueSatisfying(location -> assertThat(location).contains("/login"));
        assertThat(phone.get("/top-secret").status()).isEqualTo(200);
    }

    private static String freshAddress() {
        return "198.51.100." + NEXT_ADDRESS.getAndIncrement();
    }

    private static Browser clientAt(String address, String userAgent) {
        return new Browser(vestibule.baseUrl())
                .throughProxy(Map.of("X-Forwarded-For", address, "User-Agent", userAgent));
    }

    private static String registered() {
        String username = uniqueUsername("Grace");
        Browser browser = clientAt(freshAddress(), "registration");
        browser.register(username, emailOf(username), PASSWORD);
        browser.logOut();
        return username;
    }

    private static long count(String type, String username) {
        return RunningVestibule.queryForLong(
                "SELECT count(*) FROM security_events e JOIN users u ON u.id = e.user_id"
                        + " WHERE u.username = ? AND e.type = ?",
                username,
                type);
    }

    private static String events(String username) {
        return List.of("REMEMBER_ME_USED", "REMEMBER_ME_GRACE_USED", "REMEMBER_ME_THEFT_DETECTED").stream()
                .map(type -> type + "=" + count(type, username))
                .toList()
                .toString();
    }

    private static long rememberedBrowsers(String username) {
        return RunningVestibule.queryForLong(
                "SELECT count(*) FROM remembered_devices d JOIN users u ON u.id = d.user_id WHERE u.username = ?",
                username);
    }
}
