package dev.vestibule.adapters.web.security;

import dev.vestibule.adapters.web.flash.FlashCategory;
import dev.vestibule.adapters.web.flash.FlashMessages;
import dev.vestibule.adapters.web.login.NextPath;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * After logout: home, with a word that it worked; or, when the logout form carries a safe {@code next} (the step-up
 * page's "log out and sign in again", issue 14), the login page that returns there.
 */
final class LoggedOutSuccessHandler implements ServerLogoutSuccessHandler {

    @Override
    public Mono<Void> onLogoutSuccess(WebFilterExchange exchange, Authentication authentication) {
        ServerWebExchange web = exchange.getExchange();
        return web.getFormData()
                .map(form -> NextPath.parse(form.getFirst("next"))
                        .map(next -> "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))
                        .orElse("/"))
                .defaultIfEmpty("/")
                .flatMap(target -> FlashMessages.add(web, FlashCategory.INFO, "flash.logged-out")
                        .then(Redirects.to(web, target)));
    }
}
