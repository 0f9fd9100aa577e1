package dev.vestibule.adapters.web.security;

import java.util.List;
import org.springframework.http.HttpCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Cookie names per transport: over HTTPS every cookie of ours carries the {@code __Host-} prefix, which
 * browsers accept only with Secure, Path=/ and no Domain, so a sibling subdomain or a plain-http page
 * cannot plant or overwrite it (ASVS V3.3.1). Over plain http (a laptop) the bare name is used.
 */
final class CookieNames {

    static final String HOST_PREFIX = "__Host-";

    private CookieNames() {
    }

    static String forRequest(String baseName, ServerHttpRequest request) {
        return Https.isUsedBy(request) ? HOST_PREFIX + baseName : baseName;
    }

    /** The cookie this request carries under the name its transport calls for, or null. */
    static List<HttpCookie> read(String baseName, ServerHttpRequest request) {
        List<HttpCookie> cookies = request.getCookies().get(forRequest(baseName, request));
        return cookies == null ? List.of() : cookies;
    }
}
