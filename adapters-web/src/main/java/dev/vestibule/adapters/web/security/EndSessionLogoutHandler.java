package dev.vestibule.adapters.web.security;

import dev.vestibule.adapters.web.rememberme.RememberMeCookie;
import dev.vestibule.adapters.web.session.Origins;
import dev.vestibule.adapters.web.session.SignedInUser;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.port.in.ForgetRememberedBrowser;
import dev.vestibule.domain.port.in.RecordSecurityEvent;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Ends the login everywhere: the remembered series is revoked, and the session is emptied and invalidated,
 * which deletes it from the session store (every instance sees it gone) and drops its cookie. The "logged
 * out" message travels in the visitor's flash cookie, so nothing is stored for the one who just left (nor
 * for an anonymous POST /logout). The logout of a signed-in user is recorded as a security event.
 */
final class EndSessionLogoutHandler implements ServerLogoutHandler {

    private final ForgetRememberedBrowser forgetRememberedBrowser;
    private final RememberMeCookie cookie;
    private final RecordSecurityEvent recordSecurityEvent;

    EndSessionLogoutHandler(
            ForgetRememberedBrowser forgetRememberedBrowser,
            RememberMeCookie cookie,
            RecordSecurityEvent recordSecurityEvent) {
        this.forgetRememberedBrowser = Objects.requireNonNull(forgetRememberedBrowser, "forgetRememberedBrowser");
        this.cookie = Objects.requireNonNull(cookie, "cookie");
        this.recordSecurityEvent = Objects.requireNonNull(recordSecurityEvent, "recordSecurityEvent");
    }

    @Override
    public Mono<Void> logout(WebFilterExchange webFilterExchange, Authentication authentication) {
        ServerWebExchange exchange = webFilterExchange.getExchange();
        Mono<Void> forget =
                cookie.read(exchange).map(forgetRememberedBrowser::forget).orElse(Mono.empty());
        Mono<Void> record = authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                ? recordSecurityEvent.record(SecurityEventType.LOGGED_OUT, Optional.of(user.id()), Origins.of(exchange))
                : Mono.empty();
        return record.then(forget)
                .then(Mono.fromRunnable(() -> {
                    if (cookie.isPresent(exchange)) {
                        cookie.clear(exchange);
                    }
                }))
                .then(exchange.getSession())
                .flatMap(session -> {
                    session.getAttributes().clear();
                    return session.invalidate();
                });
    }
}
