package dev.vestibule.adapters.web.layout;

import dev.vestibule.adapters.web.security.SignedInUser;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What every page's layout needs: the current user (Flask-Login's current_user), the CSRF token for
 * its forms (Mustache, unlike Thymeleaf, does not add it by itself) and the pending flash messages.
 */
@ControllerAdvice
class PageModelAdvice {

    @ModelAttribute("currentUser")
    Mono<CurrentUserView> currentUser() {
        return SignedInUser.current().map(CurrentUserView::from);
    }

    /** Subscribing is what makes Spring Security create and store the token. */
    @ModelAttribute("_csrf")
    Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }

    @ModelAttribute("flash")
    Mono<PendingFlash> flash(ServerWebExchange exchange) {
        return exchange.getSession().map(PendingFlash::new);
    }
}
