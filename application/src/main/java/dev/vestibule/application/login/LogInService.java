package dev.vestibule.application.login;

import dev.vestibule.application.hashing.OffloadedPasswordHasher;
import dev.vestibule.domain.model.login.Credentials;
import dev.vestibule.domain.model.login.LoginDecision;
import dev.vestibule.domain.model.login.LoginOutcome;
import dev.vestibule.domain.model.password.PasswordCheck;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.port.in.LoginService;
import dev.vestibule.domain.port.out.UserRepository;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Logs a user in with a password or with an identity an external provider vouched for. */
public final class LogInService implements LoginService {

    private final UserRepository users;
    private final OffloadedPasswordHasher hasher;

    public LogInService(UserRepository users, OffloadedPasswordHasher hasher) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    @Override
    public Mono<LoginOutcome> logIn(Credentials credentials) {
        if (credentials instanceof Credentials.Password password) {
            return logInWithPassword(password);
        }
        return logInWithExternalIdentity((Credentials.External) credentials);
    }

    private Mono<LoginOutcome> logInWithPassword(Credentials.Password credentials) {
        String login = credentials.login().strip();
        return users.findByLogin(login)
                .flatMap(user -> checkPassword(user, credentials.password()))
                .switchIfEmpty(Mono.defer(() -> hasher.verifyAgainstDummy(credentials.password())
                        .then(Mono.fromSupplier(LoginDecision::forUnknownUser))));
    }

    private Mono<LoginOutcome> checkPassword(User user, String password) {
        if (user.passwordHash().isEmpty()) {
            return hasher.verifyAgainstDummy(password).then(Mono.fromSupplier(LoginDecision::forUserWithoutPassword));
        }
        return hasher.verify(password, user.passwordHash().get())
                .flatMap(check -> {
                    LoginOutcome outcome = LoginDecision.forPassword(user, check);
                    if (outcome instanceof LoginOutcome.Succeeded && check == PasswordCheck.MATCHES_BUT_OUTDATED) {
                        return upgradeHash(user, password).thenReturn(outcome);
                    }
                    return Mono.just(outcome);
                });
    }

    /** The only moment we hold the plain password: store it again with today's parameters. */
    private Mono<Void> upgradeHash(User user, String password) {
        return hasher.hash(password).flatMap(newHash -> users.changePasswordHash(user.id(), newHash));
    }

    private Mono<LoginOutcome> logInWithExternalIdentity(Credentials.External credentials) {
        return users.findByExternalIdentity(credentials.identity())
                .map(user -> user.isActive()
                        ? (LoginOutcome) new LoginOutcome.Succeeded(user)
                        : new LoginOutcome.Rejected(LoginOutcome.Reason.DISABLED))
                .defaultIfEmpty(LoginDecision.forUnknownUser());
    }
}
