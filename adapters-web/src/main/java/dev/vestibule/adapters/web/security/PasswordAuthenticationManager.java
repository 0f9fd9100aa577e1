package dev.vestibule.adapters.web.security;

import dev.vestibule.adapters.web.edge.RequestLogging;
import dev.vestibule.adapters.web.session.Origins;
import dev.vestibule.adapters.web.session.SessionUserContextRepository;
import dev.vestibule.adapters.web.throttling.KnownBrowserCookie;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.login.Credentials;
import dev.vestibule.domain.model.login.Factor;
import dev.vestibule.domain.model.login.LoginOutcome;
import dev.vestibule.domain.model.login.SignInFactors;
import dev.vestibule.domain.port.in.LogIn;
import dev.vestibule.domain.port.in.LoginAttempt;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Lets Spring Security's form login ask the domain's {@link LogIn}, and nothing else, who is logging
 * in. The request's origin and known-browser cookie come from the exchange that Spring Security's filter
 * chain puts into the Reactor context.
 */
final class PasswordAuthenticationManager implements ReactiveAuthenticationManager {

    private static final Logger log = LoggerFactory.getLogger(PasswordAuthenticationManager.class);

    private final LogIn logIn;
    private final KnownBrowserCookie knownBrowserCookie;
    private final Clock clock;

    PasswordAuthenticationManager(LogIn logIn, KnownBrowserCookie knownBrowserCookie, Clock clock) {
        this.logIn = Objects.requireNonNull(logIn, "logIn");
        this.knownBrowserCookie = Objects.requireNonNull(knownBrowserCookie, "knownBrowserCookie");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Mono<Authentication> authenticate(Authentication attempt) {
        String login = attempt.getName() == null ? "" : attempt.getName();
        String password =
                attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        return Mono.deferContextual(context -> {
                    Optional<ServerWebExchange> exchange = context.getOrEmpty(ServerWebExchange.class);
                    Origin origin = exchange.map(Origins::of).orElse(Origin.unknown());
                    List<String> knownBrowser =
                            exchange.map(knownBrowserCookie::read).orElse(List.of());
                    return logIn.logIn(
                            new LoginAttempt(new Credentials.Password(login, password), origin, knownBrowser));
                })
                .flatMap(outcome -> {
                    SignInFactors passwordGiven = SignInFactors.of(Factor.PASSWORD, clock.instant());
                    if (outcome instanceof LoginOutcome.Succeeded succeeded) {
                        return Mono.just(SessionUserContextRepository.contextFor(succeeded.user(), passwordGiven)
                                .getAuthentication());
                    }
                    if (outcome instanceof LoginOutcome.SecondStepRequired second) {
                        // Authenticated as far as Spring's form login goes, but not signed in: see AwaitingSecondStep.
                        return Mono.just(UsernamePasswordAuthenticationToken.authenticated(
                                new AwaitingSecondStep(second.user(), passwordGiven), null, List.of()));
                    }
                    if (outcome instanceof LoginOutcome.Throttled throttled) {
                        return RequestLogging.log(() -> log.info("Login throttled"))
                                .then(Mono.error(new LoginThrottledException(throttled.retryAfter())));
                    }
                    LoginOutcome.Rejected rejected = (LoginOutcome.Rejected) outcome;
                    return RequestLogging.log(() -> log.info("Login rejected: {}", rejected.reason()))
                            .then(Mono.error(new BadCredentialsException(
                                    rejected.publicReason().name())));
                });
    }
}
