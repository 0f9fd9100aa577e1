package dev.vestibule.adapters.web.security;

import dev.vestibule.adapters.web.flash.FlashCategory;
import dev.vestibule.adapters.web.flash.FlashMessages;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import reactor.core.publisher.Mono;

/** After logout: home, with a word that it worked. */
final class LoggedOutSuccessHandler implements ServerLogoutSuccessHandler {

    @Override
    public Mono<Void> onLogoutSuccess(WebFilterExchange exchange, Authentication authentication) {
        return FlashMessages.add(exchange.getExchange(), FlashCategory.INFO, "flash.logged-out")
                .then(Redirects.to(exchange.getExchange(), "/"));
    }
}
