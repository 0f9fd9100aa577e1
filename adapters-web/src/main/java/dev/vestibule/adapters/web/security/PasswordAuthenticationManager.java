package dev.vestibule.adapters.web.security;

import dev.vestibule.domain.model.login.Credentials;
import dev.vestibule.domain.model.login.LoginOutcome;
import dev.vestibule.domain.port.in.LoginService;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/** Lets Spring Security's form login ask the domain's {@link LoginService}, and nothing else, who is logging in. */
final class PasswordAuthenticationManager implements ReactiveAuthenticationManager {

    private static final Logger log = LoggerFactory.getLogger(PasswordAuthenticationManager.class);

    private final LoginService loginService;

    PasswordAuthenticationManager(LoginService loginService) {
        this.loginService = Objects.requireNonNull(loginService, "loginService");
    }

    @Override
    public Mono<Authentication> authenticate(Authentication attempt) {
        String login = attempt.getName() == null ? "" : attempt.getName();
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        return loginService.logIn(new Credentials.Password(login, password)).flatMap(outcome -> {
            if (outcome instanceof LoginOutcome.Succeeded succeeded) {
                return Mono.just(SessionUserContextRepository.contextFor(succeeded.user()).getAuthentication());
            }
            LoginOutcome.Rejected rejected = (LoginOutcome.Rejected) outcome;
            log.info("Login rejected: {}", rejected.reason());
            return Mono.error(new BadCredentialsException(rejected.message()));
        });
    }
}
