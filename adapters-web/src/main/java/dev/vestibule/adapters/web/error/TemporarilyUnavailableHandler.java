package dev.vestibule.adapters.web.error;

import dev.vestibule.domain.port.out.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A store that cannot be reached (the database, the session store) is an outage, not a bug: the answer
 * is the site's 503 page ("temporarily unavailable") with Retry-After, never a 500. It catches outages
 * wherever they arise, in a controller or in the filters (Spring Session loads the session before any
 * controller runs), and hands them to Boot's error handler as a 503, which renders error/503.
 */
@Component
@Order(-2) // before Boot's ErrorWebExceptionHandler (-1), which renders the page
class StoreOutageHandler implements WebExceptionHandler {

    /** Long enough not to hammer a recovering store, short enough for a restart or a failover. */
    static final String RETRY_AFTER_SECONDS = "10";

    private static final Logger log = LoggerFactory.getLogger(StoreOutageHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        StoreUnavailableException outage = outageIn(error);
        if (outage == null || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        // The reason only, never the stack trace: during an outage every request would print one.
        log.warn("{} {} answered 503: {} ({})", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                outage.getMessage(), rootCause(outage));
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, outage.getMessage(), outage));
    }

    private static StoreUnavailableException outageIn(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StoreUnavailableException outage) {
                return outage;
            }
        }
        return null;
    }

    private static String rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
