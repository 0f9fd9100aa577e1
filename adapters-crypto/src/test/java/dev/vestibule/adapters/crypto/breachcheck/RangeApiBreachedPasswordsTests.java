package dev.vestibule.adapters.crypto.breachcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.vestibule.domain.model.password.BreachCheckAnswer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The range-API client against a fake range server on loopback: what is sent, what is believed, what fails. */
class RangeApiBreachedPasswordsTests {

    private static final String BREACHED = "P@ssw0rd-2019";
    private static final String FINE = "a passphrase nobody leaked";
    /** For the slow server; the others get more, since the first request of a JVM also loads WebClient and Netty. */
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private static final Duration GENEROUS = Duration.ofSeconds(10);

    private HttpServer server;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<String> paddingHeaders = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicLong delayMillis = new AtomicLong();
    /** The suffix of this password is served with count 0, as a padding entry. */
    private volatile String paddedPassword = "";

    @BeforeEach
    void startFakeRangeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/range/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            paddingHeaders.add(exchange.getRequestHeaders().getFirst("Add-Padding"));
            sleep(delayMillis.get());
            String prefix = exchange.getRequestURI().getPath().substring("/range/".length());
            StringBuilder answer = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                answer.append(String.format("%035X:%d\r\n", i, i + 1));
            }
            String breached = RangeApiBreachedPasswords.sha1Hex(BREACHED);
            if (breached.startsWith(prefix)) {
                answer.append(breached.substring(5)).append(":52579\r\n");
            }
            String padded = RangeApiBreachedPasswords.sha1Hex(paddedPassword);
            if (padded.startsWith(prefix)) {
                answer.append(padded.substring(5)).append(":0\r\n");
            }
            byte[] body = answer.toString().getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RangeApiBreachedPasswords client() {
        return client(GENEROUS);
    }

    private RangeApiBreachedPasswords client(Duration timeout) {
        return RangeApiBreachedPasswords.of(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), timeout, "Vestibule-test");
    }

    @Test
    void aPasswordWhoseSuffixIsListedIsBreached() {
        assertThat(client().check(BREACHED).block()).isEqualTo(BreachCheckAnswer.BREACHED);
    }

    @Test
    void aPasswordWhoseSuffixIsNotListedIsNotBreached() {
        assertThat(client().check(FINE).block()).isEqualTo(BreachCheckAnswer.NOT_BREACHED);
    }

    @Test
    void onlyTheFirstFiveHexDigitsOfTheSha1AreSentAndPaddingIsAskedFor() {
        client().check(BREACHED).block();

        String hash = RangeApiBreachedPasswords.sha1Hex(BREACHED);
        assertThat(paths).containsExactly("/range/" + hash.substring(0, 5));
        assertThat(paths.get(0)).doesNotContain(hash.substring(5, 10));
        assertThat(paddingHeaders).containsExactly("true");
    }

    @Test
    void aPaddingEntryWithCountZeroIsNotABreach() {
        paddedPassword = FINE;

        assertThat(client().check(FINE).block()).isEqualTo(BreachCheckAnswer.NOT_BREACHED);
    }

    @Test
    void aServerErrorIsUnavailable() {
        status.set(500);

        assertThat(client().check(BREACHED).block()).isEqualTo(BreachCheckAnswer.UNAVAILABLE);
    }

    @Test
    void aServerSlowerThanTheTimeoutIsUnavailableWithinTheTimeout() {

        client().check(FINE).block();
        delayMillis.set(2_000);
        long started = System.nanoTime();
        BreachCheckAnswer answer = client(TIMEOUT).check(BREACHED).block();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer).isEqualTo(BreachCheckAnswer.UNAVAILABLE);
        assertThat(took).isLessThan(TIMEOUT.plusSeconds(2));
    }

    @Test
    void nobodyListeningIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        RangeApiBreachedPasswords nowhere =
                RangeApiBreachedPasswords.of(URI.create("http://127.0.0.1:" + closedPort), TIMEOUT, "Vestibule-test");

        assertThat(nowhere.check(BREACHED).block()).isEqualTo(BreachCheckAnswer.UNAVAILABLE);
    }

    @Test
    void suffixesAreComparedIgnoringCaseAndUnreadableLinesAreSkipped() {
        assertThat(RangeApiBreachedPasswords.contains("junk\nabcdef:3\r\n", "ABCDEF"))
                .isTrue();
        assertThat(RangeApiBreachedPasswords.contains("ABCDEF:notanumber\n", "ABCDEF"))
                .isFalse();
        assertThat(RangeApiBreachedPasswords.contains("", "ABCDEF")).isFalse();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
