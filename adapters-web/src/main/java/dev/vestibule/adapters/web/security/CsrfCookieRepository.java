package dev.vestibule.adapters.web.security;

import dev.vestibule.adapters.web.session.CookieNames;
import dev.vestibule.adapters.web.session.CookieSigner;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Keeps the CSRF token in a cookie rather than in the session, so that an anonymous visitor reading a page
 * with a form (the login page, the sign-up page) costs no session in Redis. Spring Security still compares
 * the cookie with the (masked) token each form posts back; a cross-site page can neither read the cookie
 * nor, over HTTPS, plant one (the {@code __Host-} name, as for every cookie of ours). HttpOnly: the forms
 * carry the token in the page, no script needs it.
 *
 * <p>The cookie holds the token signed with the server's key (HMAC-SHA256, {@link CookieSigner}): a cookie
 * planted over plain HTTP or from a sibling host with a token of the attacker's choosing, and the same token
 * in the form, used to pass (double submit compares two values the attacker both chose); now a cookie that
 * is not signed by us counts as no token at all, and the post is refused.
 */
final class CsrfCookieRepository implements ServerCsrfTokenRepository {

    static final String NAME = "csrf";
    static final String PARAMETER_NAME = "_csrf";
    static final String HEADER_NAME = "X-CSRF-TOKEN";
    /** What the signature is for: a value signed for another cookie is no CSRF token. */
    static final String SIGNATURE_PURPOSE = "csrf-token";

    private final CookieSigner signer;

    CsrfCookieRepository(CookieSigner signer) {
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    @Override
    public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
        return Mono.fromCallable(() -> token(UUID.randomUUID().toString()));
    }

    /** A null token drops the cookie (signing in does that, so a token handed out before is worthless). */
    @Override
    public Mono<Void> saveToken(ServerWebExchange exchange, CsrfToken token) {
        return Mono.fromRunnable(() -> {
            var cookie = CookieNames.cookie(
                    NAME, token == null ? "" : signer.sign(SIGNATURE_PURPOSE, token.getToken()), exchange.getRequest());
            ResponseCookie built = (token == null ? cookie.maxAge(0) : cookie).build();
            exchange.getResponse().getCookies().set(built.getName(), built);
        });
    }

    @Override
    public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> CookieNames.read(NAME, exchange.getRequest()).stream()
                .findFirst()
                .map(HttpCookie::getValue)
                .flatMap(signed -> signer.verify(SIGNATURE_PURPOSE, signed))
                .map(CsrfCookieRepository::token)
                .orElse(null));
    }

    private static CsrfToken token(String value) {
        return new DefaultCsrfToken(HEADER_NAME, PARAMETER_NAME, value);
    }
}
