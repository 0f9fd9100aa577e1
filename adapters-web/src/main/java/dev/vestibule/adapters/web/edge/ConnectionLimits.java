package dev.vestibule.adapters.web.edge;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a client may take to send a request (issue 13, finding 6: slow clients). Netty's idle timeout
 * ({@code server.netty.idle-timeout}) is reset by every byte, so a client trickling its request head one byte at a
 * time outlives it forever; these deadlines are not reset.
 *
 * @param requestHeadTimeout from the first byte of a request to the end of its head (request line and headers)
 * @param requestBodyTimeout from the end of the head to the end of the body (Reactor Netty's request timeout)
 */
public record ConnectionLimits(Duration requestHeadTimeout, Duration requestBodyTimeout) {

    public static final Duration DEFAULT_REQUEST_HEAD_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_BODY_TIMEOUT = Duration.ofSeconds(30);

    public ConnectionLimits {
        Objects.requireNonNull(requestHeadTimeout, "requestHeadTimeout");
        Objects.requireNonNull(requestBodyTimeout, "requestBodyTimeout");
        if (requestHeadTimeout.isNegative() || requestHeadTimeout.isZero()) {
            throw new IllegalArgumentException("the request-head timeout must be positive");
        }
        if (requestBodyTimeout.isNegative() || requestBodyTimeout.isZero()) {
            throw new IllegalArgumentException("the request-body timeout must be positive");
        }
    }

    public static ConnectionLimits defaults() {
        return new ConnectionLimits(DEFAULT_REQUEST_HEAD_TIMEOUT, DEFAULT_REQUEST_BODY_TIMEOUT);
    }
}
