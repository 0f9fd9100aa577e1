package dev.vestibule.adapters.web.throttling;

import dev.vestibule.adapters.web.session.CookieNames;
import dev.vestibule.domain.model.throttling.KnownBrowser;
import dev.vestibule.domain.port.in.LoginAttempt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpCookie;
import org.springframework.web.server.ServerWebExchange;

/**
 * The "known browser" cookie (OWASP's device cookie against account lockout): random ids the browser keeps after
 * successful logins, which give its later login attempts an allowance of their own. It holds one id per account the
 * browser signed in to, most recent first, at most {@link LoginAttempt#MAX_KNOWN_BROWSER_IDS} (issue 13 finding 6: it
 * held one, so signing in to a second account took the first one's lockout protection away). The ids are joined by
 * dots, which no id contains. It proves nothing by itself and signs nobody in.
 */
public final class KnownBrowserCookie {

    public static final String NAME = "vestibule-device";

    private static final String SEPARATOR = ".";

    private final Duration lifetime;

    public KnownBrowserCookie(Duration lifetime) {
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    }

    /** The well-formed ids the browser presented, most recent first; anything else in the cookie is ignored. */
    public List<String> read(ServerWebExchange exchange) {
        return CookieNames.read(NAME, exchange.getRequest()).stream()
                .findFirst()
                .map(HttpCookie::getValue)
                .map(KnownBrowserCookie::idsIn)
                .orElse(List.of());
    }

    /** Puts {@code deviceId} first and keeps the most recent of the others, so the cookie never grows past the bound. */
    public void write(ServerWebExchange exchange, String deviceId) {
        List<String> ids = new ArrayList<>();
        ids.add(deviceId);
        read(exchange).stream().filter(id -> !id.equals(deviceId)).forEach(ids::add);
        String value = String.join(SEPARATOR, ids.subList(0, Math.min(ids.size(), LoginAttempt.MAX_KNOWN_BROWSER_IDS)));
        exchange.getResponse()
                .addCookie(CookieNames.cookie(NAME, value, exchange.getRequest())
                        .maxAge(lifetime)
                        .build());
    }

    static List<String> idsIn(String value) {
        return Arrays.stream(value.split("\\.", LoginAttempt.MAX_KNOWN_BROWSER_IDS + 1))
                .limit(LoginAttempt.MAX_KNOWN_BROWSER_IDS)
                .filter(KnownBrowser::isWellFormedId)
                .distinct()
                .toList();
    }
}
