package dev.vestibule.adapters.web.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A refused request (a POST without a valid CSRF token, mostly) gets the site's 403 page instead of
 * Spring Security's empty response: the error travels to the same handler that renders every error page.
 */
final class ErrorPageAccessDeniedHandler implements ServerAccessDeniedHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
