package dev.vestibule.adapters.web.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/** Redirects that the security handlers and the controllers share. */
final class Redirects {

    private Redirects() {}

    static Mono<Void> to(ServerWebExchange exchange, String location) {
        return Mono.fromRunnable(() -> {
            exchange.getResponse().setStatusCode(HttpStatus.FOUND);
            exchange.getResponse().getHeaders().setLocation(URI.create(location));
        });
    }

    /** "/login?next=..." with {@code next} encoded so it reads back unchanged, '+' included. */
    static String loginWithNext(String next) {
        if (next == null || next.isEmpty() || next.equals("/")) {
            return "/login";
        }
        return "/login?next="
                + UriUtils.encodeQueryParam(next, StandardCharsets.UTF_8).replace("+", "%2B");
    }

    /** The path and query of a request, raw (still percent-encoded), as a browser would request it again. */
    static String pathAndQuery(ServerHttpRequest request) {
        String query = request.getURI().getRawQuery();
        return request.getURI().getRawPath() + (query == null ? "" : "?" + query);
    }
}
