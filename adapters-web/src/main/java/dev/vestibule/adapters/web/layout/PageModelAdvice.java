package dev.vestibule.adapters.web.layout;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Puts the layout's {@link PageModel} into every controller's model. */
@ControllerAdvice
class PageModelAdvice {

    @ModelAttribute(PageModel.CURRENT_USER)
    Mono<CurrentUserView> currentUser() {
        return PageModel.currentUser();
    }

    @ModelAttribute(PageModel.CSRF_TOKEN)
    Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
        return PageModel.csrfToken(exchange);
    }

    @ModelAttribute(PageModel.FLASH)
    Mono<PendingFlash> flash(ServerWebExchange exchange) {
        return PageModel.flash(exchange);
    }
}
