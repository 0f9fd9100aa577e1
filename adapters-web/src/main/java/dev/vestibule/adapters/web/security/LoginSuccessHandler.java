package dev.vestibule.adapters.web.security;

import dev.vestibule.adapters.web.flash.FlashCategory;
import dev.vestibule.adapters.web.flash.FlashMessages;
import dev.vestibule.adapters.web.login.NextPath;
import dev.vestibule.domain.port.in.ForgetDevice;
import dev.vestibule.domain.port.in.RememberDevice;
import dev.vestibule.domain.port.in.TrustDevice;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * After a password login: mark the browser as a known device of the account, replace any remembered
 * series it had, remember it anew if the box was ticked, greet the user and send them where they were
 * going.
 */
final class LoginSuccessHandler implements ServerAuthenticationSuccessHandler {

    static final String REMEMBER_ME_PARAMETER = "remember-me";

    private final RememberDevice rememberDevice;
    private final ForgetDevice forgetDevice;
    private final RememberMeCookie cookie;
    private final TrustDevice trustDevice;
    private final KnownDeviceCookie knownDeviceCookie;

    LoginSuccessHandler(RememberDevice rememberDevice, ForgetDevice forgetDevice, RememberMeCookie cookie,
                        TrustDevice trustDevice, KnownDeviceCookie knownDeviceCookie) {
        this.rememberDevice = Objects.requireNonNull(rememberDevice, "rememberDevice");
        this.forgetDevice = Objects.requireNonNull(forgetDevice, "forgetDevice");
        this.cookie = Objects.requireNonNull(cookie, "cookie");
        this.trustDevice = Objects.requireNonNull(trustDevice, "trustDevice");
        this.knownDeviceCookie = Objects.requireNonNull(knownDeviceCookie, "knownDeviceCookie");
    }

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange webFilterExchange, Authentication authentication) {
        ServerWebExchange exchange = webFilterExchange.getExchange();
        SignedInUser user = (SignedInUser) authentication.getPrincipal();
        return exchange.getFormData().flatMap(form -> trustDevice.trust(user.id(), knownDeviceCookie.read(exchange))
                .doOnNext(deviceId -> knownDeviceCookie.write(exchange, deviceId))
                .then(forgetPreviousSeries(exchange))
                .then(rememberIfAsked(exchange, form, user))
                .then(FlashMessages.add(exchange, FlashCategory.SUCCESS, "Welcome back, " + user.username() + "!"))
                .then(Redirects.to(exchange, NextPath.orHome(form.getFirst("next")))));
    }

    private Mono<Void> forgetPreviousSeries(ServerWebExchange exchange) {
        return cookie.read(exchange)
                .map(forgetDevice::forget)
                .orElse(Mono.empty())
                .then(Mono.fromRunnable(() -> {
                    if (cookie.isPresent(exchange)) {
                        cookie.clear(exchange);
                    }
                }));
    }

    private Mono<Void> rememberIfAsked(ServerWebExchange exchange, MultiValueMap<String, String> form, SignedInUser user) {
        if (!"on".equals(form.getFirst(REMEMBER_ME_PARAMETER))) {
            return Mono.empty();
        }
        return rememberDevice.remember(user.id()).doOnNext(token -> cookie.write(exchange, token)).then();
    }
}
