package dev.vestibule.adapters.web.error;

import dev.vestibule.adapters.web.security.TooManyAttempts;
import dev.vestibule.domain.port.in.PasswordHashingBusyException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A login or sign-up refused because password hashing is at capacity gets the 503 page with Retry-After
 * at once, whether the refusal came from the security filters (login) or a controller (sign-up). Placed
 * before Spring Security's filters so that it sees both.
 */
@Component
@Order(-200)
class HashingBusyAnswer implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).onErrorResume(PasswordHashingBusyException.class, busy -> {
            // Retry-After and the wait the error page shows, as for a throttled attempt.
            TooManyAttempts.markResponse(exchange, busy.retryAfter());
            return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "busy", busy));
        });
    }
}
