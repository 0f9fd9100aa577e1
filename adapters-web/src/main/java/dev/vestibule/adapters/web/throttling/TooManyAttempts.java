package dev.vestibule.adapters.web.throttling;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The 429 answer to a throttled attempt: Retry-After in seconds, and a page that says how long to wait. */
public final class TooManyAttempts {

    /** The request attribute the error page reads the wait from. */
    public static final String RETRY_AFTER_ATTRIBUTE = "vestibule.retryAfterSeconds";

    private TooManyAttempts() {}

    public static long seconds(Duration retryAfter) {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public static void markResponse(ServerWebExchange exchange, Duration retryAfter) {
        long seconds = seconds(retryAfter);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        exchange.getAttributes().put(RETRY_AFTER_ATTRIBUTE, seconds);
    }

    /** Ends the request with the site's 429 page. */
    public static Mono<Void> refuse(ServerWebExchange exchange, Duration retryAfter) {
        markResponse(exchange, retryAfter);
        return Mono.error(new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS));
    }
}
