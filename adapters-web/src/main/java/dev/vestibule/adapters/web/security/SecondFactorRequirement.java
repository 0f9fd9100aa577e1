package dev.vestibule.adapters.web.security;

import dev.vestibule.adapters.web.session.SignInFactorAuthorities;
import dev.vestibule.adapters.web.session.SignedInUser;
import dev.vestibule.domain.model.login.StepUpRequirement;
import dev.vestibule.domain.port.in.LoadSecondFactors;
import java.time.Clock;
import java.util.Objects;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * (issue 14) Step-up as Spring Security authorization: the pages {@link StepUp} lists need "a second factor within N
 * minutes", read from the sign-in's {@code FactorGrantedAuthority}s (Spring Security 7's factor model, which its
 * reactive stack does not apply yet) and judged by the domain's {@link StepUpRequirement}, beside what the account has
 * set up now ({@link LoadSecondFactors}). A visitor is refused too, which sends them to the login page; a signed-in
 * user refused for want of a recent second factor is marked, so that {@link StepUpDeniedHandler} explains what to do.
 */
final class SecondFactorRequirement implements ReactiveAuthorizationManager<AuthorizationContext> {

    /** Set on an exchange refused for want of a recent second factor. */
    static final String STEP_UP_NEEDED = SecondFactorRequirement.class.getName() + ".STEP_UP_NEEDED";

    private final StepUp stepUp;
    private final StepUpRequirement requirement;
    private final LoadSecondFactors secondFactors;
    private final Clock clock;

    SecondFactorRequirement(StepUp stepUp, LoadSecondFactors secondFactors, Clock clock) {
        this.stepUp = Objects.requireNonNull(stepUp, "stepUp");
        this.requirement = new StepUpRequirement(stepUp.window());
        this.secondFactors = Objects.requireNonNull(secondFactors, "secondFactors");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The listed pages; with none listed, no request (so the requirement changes nothing by default). */
    ServerWebExchangeMatcher pages() {
        if (stepUp.paths().isEmpty()) {
            return exchange -> ServerWebExchangeMatcher.MatchResult.notMatch();
        }
        return ServerWebExchangeMatchers.pathMatchers(stepUp.paths().toArray(String[]::new));
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return authentication
                .filter(Authentication::isAuthenticated)
                .filter(signedIn -> signedIn.getPrincipal() instanceof SignedInUser)
                .flatMap(signedIn -> secondFactors
                        .of(((SignedInUser) signedIn.getPrincipal()).id())
                        .map(enrolled -> requirement.judge(
                                SignInFactorAuthorities.of(signedIn), enrolled.any(), clock.instant())))
                .map(verdict -> {
                    if (!verdict.isGranted()) {
                        markStepUpNeeded(context.getExchange());
                    }
                    return (AuthorizationResult) new AuthorizationDecision(verdict.isGranted());
                })
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    private static void markStepUpNeeded(ServerWebExchange exchange) {
        exchange.getAttributes().put(STEP_UP_NEEDED, Boolean.TRUE);
    }

    /** How many minutes the window is, for the page's words. */
    long windowMinutes() {
        return Math.max(1, stepUp.window().toMinutes());
    }
}
