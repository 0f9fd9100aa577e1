package dev.vestibule.adapters.web.security;

import dev.vestibule.adapters.web.flash.FlashCategory;
import dev.vestibule.adapters.web.flash.FlashMessages;
import dev.vestibule.adapters.web.login.NextPath;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Flask-Login's login_required: to the login page, with a message and the way back. */
final class LoginRequiredEntryPoint implements ServerAuthenticationEntryPoint {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException reason) {
        String next =
                NextPath.parse(Redirects.pathAndQuery(exchange.getRequest())).orElse("");
        return FlashMessages.add(exchange, FlashCategory.WARNING, "flash.login-required")
                .then(Redirects.to(exchange, Redirects.loginWithNext(next)));
    }
}
