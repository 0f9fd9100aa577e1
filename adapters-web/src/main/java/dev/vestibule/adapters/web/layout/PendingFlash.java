package dev.vestibule.adapters.web.layout;

import dev.vestibule.adapters.web.flash.FlashMessage;
import dev.vestibule.adapters.web.flash.FlashMessages;
import java.util.List;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

/**
 * The flash messages, taken from the session (and a visitor's flash cookie) only when a template actually
 * renders them: a request that ends in a redirect leaves them queued for the page after.
 */
final class PendingFlash {

    private final ServerWebExchange exchange;
    private final WebSession session;
    private List<FlashMessage> taken;

    PendingFlash(ServerWebExchange exchange, WebSession session) {
        this.exchange = exchange;
        this.session = session;
    }

    /** Called by the template; the first call takes the messages, later calls in the same render reuse them. */
    public synchronized List<FlashMessage> messages() {
        if (taken == null) {
            taken = FlashMessages.takeFrom(exchange, session);
        }
        return taken;
    }
}
