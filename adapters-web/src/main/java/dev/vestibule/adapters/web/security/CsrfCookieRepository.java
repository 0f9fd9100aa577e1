package dev.vestibule.adapters.web.security;

import dev.vestibule.adapters.web.session.CookieNames;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Keeps the CSRF token in a cookie rather than in the session, so that an anonymous visitor reading a page
 * with a form (the login page, the sign-up page) costs no session in Redis. Spring Security still compares
 * the cookie with the (masked) token each form posts back; a cross-site page can neither read the cookie
 * nor, over HTTPS, plant one (the {@code __Host-} name, as for every cookie of ours). HttpOnly: the forms
 * carry the token in the page, no script needs it.
 */
final class CsrfCookieRepository implements ServerCsrfTokenRepository {

    static final String NAME = "csrf";

    private final ServerCsrfTokenRepository overHttp = repository(NAME, false);
    private final ServerCsrfTokenRepository overHttps = repository(CookieNames.HOST_PREFIX + NAME, true);

    @Override
    public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
        return forTransport(exchange).generateToken(exchange);
    }

    @Override
    public Mono<Void> saveToken(ServerWebExchange exchange, CsrfToken token) {
        return forTransport(exchange).saveToken(exchange, token);
    }

    @Override
    public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
        return forTransport(exchange).loadToken(exchange);
    }

    private ServerCsrfTokenRepository forTransport(ServerWebExchange exchange) {
        return CookieNames.secure(exchange.getRequest()) ? overHttps : overHttp;
    }

    private static ServerCsrfTokenRepository repository(String cookieName, boolean secure) {
        var repository = new CookieServerCsrfTokenRepository();
        repository.setCookieName(cookieName);
        repository.setCookiePath("/");
        repository.setCookieCustomizer(
                cookie -> cookie.httpOnly(true).sameSite("Lax").secure(secure));
        return repository;
    }
}
