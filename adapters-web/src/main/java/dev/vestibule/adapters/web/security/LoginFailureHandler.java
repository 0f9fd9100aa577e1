package dev.vestibule.adapters.web.security;

import dev.vestibule.adapters.web.flash.FlashCategory;
import dev.vestibule.adapters.web.flash.FlashMessages;
import dev.vestibule.adapters.web.login.LastLoginName;
import dev.vestibule.adapters.web.login.NextPath;
import dev.vestibule.adapters.web.session.CookieSigner;
import dev.vestibule.adapters.web.text.ReasonTexts;
import dev.vestibule.adapters.web.throttling.TooManyAttempts;
import dev.vestibule.domain.model.login.LoginOutcome;
import java.util.Objects;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * After a rejected login: the one neutral message, the form filled in again, the same destination kept.
 * A throttled attempt instead gets the 429 page, which says how long to wait. The one who failed has no
 * session, and gets none: the message and the name travel in short-lived cookies.
 */
final class LoginFailureHandler implements ServerAuthenticationFailureHandler {

    private final CookieSigner cookieSigner;

    LoginFailureHandler(CookieSigner cookieSigner) {
        this.cookieSigner = Objects.requireNonNull(cookieSigner, "cookieSigner");
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException exception) {
        ServerWebExchange exchange = webFilterExchange.getExchange();
        if (exception instanceof LoginThrottledException throttled) {
            return TooManyAttempts.refuse(exchange, throttled.retryAfter());
        }
        String rejected =
                ReasonTexts.of(LoginOutcome.PublicReason.INVALID_CREDENTIALS).key();
        return exchange.getFormData().flatMap(form -> {
            LastLoginName.remember(exchange, cookieSigner, form.getFirst("username"));
            String next = NextPath.parse(form.getFirst("next")).orElse("");
            return FlashMessages.add(exchange, FlashCategory.DANGER, rejected)
                    .then(Redirects.to(exchange, Redirects.loginWithNext(next)));
        });
    }
}
