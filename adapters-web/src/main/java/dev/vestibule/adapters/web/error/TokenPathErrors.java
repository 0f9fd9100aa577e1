package dev.vestibule.adapters.web.error;

import dev.vestibule.adapters.web.edge.LoggedPaths;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A failure on a page a mailed link opens ({@code /password-reset/<token>}) is answered as anywhere else (outage
 * first, then Boot's error page), but Boot's error handler sees the request with the token replaced: it logs the
 * path and query of every 500, and the token must never reach a log.
 */
@Component
@Order(-3) // before TemporarilyUnavailableHandler (-2) and Boot's ErrorWebExceptionHandler (-1), which it calls itself
class TokenPathErrors implements WebExceptionHandler {

    /** What Boot's handler sees instead of the token (a URI allows no angle brackets). */
    static final String REDACTED = "redacted";

    private final TemporarilyUnavailableHandler outages;
    private final ObjectProvider<ErrorWebExceptionHandler> errorPages;

    TokenPathErrors(TemporarilyUnavailableHandler outages, ObjectProvider<ErrorWebExceptionHandler> errorPages) {
        this.outages = outages;
        this.errorPages = errorPages;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ErrorWebExceptionHandler pages = errorPages.getIfAvailable();
        if (pages == null || exchange.getResponse().isCommitted() || !LoggedPaths.carriesToken(exchange.getRequest())) {
            return Mono.error(error);
        }
        ServerWebExchange redacted = exchange.mutate()
                .request(
                        request -> request.uri(redactedUri(exchange.getRequest().getURI())))
                .build();
        return outages.handle(exchange, error).onErrorResume(remaining -> pages.handle(redacted, remaining));
    }

    /** The same address with the token replaced and without the query string (which may carry one too). */
    static URI redactedUri(URI uri) {
        String path = LoggedPaths.of(uri.getRawPath()).replace(LoggedPaths.MASK, REDACTED);
        try {
            return new URI(uri.getScheme(), uri.getRawAuthority(), path, null, null);
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException("a masked path is a valid path", impossible);
        }
    }
}
