package dev.vestibule.adapters.web.edge;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * The id that ties the log lines of one request together, and to the proxy's own logs: the
 * {@code X-Request-Id} a trusted proxy sent, when it is a plausible token, else a fresh one. It goes back
 * to the client in the response's {@code X-Request-Id}, so a user reporting a problem can quote it.
 */
final class CorrelationId {

    public static final String HEADER = "X-Request-Id";

    /** Where the id sits in the Reactor context of the request's processing. */
    public static final String CONTEXT_KEY = "vestibule.request-id";

    /**
     * What proxies send (UUIDs, hex, HAProxy's and AWS's formats) fits; spaces, quotes and control
     * characters, which could forge or break a log line, do not.
     */
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._:+/=-]{1,128}");

    private CorrelationId() {}

    /** The proxy's id when it is plausible, else a new one. */
    static String from(String proposed) {
        return proposed != null && PLAUSIBLE.matcher(proposed).matches() ? proposed : generate();
    }

    /** 128 random bits as 32 hex digits: unique enough to correlate, and not a secret, so no SecureRandom. */
    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return hex(random.nextLong()) + hex(random.nextLong());
    }

    private static String hex(long value) {
        String digits = Long.toHexString(value);
        return "0".repeat(16 - digits.length()) + digits;
    }

    /** The id of the request being processed, for code that wants to log it. */
    public static Mono<String> current() {
        return Mono.deferContextual(
                context -> Mono.justOrEmpty(context.getOrEmpty(CONTEXT_KEY).map(String.class::cast)));
    }
}
