package dev.vestibule.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.web.session.SignInFactorAuthorities;
import dev.vestibule.adapters.web.session.SignedInUser;
import dev.vestibule.domain.model.login.Factor;
import dev.vestibule.domain.model.login.SignInFactors;
import dev.vestibule.domain.model.twofactor.SecondFactors;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import reactor.core.publisher.Mono;

/** (issue 14) The step-up decision as Spring Security authorization, and which requests it covers. */
class SecondFactorRequirementTests {

    private static final Instant NOW = Instant.parse("2026-12-08T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final SignedInUser USER = new SignedInUser(UserId.random(), "alice", SecurityStamp.random());
    private static final StepUp LISTED = new StepUp(Duration.ofMinutes(15), List.of("/account/delete"));

    @Test
    void grantedWithASecondFactorInTheWindowRefusedAndMarkedWithoutOne() {
        var requirement = new SecondFactorRequirement(LISTED, user -> Mono.just(new SecondFactors(true, 10, 0)), CLOCK);

        AuthorizationContext recent = context();
        assertThat(decide(
                        requirement,
                        signedIn(SignInFactors.of(Factor.PASSWORD, NOW.minusSeconds(60))
                                .plus(Factor.AUTHENTICATOR_APP, NOW.minusSeconds(59))),
                        recent))
                .isTrue();
        assertThat(recent.getExchange().getAttributes()).doesNotContainKey(SecondFactorRequirement.STEP_UP_NEEDED);

        AuthorizationContext stale = context();
        assertThat(decide(requirement, signedIn(SignInFactors.of(Factor.PASSWORD, NOW)), stale))
                .isFalse();
        assertThat(stale.getExchange().getAttributes()).containsEntry(SecondFactorRequirement.STEP_UP_NEEDED, true);
    }

    @Test
    void grantedWhenTheAccountHasNoSecondFactor() {
        var requirement = new SecondFactorRequirement(LISTED, user -> Mono.just(SecondFactors.NONE), CLOCK);

        assertThat(decide(
                        requirement, signedIn(SignInFactors.of(Factor.PASSWORD, NOW.minusSeconds(86_400))), context()))
                .isTrue();
    }

    @Test
    void refusedWithoutMarkForAVisitorOrAnAuthenticationThatIsNoSignedInUser() {
        var requirement = new SecondFactorRequirement(LISTED, user -> Mono.just(SecondFactors.NONE), CLOCK);

        AuthorizationContext visitor = context();
        assertThat(requirement.authorize(Mono.empty(), visitor).block().isGranted())
                .isFalse();
        AuthorizationContext stranger = context();
        assertThat(decide(requirement, new TestingAuthenticationToken("someone", "x", "ROLE_USER"), stranger))
                .isFalse();
        assertThat(visitor.getExchange().getAttributes()).doesNotContainKey(SecondFactorRequirement.STEP_UP_NEEDED);
        assertThat(stranger.getExchange().getAttributes()).doesNotContainKey(SecondFactorRequirement.STEP_UP_NEEDED);
    }

    @Test
    void pagesMatchTheListedPatternsOnlyAndNothingWhenNoneAreListed() {
        var listed = new SecondFactorRequirement(
                new StepUp(Duration.ofMinutes(5), List.of("/account/delete", "/admin/**")),
                user -> Mono.just(SecondFactors.NONE),
                CLOCK);
        var none = new SecondFactorRequirement(StepUp.none(), user -> Mono.just(SecondFactors.NONE), CLOCK);

        assertThat(matches(listed.pages(), "/account/delete")).isTrue();
        assertThat(matches(listed.pages(), "/admin/users/7")).isTrue();
        assertThat(matches(listed.pages(), "/account")).isFalse();
        assertThat(matches(none.pages(), "/account/delete")).isFalse();
        assertThat(listed.windowMinutes()).isEqualTo(5);
    }

    private static boolean decide(
            SecondFactorRequirement requirement, Authentication authentication, AuthorizationContext context) {
        return requirement.authorize(Mono.just(authentication), context).block().isGranted();
    }

    private static Authentication signedIn(SignInFactors factors) {
        return UsernamePasswordAuthenticationToken.authenticated(USER, null, SignInFactorAuthorities.of(factors));
    }

    private static AuthorizationContext context() {
        return new AuthorizationContext(MockServerWebExchange.from(MockServerHttpRequest.get("/account/delete")));
    }

    private static boolean matches(ServerWebExchangeMatcher matcher, String path) {
        return matcher.matches(MockServerWebExchange.from(MockServerHttpRequest.get(path)))
                .block()
                .isMatch();
    }
}
