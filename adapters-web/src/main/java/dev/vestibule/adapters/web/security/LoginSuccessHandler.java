package dev.vestibule.adapters.web.security;

import dev.vestibule.adapters.web.session.PendingSignIns;
import dev.vestibule.adapters.web.session.SignInFactorAuthorities;
import dev.vestibule.adapters.web.session.SignedInUser;
import dev.vestibule.domain.model.login.Factor;
import dev.vestibule.domain.model.login.SignInFactors;
import java.time.Clock;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * After a right password: a user without a second factor is signed in ({@link SignInCompletion}); for one with a
 * second factor the sign-in waits ({@link PendingSignIns}) and the browser goes to the second step, carrying the
 * "remember me" choice and where it was going. Remember-me is issued only once the second step passes.
 */
final class LoginSuccessHandler implements ServerAuthenticationSuccessHandler {

    static final String REMEMBER_ME_PARAMETER = "remember-me";
    /** Where a sign-in that needs its second step goes on to. */
    static final String SECOND_STEP_PATH = "/login/two-factor";

    private final SignInCompletion completion;
    private final PendingSignIns pendingSignIns;
    private final Clock clock;

    LoginSuccessHandler(SignInCompletion completion, PendingSignIns pendingSignIns, Clock clock) {
        this.completion = Objects.requireNonNull(completion, "completion");
        this.pendingSignIns = Objects.requireNonNull(pendingSignIns, "pendingSignIns");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange webFilterExchange, Authentication authentication) {
        ServerWebExchange exchange = webFilterExchange.getExchange();
        return exchange.getFormData().flatMap(form -> {
            boolean rememberMe = "on".equals(form.getFirst(REMEMBER_ME_PARAMETER));
            String next = form.getFirst("next");
            if (authentication.getPrincipal() instanceof AwaitingSecondStep awaiting) {
                return pendingSignIns
                        .start(exchange, awaiting.user(), awaiting.factorsSoFar(), rememberMe, next)
                        .then(Redirects.to(exchange, SECOND_STEP_PATH));
            }
            SignedInUser user = (SignedInUser) authentication.getPrincipal();
            SignInFactors factors = SignInFactorAuthorities.of(authentication)
                    .orElseGet(() -> SignInFactors.of(Factor.PASSWORD, clock.instant()));
            return completion.afterSignIn(exchange, user, factors, rememberMe, next);
        });
    }
}
