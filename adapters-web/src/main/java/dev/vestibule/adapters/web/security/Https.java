package dev.vestibule.adapters.web.security;

import org.springframework.http.server.reactive.ServerHttpRequest;

/** Whether a request reached us over HTTPS, which decides the Secure flag of every cookie we set. */
public final class Https {

    private Https() {
    }

    /** Directly, or through a proxy whose forwarded headers the server trusts (they rewrite the URI's scheme). */
    public static boolean isUsedBy(ServerHttpRequest request) {
        return request.getSslInfo() != null || "https".equalsIgnoreCase(request.getURI().getScheme());
    }
}
