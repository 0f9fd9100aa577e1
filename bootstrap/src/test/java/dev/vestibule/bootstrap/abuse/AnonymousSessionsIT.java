package dev.vestibule.bootstrap.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.redis.testing.RedisTestServer;
import dev.vestibule.bootstrap.support.AnonymousBurst;
import dev.vestibule.bootstrap.support.Browser;
import dev.vestibule.bootstrap.support.Page;
import dev.vestibule.bootstrap.support.RunningVestibule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 findings 2 and 6, as the attacker tried them against the real stack (PostgreSQL, Redis): on main
 * {@code c5bf6de} 300 GETs of /account/activity made 300 Redis sessions, a request with 150 SESSION cookies
 * made 150 Redis lookups, a planted CSRF cookie with the same value in the form was accepted, and the
 * firewall's 400 page had no security header.
 */
class AnonymousSessionsIT {

    private static final int ROUNDS = 20;

    private final RunningVestibule vestibule = RunningVestibule.shared();
    private final RedisTestServer redis = RedisTestServer.shared();

    @Test
    void aBurstOfAnonymousRequestsToEveryKindOfPageStoresNoSessionInRedis() {
        Set<String> before = sessionKeys();

        List<String> gaveASession = AnonymousBurst.run(vestibule.baseUrl(), ROUNDS);

        Set<String> made = sessionKeys();
        made.removeAll(before);
        assertThat(made.size())
                .as("session keys made by %d anonymous requests", ROUNDS * AnonymousBurst.KINDS)
                .isZero();
        assertThat(gaveASession.size())
                .as("responses that set a session cookie: %s", gaveASession)
                .isZero();
    }

    @Test
    void theLoginRequiredMessageIsShownExactlyOnceInEnglishAndGerman() {
        for (String[] language : new String[][] {
            {"en", "Please log in to access this page."}, {"de", "Bitte melden Sie sich an, um diese Seite zu sehen."}
        }) {
            Browser browser = new Browser(vestibule.baseUrl());
            Page redirect = browser.getWithHeader("/account/activity", "Accept-Language", language[0]);

            Page login = browser.getWithHeader(redirect.location().orElseThrow(), "Accept-Language", language[0]);

            assertThat(login.flashes()).as(language[0]).containsExactly(language[1]);
            assertThat(browser.getWithHeader("/login", "Accept-Language", language[0])
                            .flashes())
                    .as(language[0] + ", shown once")
                    .isEmpty();
        }
    }

    @Test
    void aRequestWith150SessionCookiesMakesOneLookupInRedis() throws Exception {
        String prefix = "f" + UUID.randomUUID().toString().substring(0, 8);
        String cookies = IntStream.rangeClosed(1, 150)
                .mapToObj(i -> "SESSION=" + prefix + "-" + i)
                .collect(Collectors.joining("; "));

        List<String> commands;
        try (Monitor monitor = Monitor.start(redis)) {
            Page page = new Browser(vestibule.baseUrl()).getWithHeader("/", "Cookie", cookies);
            assertThat(page.status()).isEqualTo(200);
            Thread.sleep(500);
            commands = monitor.linesContaining(prefix);
        }

        // Spring Session reads an unknown id (HGETALL) and deletes it (DEL): two commands per id looked up.
        Set<String> idsLookedUp = commands.stream()
                .map(line -> line.substring(line.indexOf(prefix), line.lastIndexOf('"')))
                .collect(Collectors.toSet());
        assertThat(idsLookedUp)
                .as("forged ids looked up in Redis (on main: all 150)")
                .containsExactly(prefix + "-1");
    }

    @Test
    void aCsrfCookieAndFieldPairPlantedByAnAttackerIsRefused() {
        Browser victim = new Browser(vestibule.baseUrl());
        String chosen = "0d3f0f4e-7d6c-4c2b-9a57-5c2f8e1b9a10";
        victim.setCookie("csrf", chosen);

        Page refused =
                victim.post("/login", Map.of("_csrf", masked(chosen), "username", "someone", "password", "whatever-1"));

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void theFirewallsPageCarriesTheSecurityHeadersOfEveryPage() {
        Page normal = new Browser(vestibule.baseUrl()).get("/login");
        Page refused = new Browser(vestibule.baseUrl()).get("/top-secret/%2F%2Fevil.com");

        assertThat(refused.status()).isEqualTo(400);
        for (String header : List.of(
                "Content-Security-Policy",
                "X-Content-Type-Options",
                "X-Frame-Options",
                "Referrer-Policy",
                "Permissions-Policy",
                "Cache-Control")) {
            assertThat(refused.headers().allValues(header))
                    .as(header)
                    .isNotEmpty()
                    .isEqualTo(normal.headers().allValues(header));
        }
    }

    /** What Spring Security's forms carry: the token masked with fresh random bytes (XOR), as anyone can compute. */
    private static String masked(String token) {
        byte[] tokenBytes = token.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] random = new byte[tokenBytes.length];
        new java.security.SecureRandom().nextBytes(random);
        byte[] combined = new byte[2 * tokenBytes.length];
        for (int i = 0; i < tokenBytes.length; i++) {
            combined[i] = random[i];
            combined[tokenBytes.length + i] = (byte) (random[i] ^ tokenBytes[i]);
        }
        return java.util.Base64.getUrlEncoder().encodeToString(combined);
    }

    private Set<String> sessionKeys() {
        return new HashSet<>(redis.keysMatching(redis.sessionNamespace() + ":*"));
    }

    /** Redis's MONITOR on a connection of its own: every command any client sends, one line each. */
    private static final class Monitor implements AutoCloseable {

        private final Socket socket;
        private final List<String> lines = new CopyOnWriteArrayList<>();

        private Monitor(Socket socket) {
            this.socket = socket;
        }

        static Monitor start(RedisTestServer redis) throws IOException, InterruptedException {
            Socket socket = new Socket(redis.host(), redis.port());
            Monitor monitor = new Monitor(socket);
            socket.getOutputStream().write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String ok = reader.readLine();
            if (!"+OK".equals(ok)) {
                throw new IllegalStateException("MONITOR answered " + ok);
            }
            Thread reading = new Thread(
                    () -> {
                        try {
                            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                                monitor.lines.add(line);
                            }
                        } catch (IOException closed) {
                            // the test closed the socket
                        }
                    },
                    "redis-monitor");
            reading.setDaemon(true);
            reading.start();
            return monitor;
        }

        List<String> linesContaining(String text) {
            return lines.stream().filter(line -> line.contains(text)).toList();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
    }
}
