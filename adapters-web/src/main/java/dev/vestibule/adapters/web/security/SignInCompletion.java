package dev.vestibule.adapters.web.security;

import dev.vestibule.adapters.web.flash.FlashCategory;
import dev.vestibule.adapters.web.flash.FlashMessages;
import dev.vestibule.adapters.web.login.NextPath;
import dev.vestibule.adapters.web.rememberme.RememberMeCookie;
import dev.vestibule.adapters.web.session.Origins;
import dev.vestibule.adapters.web.session.PasswordGiven;
import dev.vestibule.adapters.web.session.PendingSignIns;
import dev.vestibule.adapters.web.session.SessionUserContextRepository;
import dev.vestibule.adapters.web.session.SignedInUser;
import dev.vestibule.adapters.web.throttling.KnownBrowserCookie;
import dev.vestibule.domain.model.login.Factor;
import dev.vestibule.domain.model.login.SignInFactors;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.port.in.ForgetRememberedBrowser;
import dev.vestibule.domain.port.in.MarkBrowserKnown;
import dev.vestibule.domain.port.in.RememberBrowser;
import java.util.Objects;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What every finished sign-in does, whichever way it came (a password alone, a password and its second step, a
 * passkey): store the signed-in context (new session id, new CSRF token), mark the browser as a known browser of the
 * account, open the re-authentication window if a password was given, replace any remembered series the browser had,
 * remember it anew if the login form's box was ticked, greet the user and send them where they were going.
 */
public final class SignInCompletion {

    private final SessionUserContextRepository contexts;
    private final RememberBrowser rememberBrowser;
    private final ForgetRememberedBrowser forgetRememberedBrowser;
    private final RememberMeCookie cookie;
    private final MarkBrowserKnown markBrowserKnown;
    private final KnownBrowserCookie knownBrowserCookie;

    SignInCompletion(
            SessionUserContextRepository contexts,
            RememberBrowser rememberBrowser,
            ForgetRememberedBrowser forgetRememberedBrowser,
            RememberMeCookie cookie,
            MarkBrowserKnown markBrowserKnown,
            KnownBrowserCookie knownBrowserCookie) {
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.rememberBrowser = Objects.requireNonNull(rememberBrowser, "rememberBrowser");
        this.forgetRememberedBrowser = Objects.requireNonNull(forgetRememberedBrowser, "forgetRememberedBrowser");
        this.cookie = Objects.requireNonNull(cookie, "cookie");
        this.markBrowserKnown = Objects.requireNonNull(markBrowserKnown, "markBrowserKnown");
        this.knownBrowserCookie = Objects.requireNonNull(knownBrowserCookie, "knownBrowserCookie");
    }

    /**
     * Signs {@code user} in on {@code factors} and answers the redirect to {@code next} (a safe local path, or home).
     * For a controller that finishes a sign-in itself (the second step, a passkey); the response is a 302.
     */
    public Mono<Void> complete(
            ServerWebExchange exchange, User user, SignInFactors factors, boolean rememberMe, String next) {
        SecurityContext context = SessionUserContextRepository.contextFor(user, factors);
        return contexts.save(exchange, context)
                .then(PendingSignIns.forget(exchange))
                .then(afterSignIn(exchange, SignedInUser.of(user), factors, rememberMe, next));
    }

    /** What follows once the signed-in context is stored (Spring's form login stores it itself). */
    Mono<Void> afterSignIn(
            ServerWebExchange exchange, SignedInUser user, SignInFactors factors, boolean rememberMe, String next) {
        return markBrowserKnown
                .trust(user.id(), knownBrowserCookie.read(exchange))
                .doOnNext(deviceId -> knownBrowserCookie.write(exchange, deviceId))
                .then(factors.givenAt(Factor.PASSWORD)
                        .map(at -> PasswordGiven.at(exchange, at))
                        .orElse(Mono.empty()))
                .then(forgetPreviousSeries(exchange))
                .then(rememberIfAsked(exchange, rememberMe, user))
                .then(FlashMessages.add(exchange, FlashCategory.SUCCESS, "flash.welcome-back", user.username()))
                .then(Redirects.to(exchange, NextPath.orHome(next)));
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

    private Mono<Void> rememberIfAsked(ServerWebExchange exchange, boolean rememberMe, SignedInUser user) {
        if (!rememberMe) {
            return Mono.empty();
        }
        return rememberBrowser
                .remember(user.id(), Origins.of(exchange))
                .doOnNext(token -> cookie.write(exchange, token))
                .flatMap(token -> SessionUserContextRepository.rememberedBrowser(exchange, token))
                .then();
    }
}
