package dev.vestibule.adapters.crypto.breachcheck;

import dev.vestibule.domain.model.password.BreachCheckAnswer;
import dev.vestibule.domain.port.out.BreachedPasswords;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Asks a k-anonymity range API (Have I Been Pwned's Pwned Passwords, or a mirror of it) whether a password was
 * breached: only the first five hex digits of the password's SHA-1 are sent ({@code GET <base>/range/ABCDE}), the
 * answer lists every known suffix with that prefix ({@code SUFFIX:COUNT} per line), and the comparison happens here.
 * {@code Add-Padding: true} asks for padding entries (count 0) that make every answer about the same size, so the
 * size of the encrypted answer does not narrow the prefix down either; they are ignored.
 *
 * <p>Why not Spring Security's {@code HaveIBeenPwnedRestApiReactivePasswordChecker}: it answers "not compromised"
 * when the API fails, so a fail-closed deployment could not tell an outage from a good password, and it takes no
 * timeout of its own. Here every failure (timeout, refused connection, a status other than 200, an unreadable
 * answer) is {@link BreachCheckAnswer#UNAVAILABLE}, and the core decides.
 *
 * <p>Nothing about the password is logged: not the password, not its hash, not the prefix.
 */
public final class RangeApiBreachedPasswords implements BreachedPasswords {

    private static final Logger log = LoggerFactory.getLogger(RangeApiBreachedPasswords.class);
    private static final Duration WARN_AT_MOST_EVERY = Duration.ofMinutes(1);
    private static final int PREFIX_LENGTH = 5;
    /** A padded answer is about 1,000 lines of 40 characters; far more than that is not a range answer. */
    private static final int MAX_ANSWER_CHARS = 512 * 1024;

    private final HttpClient client;
    private final String base;
    private final Duration timeout;
    private final String userAgent;
    private final AtomicLong unreportedFailures = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_AT_MOST_EVERY.toNanos());

    private RangeApiBreachedPasswords(HttpClient client, String base, Duration timeout, String userAgent) {
        this.client = client;
        this.base = base;
        this.timeout = timeout;
        this.userAgent = userAgent;
    }

    /**
     * @param baseUrl   where the API is, without {@code /range} ({@code https://api.pwnedpasswords.com})
     * @param timeout   the longest a new password waits for the answer, connecting included
     * @param userAgent what this client calls itself (Have I Been Pwned asks every client to name itself)
     */
    public static RangeApiBreachedPasswords of(URI baseUrl, Duration timeout, String userAgent) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the breach check's timeout must be positive");
        }
        if (!"https".equals(baseUrl.getScheme()) && !"http".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("the breach check's base URL must be http(s): " + baseUrl);
        }
        // Redirects are not followed: an answer elsewhere is no answer from the configured API.
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String base = baseUrl.toString().replaceAll("/+$", "");
        return new RangeApiBreachedPasswords(client, base, timeout, Objects.requireNonNull(userAgent, "userAgent"));
    }

    @Override
    public Mono<BreachCheckAnswer> check(String password) {
        String hash = sha1Hex(password);
        String prefix = hash.substring(0, PREFIX_LENGTH);
        String suffix = hash.substring(PREFIX_LENGTH);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/range/" + prefix))
                .timeout(timeout)
                .header("User-Agent", userAgent)
                .header("Add-Padding", "true")
                .GET()
                .build();
        return Mono.fromFuture(() -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .timeout(timeout)
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new UnexpectedStatus(response.statusCode());
                    }
                    if (response.body().length() > MAX_ANSWER_CHARS) {
                        throw new UnexpectedStatus(-1);
                    }
                    return contains(response.body(), suffix)
                            ? BreachCheckAnswer.BREACHED
                            : BreachCheckAnswer.NOT_BREACHED;
                })
                .onErrorResume(failure -> {
                    unavailable(failure);
                    return Mono.just(BreachCheckAnswer.UNAVAILABLE);
                });
    }

    /** A status other than 200 (or, as -1, an answer far larger than any range answer). */
    private static final class UnexpectedStatus extends RuntimeException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        private final int status;

        UnexpectedStatus(int status) {
            super("status " + status, null, false, false);
            this.status = status;
        }
    }

    /** Whether the range answer lists the suffix with a count above zero (count 0 is padding). */
    static boolean contains(String answer, String suffix) {
        for (String line : answer.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            if (line.substring(0, colon).trim().equalsIgnoreCase(suffix)) {
                return count(line.substring(colon + 1).trim()) > 0;
            }
        }
        return false;
    }

    private static long count(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    static String sha1Hex(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException impossible) {
            // Every Java platform must provide SHA-1 (MessageDigest's documentation).
            throw new IllegalStateException(impossible);
        }
    }

    /** What went wrong, without the failure's message, which may hold the URL and so the prefix. */
    private static String reason(Throwable failure) {
        if (failure instanceof UnexpectedStatus unexpected) {
            return unexpected.status < 0 ? "oversized answer" : "status " + unexpected.status;
        }
        return failure.getClass().getSimpleName();
    }

    /** At most one warning a minute, with the count: an outage must not write a line per sign-up. */
    private void unavailable(Throwable failure) {
        unreportedFailures.incrementAndGet();
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_AT_MOST_EVERY.toNanos() && lastWarning.compareAndSet(last, now)) {
            log.warn(
                    "Breach check unavailable for {} password(s) since the last warning (latest: {}); "
                            + "reported at most once every {}",
                    unreportedFailures.getAndSet(0),
                    reason(failure),
                    WARN_AT_MOST_EVERY);
        }
    }
}
