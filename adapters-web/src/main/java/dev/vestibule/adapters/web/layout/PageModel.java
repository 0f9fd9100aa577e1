package dev.vestibule.adapters.web.layout;

import dev.vestibule.adapters.web.session.SignedInUser;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What every page's layout needs: the current user (Flask-Login's current_user), the CSRF token for
 * its forms (Mustache, unlike Thymeleaf, does not add it by itself) and the pending flash messages.
 */
public final class PageModel {

    public static final String CURRENT_USER = "currentUser";
    public static final String CSRF_TOKEN = "_csrf";
    public static final String FLASH = "flash";
    /** True on a page that shows a form just refused: its title then starts with "Error:". */
    public static final String FAILED_SUBMIT = "failed";

    private PageModel() {}

    static Mono<CurrentUserView> currentUser() {
        return SignedInUser.current().map(CurrentUserView::from);
    }

    /** Subscribing is what makes Spring Security create and store the token. */
    static Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }

    static Mono<PendingFlash> flash(ServerWebExchange exchange) {
        return exchange.getSession().map(session -> new PendingFlash(exchange, session));
    }

    /** All of it at once, for pages rendered outside a controller's model (error pages). */
    public static Mono<Map<String, Object>> attributes(ServerWebExchange exchange) {
        Map<String, Object> attributes = new HashMap<>();
        return currentUser()
                .doOnNext(user -> attributes.put(CURRENT_USER, user))
                .then(csrfToken(exchange).doOnNext(token -> attributes.put(CSRF_TOKEN, token)))
                .then(flash(exchange).doOnNext(flash -> attributes.put(FLASH, flash)))
                .thenReturn(attributes);
    }
}
