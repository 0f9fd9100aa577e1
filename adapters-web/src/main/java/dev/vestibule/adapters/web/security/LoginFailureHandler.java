package dev.vestibule.adapters.web.security;

import dev.vestibule.adapters.web.flash.FlashCategory;
import dev.vestibule.adapters.web.flash.FlashMessage;
import dev.vestibule.adapters.web.flash.FlashMessages;
import dev.vestibule.adapters.web.login.LastLoginName;
import dev.vestibule.adapters.web.login.NextPath;
import dev.vestibule.adapters.web.text.ReasonTexts;
import dev.vestibule.adapters.web.text.Texts;
import dev.vestibule.adapters.web.throttling.TooManyAttempts;
import dev.vestibule.domain.model.login.LoginOutcome;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * After a rejected login: the one neutral message, the form filled in again, the same destination kept.
 * A throttled attempt instead gets the 429 page, which says how long to wait.
 */
final class LoginFailureHandler implements ServerAuthenticationFailureHandler {

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException exception) {
        ServerWebExchange exchange = webFilterExchange.getExchange();
        if (exception instanceof LoginThrottledException throttled) {
            return TooManyAttempts.refuse(exchange, throttled.retryAfter());
        }
        return exchange.getFormData().zipWith(exchange.getSession()).flatMap(formAndSession -> {
            var form = formAndSession.getT1();
            var session = formAndSession.getT2();
            String rejected = Texts.of(exchange).get(ReasonTexts.of(LoginOutcome.PublicReason.INVALID_CREDENTIALS));
            FlashMessages.add(session, new FlashMessage(FlashCategory.DANGER, rejected));
            LastLoginName.remember(session, form.getFirst("username"));
            String next = NextPath.parse(form.getFirst("next")).orElse("");
            return Redirects.to(exchange, Redirects.loginWithNext(next));
        });
    }
}
