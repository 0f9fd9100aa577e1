package dev.vestibule.adapters.web.session;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Cookie names per transport: over HTTPS every cookie of ours carries the {@code __Host-} prefix, which
 * browsers accept only with Secure, Path=/ and no Domain, so a sibling subdomain or a plain-http page
 * cannot plant or overwrite it (ASVS V3.3.1). Over plain http (a laptop) the bare name is used.
 */
public final class CookieNames {

    public static final String HOST_PREFIX = "__Host-";

    private CookieNames() {}

    public static String forRequest(String baseName, ServerHttpRequest request) {
        return Https.isUsedBy(request) ? HOST_PREFIX + baseName : baseName;
    }

    /** Whether cookies set for this request carry Secure: whenever it came over HTTPS. */
    public static boolean secure(ServerHttpRequest request) {
        return Https.isUsedBy(request);
    }

    /** Every cookie of ours: the transport's name, Path=/, HttpOnly, SameSite=Lax, Secure over HTTPS. */
    public static ResponseCookie.ResponseCookieBuilder cookie(
            String baseName, String value, ServerHttpRequest request) {
        return ResponseCookie.from(forRequest(baseName, request), value)
                .path("/")
                .httpOnly(true)
                .sameSite("Lax")
                .secure(secure(request));
    }

    /** Sets one of our cookies on the response ({@link #cookie}), for {@code maxAge}; zero deletes it. */
    public static void write(ServerWebExchange exchange, String baseName, String value, Duration maxAge) {
        ResponseCookie cookie =
                cookie(baseName, value, exchange.getRequest()).maxAge(maxAge).build();
        exchange.getResponse().getCookies().set(cookie.getName(), cookie);
    }

    /** The cookie this request carries under the name its transport calls for, or none. */
    public static List<HttpCookie> read(String baseName, ServerHttpRequest request) {
        List<HttpCookie> cookies = request.getCookies().get(forRequest(baseName, request));
        return cookies == null ? List.of() : cookies;
    }
}
