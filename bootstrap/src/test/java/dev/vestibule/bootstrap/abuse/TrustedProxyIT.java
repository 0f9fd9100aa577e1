package dev.vestibule.bootstrap.abuse;

import static dev.vestibule.bootstrap.support.TestUsers.PASSWORD;
import static dev.vestibule.bootstrap.support.TestUsers.emailOf;
import static dev.vestibule.bootstrap.support.TestUsers.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.redis.testing.RedisTestServer;
import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forwarded headers against real instances. Every request of these tests comes from 127.0.0.1: one
 * instance lists it as its trusted proxy, the other trusts nobody (and believes it runs on Kubernetes,
 * where Spring Boot would otherwise turn on its own forwarded-header support, which trusts everybody).
 */
class TrustedProxyIT {

    private static final int FAILURES_PER_ADDRESS = 4;

    private static RunningVestibule behindProxy;
    private static RunningVestibule direct;

    @BeforeAll
    static void start() {
        behindProxy = RunningVestibule.start(
                smallAddressLimits("behind-proxy"),
                "--vestibule.proxy.trusted-addresses=127.0.0.1",
                "--vestibule.throttling.per-client-address.capacity=" + FAILURES_PER_ADDRESS,
                "--vestibule.throttling.per-client-address.refill-every=10m");
        direct = RunningVestibule.start(
                smallAddressLimits("direct"),
                "--spring.main.cloud-platform=kubernetes",
                "--vestibule.throttling.per-client-address.capacity=" + FAILURES_PER_ADDRESS,
                "--vestibule.throttling.per-client-address.refill-every=10m");
    }

    private static String smallAddressLimits(String instance) {
        return "--vestibule.throttling.redis-key-prefix="
                + RedisTestServer.shared().namespace() + ":" + instance;
    }

    @AfterAll
    static void stop() {
        behindProxy.close();
        direct.close();
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerCannotEscapePerAddressThrottling() {
        String userAgent = "spoofer-" + UUID.randomUUID();
        Browser attacker = new Browser(direct.baseUrl());

        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 0; attempt < FAILURES_PER_ADDRESS + 2; attempt++) {
            attacker.throughProxy(Map.of(
                    "X-Forwarded-For",
                    "198.51.100." + (attempt + 1),
                    "Forwarded",
                    "for=198.51.100." + (attempt + 101),
                    "User-Agent",
                    userAgent));
            statuses.add(attacker.logIn(uniqueUsername("Spoof"), "wrong password " + attempt, false)
                    .status());
        }

        assertThat(statuses.subList(0, FAILURES_PER_ADDRESS)).doesNotContain(429);
        assertThat(statuses.subList(FAILURES_PER_ADDRESS, statuses.size())).containsOnly(429);
        assertThat(eventsFrom(userAgent, "127.0.0.1")).isGreaterThanOrEqualTo(FAILURES_PER_ADDRESS);
        assertThat(RunningVestibule.queryForLong(
                        "SELECT count(*) FROM security_events WHERE user_agent = ? AND client_address <> '127.0.0.1'",
                        userAgent))
                .as("events recorded with a spoofed address")
                .isZero();
    }

    @Test
    void clientsBehindTheTrustedProxyEachGetTheirOwnAllowance() {
        String agentA = "client-a-" + UUID.randomUUID();
        String agentB = "client-b-" + UUID.randomUUID();
        Browser clientA = new Browser(behindProxy.baseUrl())
                .throughProxy(Map.of("X-Forwarded-For", "203.0.113.10", "User-Agent", agentA));
        for (int attempt = 0; attempt < FAILURES_PER_ADDRESS; attempt++) {
            assertThat(clientA.logIn(uniqueUsername("ClientA"), "wrong password", false)
                            .status())
                    .isNotEqualTo(429);
        }
        assertThat(clientA.logIn(uniqueUsername("ClientA"), "wrong password", false)
                        .status())
                .isEqualTo(429);

        // The leftmost entry is the client's own claim; the proxy appended the real address after it.
        clientA.throughProxy(Map.of("X-Forwarded-For", "198.51.100.200, 203.0.113.10", "User-Agent", agentA));
        assertThat(clientA.logIn(uniqueUsername("ClientA"), "wrong password", false)
                        .status())
                .as("a made-up leftmost address does not give a fresh allowance")
                .isEqualTo(429);

        Browser clientB = new Browser(behindProxy.baseUrl())
                .throughProxy(Map.of("X-Forwarded-For", "203.0.113.11", "User-Agent", agentB));
        assertThat(clientB.logIn(uniqueUsername("ClientB"), "wrong password", false)
                        .status())
                .isNotEqualTo(429);

        assertThat(eventsFrom(agentA, "203.0.113.10")).isGreaterThanOrEqualTo(FAILURES_PER_ADDRESS);
        assertThat(eventsFrom(agentB, "203.0.113.11")).isEqualTo(1);
    }

    @Test
    void httpsReportedByTheTrustedProxyMakesEveryCookieSecureAndSendsHsts() {
        Browser browser = new Browser(behindProxy.baseUrl())
                .throughProxy(Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.20"));
        String username = uniqueUsername("Tls");
        List<Page> journey = new ArrayList<>();

        journey.add(browser.get("/login"));
        journey.add(browser.register(username, emailOf(username), PASSWORD));
        journey.add(browser.logOut());
        journey.add(browser.logIn(username, PASSWORD, true));
        Page secret = browser.get("/top-secret");
        journey.add(secret);

        assertThat(secret.status())
                .as("the session works over the proxy's https")
                .isEqualTo(200);
        assertThat(browser.cookie("__Host-SESSION")).isPresent();
        assertThat(browser.cookie("__Host-remember-me")).isPresent();
        List<String> setCookies = journey.stream()
                .flatMap(page -> page.setCookieHeaders().stream())
                .toList();
        assertThat(setCookies)
                .isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie)
                        .startsWith("__Host-")
                        .contains("; Secure")
                        .contains("Path=/")
                        .doesNotContainIgnoringCase("Domain="));
        assertThat(journey).allSatisfy(page -> {
            assertThat(page.headers().firstValue("Strict-Transport-Security"))
                    .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
            page.location().ifPresent(location -> assertThat(location).doesNotStartWith("http:"));
        });
    }

    @Test
    void httpsClaimedByAnUntrustedPeerChangesNothing() {
        Browser browser = new Browser(direct.baseUrl())
                .throughProxy(Map.of(
                        "X-Forwarded-Proto",
                        "https",
                        "X-Forwarded-Ssl",
                        "on",
                        "Forwarded",
                        "proto=https;host=evil.example"));
        String username = uniqueUsername("NoTls");

        Page login = browser.get("/login");
        Page registered = browser.register(username, emailOf(username), PASSWORD);

        for (Page page : List.of(login, registered)) {
            assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
            assertThat(page.setCookieHeaders())
                    .allSatisfy(cookie ->
                            assertThat(cookie).doesNotStartWith("__Host-").doesNotContain("Secure"));
        }
        assertThat(registered.setCookie("SESSION")).isPresent();
        assertThat(registered.location())
                .hasValueSatisfying(location -> assertThat(location).startsWith("/"));
    }

    @Test
    void theTrustedProxysRequestIdIsEchoedAndAStrangersIsReplaced() {
        Page viaProxy = new Browser(behindProxy.baseUrl())
                .throughProxy(Map.of("X-Request-Id", "edge-4f1c-0001"))
                .get("/");
        Page fromStranger = new Browser(direct.baseUrl())
                .throughProxy(Map.of("X-Request-Id", "edge-4f1c-0002"))
                .get("/");
        Page withoutId = new Browser(direct.baseUrl()).get("/");

        assertThat(viaProxy.headers().firstValue("X-Request-Id")).contains("edge-4f1c-0001");
        assertThat(fromStranger.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(
                        id -> assertThat(id).isNotEqualTo("edge-4f1c-0002").matches("[0-9a-f]{32}"));
        assertThat(withoutId.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
    }

    @Test
    void malformedForwardedHeadersFromTheTrustedProxyStillGetThePage() {
        List<Map<String, String>> malformed = List.of(
                Map.of("X-Forwarded-For", "unknown"),
                Map.of("X-Forwarded-For", "_hidden, ::zz, [2001:db8::1"),
                Map.of("X-Forwarded-For", "203.0.113.30:notaport, 999.1.1.1"),
                Map.of("X-Forwarded-Host", "bad host name", "X-Forwarded-Proto", "https"),
                Map.of("X-Forwarded-Port", "not-a-port", "X-Forwarded-Proto", "gopher"),
                Map.of("X-Forwarded-Prefix", "%zz/..//", "X-Forwarded-For", ",,,"),
                Map.of("Forwarded", "for=\"unterminated;proto=https, =;;=", "X-Forwarded-For", "\"quoted\""));
        for (Map<String, String> headers : malformed) {
            Page login =
                    new Browser(behindProxy.baseUrl()).throughProxy(headers).get("/login");

            assertThat(login.status()).as("%s", headers).isEqualTo(200);
            assertThat(login.heading()).as("%s", headers).isEqualTo("Log In");
            assertThat(login.body())
                    .as("%s", headers)
                    .doesNotContain("Exception", "at dev.vestibule", "at org.springframework");
        }
    }

    private static long eventsFrom(String userAgent, String clientAddress) {
        return RunningVestibule.queryForLong(
                "SELECT count(*) FROM security_events WHERE user_agent = ? AND client_address = ?",
                userAgent,
                clientAddress);
    }
}
