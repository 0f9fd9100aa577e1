package dev.vestibule.adapters.web.session;

import java.util.List;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * The session cookie: HttpOnly, SameSite=Lax, Path=/, and Secure with the {@code __Host-} prefix whenever
 * the request came over HTTPS.
 * Spring's {@code CookieWebSessionIdResolver} can only set Secure for every request or none; one
 * deployment serves both plain HTTP on localhost and HTTPS behind a proxy, so it is decided per request.
 *
 * <p>Only the first session cookie of a request is looked up. Spring tries every id it is given, one store
 * lookup each, until one is found: a request carrying 150 {@code SESSION} cookies made 150 Redis lookups.
 * A browser sends one (the most specific path first, and ours is always {@code Path=/}).
 */
final class SessionCookieResolver implements WebSessionIdResolver {

    static final String COOKIE_NAME = "SESSION";

    @Override
    public List<String> resolveSessionIds(ServerWebExchange exchange) {
        return CookieNames.read(COOKIE_NAME, exchange.getRequest()).stream()
                .map(HttpCookie::getValue)
                .limit(1)
                .toList();
    }

    @Override
    public void setSessionId(ServerWebExchange exchange, String sessionId) {
        ResponseCookie cookie = cookie(exchange, sessionId).build();
        exchange.getResponse().getCookies().set(cookie.getName(), cookie);
    }

    @Override
    public void expireSession(ServerWebExchange exchange) {
        ResponseCookie cookie = cookie(exchange, "").maxAge(0).build();
        exchange.getResponse().getCookies().set(cookie.getName(), cookie);
    }

    private static ResponseCookie.ResponseCookieBuilder cookie(ServerWebExchange exchange, String value) {
        return CookieNames.cookie(COOKIE_NAME, value, exchange.getRequest());
    }
}
