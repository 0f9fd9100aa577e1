package dev.vestibule.adapters.web.error;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A form body with broken percent-encoding ("%zz") makes WebFlux's form reader throw an
 * IllegalArgumentException wherever the form is first read (often in the CSRF filter), which would end
 * as a 500. Reading the form here, first in the security chain (right after the security headers are
 * arranged, before CSRF), turns it into a 400 page instead, and the request goes no further; a
 * well-formed form is read once and cached by the exchange as usual.
 */
public final class MalformedFormFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        MediaType contentType = exchange.getRequest().getHeaders().getContentType();
        if (contentType == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(contentType)) {
            return chain.filter(exchange);
        }
        return exchange.getFormData()
                .onErrorMap(IllegalArgumentException.class,
                        malformed -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "Malformed form data"))
                .then(chain.filter(exchange));
    }
}
