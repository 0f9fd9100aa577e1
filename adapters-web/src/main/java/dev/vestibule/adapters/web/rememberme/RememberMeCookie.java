package dev.vestibule.adapters.web.rememberme;

import dev.vestibule.adapters.web.session.CookieNames;
import dev.vestibule.domain.model.rememberme.RememberMeToken;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;

/**
 * The persistent "remember-me" cookie: HttpOnly, SameSite=Lax, Secure with the {@code __Host-} prefix on
 * HTTPS, lasting the series' lifetime.
 */
public final class RememberMeCookie {

    public static final String NAME = "remember-me";

    private final Duration lifetime;

    public RememberMeCookie(Duration lifetime) {
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    }

    public Optional<RememberMeToken> read(ServerWebExchange exchange) {
        return CookieNames.read(NAME, exchange.getRequest()).stream()
                .findFirst()
                .flatMap(cookie -> RememberMeToken.decode(cookie.getValue()));
    }

    public boolean isPresent(ServerWebExchange exchange) {
        return !CookieNames.read(NAME, exchange.getRequest()).isEmpty();
    }

    public void write(ServerWebExchange exchange, RememberMeToken token) {
        exchange.getResponse()
                .addCookie(cookie(exchange, token.encode()).maxAge(lifetime).build());
    }

    public void clear(ServerWebExchange exchange) {
        exchange.getResponse().addCookie(cookie(exchange, "").maxAge(0).build());
    }

    private static ResponseCookie.ResponseCookieBuilder cookie(ServerWebExchange exchange, String value) {
        return CookieNames.cookie(NAME, value, exchange.getRequest());
    }
}
