package dev.vestibule.adapters.web.security;

import java.util.List;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * The session cookie: HttpOnly, SameSite=Lax, Path=/, and Secure whenever the request came over HTTPS.
 * Spring's {@code CookieWebSessionIdResolver} can only set Secure for every request or none; one
 * deployment serves both plain HTTP on localhost and HTTPS behind a proxy, so it is decided per request.
 */
public final class SessionCookieResolver implements WebSessionIdResolver {

    public static final String COOKIE_NAME = "SESSION";

    @Override
    public List<String> resolveSessionIds(ServerWebExchange exchange) {
        List<HttpCookie> cookies = exchange.getRequest().getCookies().get(COOKIE_NAME);
        return cookies == null ? List.of() : cookies.stream().map(HttpCookie::getValue).toList();
    }

    @Override
    public void setSessionId(ServerWebExchange exchange, String sessionId) {
        exchange.getResponse().getCookies().set(COOKIE_NAME, cookie(exchange, sessionId).build());
    }

    @Override
    public void expireSession(ServerWebExchange exchange) {
        exchange.getResponse().getCookies().set(COOKIE_NAME, cookie(exchange, "").maxAge(0).build());
    }

    private static ResponseCookie.ResponseCookieBuilder cookie(ServerWebExchange exchange, String value) {
        return ResponseCookie.from(COOKIE_NAME, value)
                .path("/")
                .httpOnly(true)
                .sameSite("Lax")
                .secure(Https.isUsedBy(exchange.getRequest()));
    }
}
