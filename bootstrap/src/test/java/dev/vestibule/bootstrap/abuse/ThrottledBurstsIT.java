package dev.vestibule.bootstrap.abuse;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.redis.testing.RedisTestServer;
import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 3 as the attack: 300 wrong passwords against a locked account made 300 security-event rows, the
 * address got its allowance back each time the account refused (so it went on to other accounts), and the victim's
 * activity page showed nothing but the last 25 of them; finding 6's known-browser cookie that kept one account per
 * browser. Two instances of one deployment (PostgreSQL, Redis) with their own bucket keys and the production account
 * limit; they believe 127.0.0.1's X-Forwarded-For, so each test comes from addresses of its own.
 */
class ThrottledBurstsIT {

    private static final String WRONG = "not the right password";
    private static final String PLANTED_AGENT = "Vestibule-Security-Team: your account is fine, ignore these";
    private static final int PER_ADDRESS = 40;
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);
    private static RunningVestibule first;
    private static RunningVestibule second;

    @BeforeAll
    static void startTwoInstances() {
        String[] settings = {
            "--vestibule.throttling.redis-key-prefix="
                    + RedisTestServer.shared().namespace() + ":bursts-" + UUID.randomUUID(),
            "--vestibule.proxy.trusted-addresses=127.0.0.1",
            "--vestibule.throttling.per-account.capacity=5",
            "--vestibule.throttling.per-account.refill-every=1m",
            "--vestibule.throttling.per-client-address.capacity=" + PER_ADDRESS,
            "--vestibule.throttling.per-client-address.refill-every=10m"
        };
        first = RunningVestibule.start(settings);
        second = RunningVestibule.start(settings);
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    private static String freshAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "203.0." + (113 + n / 250) + "." + (1 + n % 250);
    }

    private static Browser clientAt(RunningVestibule instance, String address, String userAgent) {
        return new Browser(instance.baseUrl())
                .throughProxy(Map.of("X-Forwarded-For", address, "User-Agent", userAgent));
    }

    private static String registeredUser(String prefix) {
        String username = uniqueUsername(prefix);
        Browser browser = clientAt(first, freshAddress(), "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Firefox/140.0");
        assertThat(browser.register(username, emailOf(username), PASSWORD).status())
                .isEqualTo(303);
        browser.logOut();
        return username;
    }

    private static String idOf(String username) {
        return RunningVestibule.queryForString("SELECT CAST(id AS VARCHAR) FROM users WHERE username = ?", username);
    }

    @Test
    void threeHundredThrottledAttemptsOnTwoInstancesAreOneRecordWithTheirCount() {
        String victim = registeredUser("Burst");
        String userId = idOf(victim);
        // Many addresses, as a botnet would, so that the account's bucket (not an address's) refuses them.
        int throttled = 0;
        for (int attempt = 0; attempt < 305; attempt++) {
            RunningVestibule instance = attempt % 2 == 0 ? first : second;
            Page page = clientAt(instance, freshAddress(), PLANTED_AGENT).logIn(victim, WRONG, false);
            if (page.status() == 429) {
                throttled++;
            }
        }
        assertThat(throttled).isEqualTo(300);

        long rows = RunningVestibule.queryForLong(
                "SELECT count(*) FROM security_events WHERE user_id = CAST(? AS UUID) AND type = 'LOGIN_THROTTLED'",
                userId);
        System.out.printf("[finding 3] 300 throttled attempts: %d security_events rows%n", rows);
        assertThat(rows).as("rows for 300 throttled attempts").isEqualTo(1);
        long counted = RunningVestibule.queryForLong(
                "SELECT sum(occurrences) FROM security_events"
                        + " WHERE user_id = CAST(? AS UUID) AND type = 'LOGIN_THROTTLED'",
                userId);
        assertThat(counted).isEqualTo(300);

        // The owner sees the burst as one line with its count, and the failures before it as one more.
        Browser owner = signedInOwner(victim);
        Page activity = owner.get("/account/activity");
        List<String> lines = activity.html().select("table.activity tbody tr").eachText();
        System.out.printf("[finding 3] the victim's activity page: %s%n", lines);
        assertThat(lines)
                .anySatisfy(
                        line -> assertThat(line).contains("too many failures").contains("×300"));
        assertThat(lines)
                .anySatisfy(line ->
                        assertThat(line).contains("Failed login attempt").contains("×5"));
        assertThat(activity.body()).doesNotContain("Vestibule-Security-Team").doesNotContain("ignore these");
        assertThat(activity.html().select("table.activity thead").text()).contains("as reported by the browser");
    }

    /** The owner signs in from the browser they always use: known to the account before the attack. */
    private static Browser signedInOwner(String username) {
        String deviceId =
                "owner-device-" + UUID.randomUUID().toString().replace("-", "").substring(0, 19);
        RunningVestibule.executeSql(
                "INSERT INTO known_devices (id, user_id, expires_at) VALUES (?, (SELECT id FROM users WHERE username = ?),"
                        + " now() + interval '1 day')",
                deviceId,
                username);
        Browser owner = clientAt(first, freshAddress(), "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Firefox/140.0");
        owner.setCookie("vestibule-device", deviceId);
        assertThat(owner.logIn(username, PASSWORD, false).status()).isEqualTo(302);
        return owner;
    }

    @Test
    void anAddressThrottledOnOneAccountDoesNotGoOnToOthersWithItsAllowanceGivenBack() {
        String victim = registeredUser("Locked");
        List<String> others = List.of(
                registeredUser("Next0"),
                registeredUser("Next1"),
                registeredUser("Next2"),
                registeredUser("Next3"),
                registeredUser("Next4"));
        Browser attacker = clientAt(first, freshAddress(), PLANTED_AGENT);
        for (int attempt = 0; attempt < 5 + PER_ADDRESS; attempt++) {
            attacker.logIn(victim, WRONG, false);
        }

        int reached = 0;
        for (String other : others) {
            if (attacker.logIn(other, WRONG, false).status() != 429) {
                reached++;
            }
        }
        System.out.printf(
                "[finding 3] accounts one address reaches after %d refused attempts: %d of %d%n",
                PER_ADDRESS, reached, others.size());
        assertThat(reached).as("accounts reached after being throttled").isZero();
    }

    @Test
    void theActivityPageHasOlderPagesBehindAPlainLink() {
        String username = registeredUser("Pages");
        String userId = idOf(username);
        // 130 events of a long account life, alternating so that no two neighbours group.
        for (int i = 0; i < 130; i++) {
            RunningVestibule.executeSql(
                    "INSERT INTO security_events (type, occurred_at, user_id, client_address, user_agent)"
                            + " VALUES (?, now() - (? * interval '1 hour'), CAST(? AS UUID), '198.51.100.9', '')",
                    i % 2 == 0 ? "LOGIN_SUCCEEDED" : "LOGGED_OUT",
                    1 + i,
                    userId);
        }
        Browser owner = signedInOwner(username);

        Page newest = owner.get("/account/activity");
        Element older = newest.html().selectFirst("a[rel=next]");
        assertThat(older).as("a link to older events").isNotNull();
        Page second = owner.get(older.attr("href"));
        assertThat(second.status()).isEqualTo(200);
        List<String> firstLines =
                newest.html().select("table.activity tbody tr").eachText();
        List<String> secondLines =
                second.html().select("table.activity tbody tr").eachText();
        assertThat(secondLines).isNotEmpty().doesNotContainAnyElementsOf(firstLines);
        assertThat(second.html().selectFirst("a[rel=prev]")).isNotNull();

        Page nonsense = owner.get("/account/activity?page=banana");
        assertThat(nonsense.status()).isEqualTo(400);
    }

    @Test
    void aBrowserKnownToTwoAccountsKeepsTheAllowanceOfBoth() {
        String first = registeredUser("Both0");
        String secondAccount = registeredUser("Both1");
        String home = freshAddress();
        Browser shared = clientAt(ThrottledBurstsIT.first, home, "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
        assertThat(shared.logIn(first, PASSWORD, false).status()).isEqualTo(302);
        shared.logOut();
        assertThat(shared.logIn(secondAccount, PASSWORD, false).status()).isEqualTo(302);
        shared.logOut();

        for (int attempt = 0; attempt < 8; attempt++) {
            clientAt(second, freshAddress(), PLANTED_AGENT).logIn(first, WRONG, false);
        }
        Page back = shared.logIn(first, PASSWORD, false);
        System.out.printf("[finding 6] first account from the shared browser while locked: %d%n", back.status());
        assertThat(back.status())
                .as("the first account's lockout protection is kept")
                .isEqualTo(302);
    }
}
