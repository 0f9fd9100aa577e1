package dev.vestibule.adapters.web.security;

import dev.vestibule.adapters.web.flash.FlashCategory;
import dev.vestibule.adapters.web.flash.FlashMessages;
import dev.vestibule.adapters.web.login.NextPath;
import dev.vestibule.adapters.web.rememberme.RememberMeCookie;
import dev.vestibule.adapters.web.session.Origins;
import dev.vestibule.adapters.web.session.PasswordGiven;
import dev.vestibule.adapters.web.session.SessionUserContextRepository;
import dev.vestibule.adapters.web.session.SignedInUser;
import dev.vestibule.adapters.web.throttling.KnownBrowserCookie;
import dev.vestibule.domain.port.in.ForgetRememberedBrowser;
import dev.vestibule.domain.port.in.MarkBrowserKnown;
import dev.vestibule.domain.port.in.RememberBrowser;
import java.time.Clock;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * After a password login: open the re-authentication window, mark the browser as a known browser of the account, replace any remembered
 * series it had, remember it anew if the box was ticked, greet the user and send them where they were
 * going.
 */
final class LoginSuccessHandler implements ServerAuthenticationSuccessHandler {

    static final String REMEMBER_ME_PARAMETER = "remember-me";

    private final RememberBrowser rememberBrowser;
    private final ForgetRememberedBrowser forgetRememberedBrowser;
    private final RememberMeCookie cookie;
    private final MarkBrowserKnown markBrowserKnown;
    private final KnownBrowserCookie knownBrowserCookie;
    private final Clock clock;

    LoginSuccessHandler(
            RememberBrowser rememberBrowser,
            ForgetRememberedBrowser forgetRememberedBrowser,
            RememberMeCookie cookie,
            MarkBrowserKnown markBrowserKnown,
            KnownBrowserCookie knownBrowserCookie,
            Clock clock) {
        this.rememberBrowser = Objects.requireNonNull(rememberBrowser, "rememberBrowser");
        this.forgetRememberedBrowser = Objects.requireNonNull(forgetRememberedBrowser, "forgetRememberedBrowser");
        this.cookie = Objects.requireNonNull(cookie, "cookie");
        this.markBrowserKnown = Objects.requireNonNull(markBrowserKnown, "markBrowserKnown");
        this.knownBrowserCookie = Objects.requireNonNull(knownBrowserCookie, "knownBrowserCookie");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange webFilterExchange, Authentication authentication) {
        ServerWebExchange exchange = webFilterExchange.getExchange();
        SignedInUser user = (SignedInUser) authentication.getPrincipal();
        return exchange.getFormData()
                .flatMap(form -> markBrowserKnown
                        .trust(user.id(), knownBrowserCookie.read(exchange))
                        .doOnNext(deviceId -> knownBrowserCookie.write(exchange, deviceId))
                        .then(PasswordGiven.at(exchange, clock.instant()))
                        .then(forgetPreviousSeries(exchange))
                        .then(rememberIfAsked(exchange, form, user))
                        .then(FlashMessages.add(exchange, FlashCategory.SUCCESS, "flash.welcome-back", user.username()))
                        .then(Redirects.to(exchange, NextPath.orHome(form.getFirst("next")))));
    }

    private Mono<Void> forgetPreviousSeries(ServerWebExchange exchange) {
        return cookie.read(exchange)
                .map(forgetRememberedBrowser::forget)
                .orElse(Mono.empty())
                .then(Mono.fromRunnable(() -> {
                    if (cookie.isPresent(exchange)) {
                        cookie.clear(exchange);
                    }
                }));
    }

    private Mono<Void> rememberIfAsked(
            ServerWebExchange exchange, MultiValueMap<String, String> form, SignedInUser user) {
        if (!"on".equals(form.getFirst(REMEMBER_ME_PARAMETER))) {
            return Mono.empty();
        }
        return rememberBrowser
                .remember(user.id(), Origins.of(exchange))
                .doOnNext(token -> cookie.write(exchange, token))
                .flatMap(token -> SessionUserContextRepository.rememberedBrowser(exchange, token))
                .then();
    }
}
