package dev.vestibule.adapters.web.breachcheck;

import dev.vestibule.domain.model.password.BreachCheckAnswer;
import dev.vestibule.domain.port.out.BreachedPasswords;
import io.netty.channel.ChannelOption;
import java.net.URI;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

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
    private static final int MAX_ANSWER_BYTES = 512 * 1024;

    private final WebClient client;
    private final Duration timeout;
    private final AtomicLong unreportedFailures = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_AT_MOST_EVERY.toNanos());

    private RangeApiBreachedPasswords(WebClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
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
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, timeout.toMillis()))
                .responseTimeout(timeout);
        String base = baseUrl.toString().replaceAll("/+$", "");
        WebClient client = WebClient.builder()
                .baseUrl(base)
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_ANSWER_BYTES))
                .defaultHeader(HttpHeaders.USER_AGENT, userAgent)
                .defaultHeader("Add-Padding", "true")
                .build();
        return new RangeApiBreachedPasswords(client, timeout);
    }

    @Override
    public Mono<BreachCheckAnswer> check(String password) {
        String hash = sha1Hex(password);
        String prefix = hash.substring(0, PREFIX_LENGTH);
        String suffix = hash.substring(PREFIX_LENGTH);
        return client.get()
                .uri("/range/{prefix}", prefix)
                .retrieve()
                .bodyToMono(String.class)
                .defaultIfEmpty("")
                .timeout(timeout)
                .map(answer -> contains(answer, suffix) ? BreachCheckAnswer.BREACHED : BreachCheckAnswer.NOT_BREACHED)
                .onErrorResume(failure -> {
                    unavailable(failure);
                    return Mono.just(BreachCheckAnswer.UNAVAILABLE);
                });
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

    /** What went wrong, without the failure's message: a response error's message holds the URL with the prefix. */
    private static String reason(Throwable failure) {
        if (failure instanceof WebClientResponseException response) {
            return "status " + response.getStatusCode().value();
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
