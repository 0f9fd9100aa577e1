package dev.vestibule.adapters.web.session;

import org.springframework.http.server.reactive.ServerHttpRequest;

/** Whether a request reached us over HTTPS, which decides the Secure flag of every cookie we set. */
final class Https {

    private Https() {}

    /**
     * Directly, or through a trusted proxy that said so in its forwarded headers (the {@code edge} package
     * rewrites the URI's scheme for trusted proxies only).
     */
    static boolean isUsedBy(ServerHttpRequest request) {
        return request.getSslInfo() != null
                || "https".equalsIgnoreCase(request.getURI().getScheme());
    }
}
