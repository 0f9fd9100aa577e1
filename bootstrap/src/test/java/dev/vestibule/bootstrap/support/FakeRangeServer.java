package dev.vestibule.bootstrap.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A Have I Been Pwned-style k-anonymity range API on loopback, for the breach check (issue 13, finding 8):
 * {@code GET /range/ABCDE} answers {@code SUFFIX:COUNT} lines for the passwords it was told are breached, padding
 * entries (count 0) for the ones it was told to pad, and filler; it can also answer slowly or with a status.
 */
public final class FakeRangeServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    private final List<String> requestedPaths = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile long delayMillis;

    public FakeRangeServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/range/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requestedPaths.add(path);
            pause(delayMillis);
            String prefix = path.substring("/range/".length()).toUpperCase(Locale.ROOT);
            StringBuilder answer = new StringBuilder();
            for (int i = 0; i < 30; i++) {
                answer.append(String.format("%035X:%d\r\n", i * 7919L, i + 1));
            }
            counts.forEach((hash, count) -> {
                if (hash.startsWith(prefix)) {
                    answer.append(hash.substring(5)).append(':').append(count).append("\r\n");
                }
            });
            byte[] body = answer.toString().getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** The API's base URL, for vestibule.password.breach-check.base-url. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public FakeRangeServer breached(String password, long count) {
        counts.put(sha1(password), count);
        return this;
    }

    /** Lists the password with count 0, as the real API's padding does for suffixes nobody leaked. */
    public FakeRangeServer padded(String password) {
        counts.put(sha1(password), 0L);
        return this;
    }

    public void answerWith(int status) {
        this.status = status;
    }

    public void delay(long millis) {
        this.delayMillis = millis;
    }

    public List<String> requestedPaths() {
        return List.copyOf(requestedPaths);
    }

    public static String sha1(String password) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8)))
                    .toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
