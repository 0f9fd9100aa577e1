package dev.vestibule.adapters.web.error;

import dev.vestibule.adapters.web.edge.LoggedPaths;
import dev.vestibule.adapters.web.edge.RequestLogging;
import dev.vestibule.adapters.web.throttling.TooManyAttempts;
import dev.vestibule.domain.model.outage.StoreUnavailableException;
import dev.vestibule.domain.port.in.PasswordHashingBusyException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * What cannot be done right now but will be shortly gets the site's 503 page ("temporarily unavailable")
 * with Retry-After, never a 500: a store that cannot be reached (the database, the session store) and
 * password hashing at capacity (a login or sign-up). It catches both wherever they arise, in a controller
 * or in the filters (Spring Session loads the session, and Spring Security logs in, before any controller
 * runs), and hands them to Boot's error handler as a 503, which renders error/503.
 */
@Component
@Order(-2) // before Boot's ErrorWebExceptionHandler (-1), which renders the page
class TemporarilyUnavailableHandler implements WebExceptionHandler {

    /** Long enough not to hammer a recovering store, short enough for a restart or a failover. */
    static final String OUTAGE_RETRY_AFTER_SECONDS = "10";

    private static final Logger log = LoggerFactory.getLogger(TemporarilyUnavailableHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        Optional<StoreUnavailableException> outage = StoreUnavailableException.in(error);
        if (outage.isPresent()) {
            return answerOutage(exchange, outage.get());
        }
        if (error instanceof PasswordHashingBusyException busy) {
            // Retry-After and the wait the error page shows, as for a throttled attempt.
            TooManyAttempts.markResponse(exchange, busy.retryAfter());
            return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "busy", busy));
        }
        return Mono.error(error);
    }

    private static Mono<Void> answerOutage(ServerWebExchange exchange, StoreUnavailableException outage) {
        // The reason only, never the stack trace: during an outage every request would print one.
        Throwable root = NestedExceptionUtils.getMostSpecificCause(outage);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, OUTAGE_RETRY_AFTER_SECONDS);
        return RequestLogging.log(() -> log.warn(
                        "{} {} answered 503: {} ({}: {})",
                        exchange.getRequest().getMethod(),
                        LoggedPaths.of(exchange.getRequest()),
                        outage.getMessage(),
                        root.getClass().getSimpleName(),
                        root.getMessage()))
                .then(Mono.error(
                        new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, outage.getMessage(), outage)));
    }
}
