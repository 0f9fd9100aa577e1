package dev.vestibule.adapters.web.flash;

import dev.vestibule.adapters.web.session.CookieNames;
import dev.vestibule.adapters.web.text.Texts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpCookie;
import org.springframework.web.server.ServerWebExchange;

/**
 * The flash messages of a visitor who has not signed in: a short-lived cookie naming messages of a fixed
 * set, instead of a session. Each of these messages used to open a server-side session of its own (300
 * GETs of a page that needs a login made 300 sessions in Redis, kept 30 minutes); a visitor now costs the
 * session store nothing. The cookie holds message keys, never text, and only keys of {@link #MESSAGES}:
 * whoever plants the cookie (over plain HTTP, say) can make a page show one of these fixed sentences, no
 * words of their own. It is put into words when shown, in the language of the request that shows it.
 */
final class FlashCookie {

    static final String NAME = "flash";
    /** Long enough for the redirect to be followed, short enough not to greet a later visit. */
    static final Duration MAX_AGE = Duration.ofMinutes(1);

    /** The messages a visitor can be sent, each with its category. */
    static final Map<String, FlashCategory> MESSAGES = Map.of(
            "flash.login-required", FlashCategory.WARNING,
            "flash.login-rejected", FlashCategory.DANGER,
            "flash.logged-out", FlashCategory.INFO,
            "flash.remember-me-theft", FlashCategory.WARNING,
            "passwordreset.flash.reset", FlashCategory.SUCCESS,
            "account.delete.done", FlashCategory.SUCCESS,
            // issue 14: twofactor (the pending sign-in holds no user, so this visitor's flash travels in the cookie)
            "flash.two-factor-lapsed", FlashCategory.WARNING);

    private static final String SEPARATOR = "|";
    private static final int MAX_QUEUED = MESSAGES.size();
    /** Set on the exchange when this request queued messages, so that two in one request add up. */
    private static final String QUEUED_ATTRIBUTE = FlashCookie.class.getName() + ".queued";

    private FlashCookie() {}

    /** Whether the message can travel in the cookie: one of the fixed set, as that set files it, with no arguments. */
    static boolean carries(FlashCategory category, String key, Object... arguments) {
        return arguments.length == 0 && MESSAGES.get(key) == category;
    }

    /** Queues {@code key} in the cookie, after any the request brought that are not yet shown. */
    static void add(ServerWebExchange exchange, String key) {
        Set<String> queued = new LinkedHashSet<>(pending(exchange));
        if (queued.size() < MAX_QUEUED) {
            queued.add(key);
        }
        exchange.getAttributes().put(QUEUED_ATTRIBUTE, List.copyOf(queued));
        CookieNames.write(exchange, NAME, String.join(SEPARATOR, queued), MAX_AGE);
    }

    /** The queued messages in the request's language; the cookie is removed with the response, if there was one. */
    static List<FlashMessage> takeFrom(ServerWebExchange exchange) {
        List<String> keys = pending(exchange);
        if (keys.isEmpty()) {
            return List.of();
        }
        exchange.getAttributes().remove(QUEUED_ATTRIBUTE);
        CookieNames.write(exchange, NAME, "", Duration.ZERO);
        Texts texts = Texts.of(exchange);
        List<FlashMessage> messages = new ArrayList<>();
        for (String key : keys) {
            messages.add(new FlashMessage(MESSAGES.get(key), texts.get(key)));
        }
        return messages;
    }

    /** Queued by this request, or else brought by it; unknown keys are dropped. */
    private static List<String> pending(ServerWebExchange exchange) {
        if (exchange.getAttribute(QUEUED_ATTRIBUTE) instanceof List<?> queued) {
            return queued.stream().map(String::valueOf).toList();
        }
        return CookieNames.read(NAME, exchange.getRequest()).stream()
                .findFirst()
                .map(HttpCookie::getValue)
                .map(value -> Arrays.stream(value.split("\\" + SEPARATOR))
                        .filter(MESSAGES::containsKey)
                        .distinct()
                        .limit(MAX_QUEUED)
                        .toList())
                .orElse(List.of());
    }
}
