package dev.vestibule.adapters.web.flash;

import dev.vestibule.adapters.web.text.Texts;
import dev.vestibule.domain.model.session.SessionAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Flask's flash(): messages queued in the session, shown once on the next rendered page, then gone. A
 * message is put into words when it is queued, in the language of the request that queues it (the same
 * browser asks for the next page a moment later), so the session holds plain text that any instance and
 * any later release can show, however the bundles' keys change.
 *
 * <p>Only a signed-in user's messages go into the session. A visitor's (please log in, wrong password,
 * logged out...) travel in the {@link FlashCookie}: a visitor who has not signed in costs no stored session.
 */
public final class FlashMessages {

    static final String SESSION_ATTRIBUTE = "vestibule.flash";
    /** A page reached by a loop of redirects must not grow the session without bound. */
    private static final int MAX_QUEUED = 10;

    private FlashMessages() {}

    /** Queues the bundles' text for {@code key}, with its arguments, in the request's language. */
    public static Mono<Void> add(ServerWebExchange exchange, FlashCategory category, String key, Object... arguments) {
        return exchange.getSession()
                .doOnNext(session -> {
                    if (!isSignedIn(session) && FlashCookie.carries(category, key, arguments)) {
                        FlashCookie.add(exchange, key);
                    } else {
                        add(
                                session,
                                new FlashMessage(category, Texts.of(exchange).get(key, arguments)));
                    }
                })
                .then();
    }

    /** The messages queued for the page this request renders: the session's, then the visitor's cookie's. */
    public static List<FlashMessage> takeFrom(ServerWebExchange exchange, WebSession session) {
        List<FlashMessage> taken = new ArrayList<>(takeFrom(session));
        taken.addAll(FlashCookie.takeFrom(exchange));
        return taken;
    }

    private static boolean isSignedIn(WebSession session) {
        return session.getAttribute(SessionAttributes.USER_ID) != null;
    }

    public static void add(WebSession session, FlashMessage message) {
        List<Object> queued = new ArrayList<>(stored(session));
        if (queued.size() < MAX_QUEUED) {
            queued.add(message.encode());
        }
        session.getAttributes().put(SESSION_ATTRIBUTE, queued);
    }

    /** The queued messages, removed from the session: a second call (or the next page) sees none. */
    public static List<FlashMessage> takeFrom(WebSession session) {
        List<?> queued = stored(session);
        if (queued.isEmpty()) {
            return List.of();
        }
        session.getAttributes().remove(SESSION_ATTRIBUTE);
        return queued.stream()
                .map(FlashMessage::decode)
                .flatMap(Optional::stream)
                .toList();
    }

    private static List<?> stored(WebSession session) {
        return session.getAttribute(SESSION_ATTRIBUTE) instanceof List<?> list ? list : List.of();
    }
}
