package dev.vestibule.adapters.web.throttling;

import dev.vestibule.adapters.web.session.CookieNames;
import dev.vestibule.domain.model.throttling.KnownBrowser;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpCookie;
import org.springframework.web.server.ServerWebExchange;

/**
 * The "known browser" cookie (OWASP's device cookie against account lockout): a random id the browser
 * keeps after a successful login, which gives its later login attempts an allowance of their own.
 * It proves nothing by itself and signs nobody in.
 */
public final class KnownBrowserCookie {

    public static final String NAME = "vestibule-device";

    private final Duration lifetime;

    public KnownBrowserCookie(Duration lifetime) {
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    }

    public Optional<String> read(ServerWebExchange exchange) {
        return CookieNames.read(NAME, exchange.getRequest()).stream()
                .findFirst()
                .map(HttpCookie::getValue)
                .filter(KnownBrowser::isWellFormedId);
    }

    public void write(ServerWebExchange exchange, String deviceId) {
        exchange.getResponse()
                .addCookie(CookieNames.cookie(NAME, deviceId, exchange.getRequest())
                        .maxAge(lifetime)
                        .build());
    }
}
