package dev.vestibule.application.login;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.application.hashing.OffloadedPasswordHasher;
import dev.vestibule.application.throttling.LoginThrottle;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.login.Credentials;
import dev.vestibule.domain.model.login.LoginDecision;
import dev.vestibule.domain.model.login.LoginOutcome;
import dev.vestibule.domain.model.password.PasswordCheck;
import dev.vestibule.domain.model.throttling.Permit;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.in.LoadSecondFactors;
import dev.vestibule.domain.port.in.LogIn;
import dev.vestibule.domain.port.in.LoginAttempt;
import dev.vestibule.domain.port.in.PasswordHashingBusyException;
import dev.vestibule.domain.port.out.UserRepository;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Logs a user in with a password or with an identity an external provider vouched for. Password
 * attempts pass the throttle first (a throttled attempt is not even checked, so the right password does
 * not get through either), and every outcome is recorded as a security event.
 */
public final class LogInService implements LogIn {

    private final UserRepository users;
    private final OffloadedPasswordHasher hasher;
    private final LoginThrottle throttle;
    private final SecurityEvents events;
    private final LoadSecondFactors secondFactors;

    /** @param secondFactors asked after a right password: a user with a second factor is not signed in yet */
    public LogInService(
            UserRepository users,
            OffloadedPasswordHasher hasher,
            LoginThrottle throttle,
            SecurityEvents events,
            LoadSecondFactors secondFactors) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.events = Objects.requireNonNull(events, "events");
        this.secondFactors = Objects.requireNonNull(secondFactors, "secondFactors");
    }

    @Override
    public Mono<LoginOutcome> logIn(LoginAttempt attempt) {
        if (attempt.credentials() instanceof Credentials.Password password) {
            return logInWithPassword(password, attempt);
        }
        return logInWithExternalIdentity((Credentials.External) attempt.credentials(), attempt.origin());
    }

    private Mono<LoginOutcome> logInWithPassword(Credentials.Password credentials, LoginAttempt attempt) {
        String login = credentials.login().strip();
        Origin origin = attempt.origin();
        return users.findByLogin(login)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(user -> throttle.bucketsFor(
                                origin.clientAddress(), login, user.map(User::id), attempt.knownBrowserIds())
                        .flatMap(buckets -> throttle.acquire(buckets).flatMap(permit -> {
                            if (permit instanceof Permit.Denied denied) {
                                return events.recordThrottled(
                                                SecurityEventType.LOGIN_THROTTLED,
                                                user.map(User::id),
                                                origin,
                                                buckets.subject())
                                        .thenReturn((LoginOutcome) new LoginOutcome.Throttled(denied.retryAfter()));
                            }
                            // During a surge of failures everywhere, unknown browsers wait first (issue 13 finding 4).
                            return paced(
                                            throttle.slowdownFor(buckets),
                                            Mono.defer(() -> check(user, credentials.password())))
                                    // Overload is not a failed attempt: the attempt is given back.
                                    .onErrorResume(
                                            PasswordHashingBusyException.class,
                                            busy -> throttle.release(buckets).then(Mono.error(busy)))
                                    .flatMap(outcome -> {
                                        if (outcome instanceof LoginOutcome.Succeeded succeeded) {
                                            return throttle.release(buckets)
                                                    .then(withSecondStepIfSetUp(succeeded.user(), origin));
                                        }
                                        return events.record(SecurityEventType.LOGIN_FAILED, user.map(User::id), origin)
                                                .then(throttle.countFailure())
                                                .thenReturn(outcome);
                                    });
                        })));
    }

    /**
     * A right password signs in at once only a user without a second factor; for the others it opens the second step,
     * and the sign-in is recorded when that passes.
     */
    private Mono<LoginOutcome> withSecondStepIfSetUp(User user, Origin origin) {
        return secondFactors.of(user.id()).flatMap(factors -> {
            if (factors.any()) {
                return Mono.just(new LoginOutcome.SecondStepRequired(user));
            }
            return events.record(SecurityEventType.LOGIN_SUCCEEDED, user.id(), origin)
                    .thenReturn(new LoginOutcome.Succeeded(user));
        });
    }

    // issue 13 finding 4: the global failed-login rate
    /** The check after the wait, on the timer's thread; without a wait, at once and on the caller's. */
    private static Mono<LoginOutcome> paced(Duration wait, Mono<LoginOutcome> check) {
        return wait.isZero() ? check : Mono.delay(wait).then(check);
    }

    private Mono<LoginOutcome> check(Optional<User> found, String password) {
        if (found.isEmpty()) {
            return hasher.verifyAgainstDummy(password).then(Mono.fromSupplier(LoginDecision::forUnknownUser));
        }
        User user = found.get();
        if (user.passwordHash().isEmpty()) {
            return hasher.verifyAgainstDummy(password).then(Mono.fromSupplier(LoginDecision::forUserWithoutPassword));
        }
        return hasher.verify(password, user.passwordHash().get()).flatMap(check -> {
            LoginOutcome outcome = LoginDecision.forPassword(user, check);
            if (outcome instanceof LoginOutcome.Succeeded && check == PasswordCheck.MATCHES_BUT_OUTDATED) {
                return upgradeHash(user, password).thenReturn(outcome);
            }
            return Mono.just(outcome);
        });
    }

    /** The only moment we hold the plain password: store it again with today's parameters. */
    private Mono<Void> upgradeHash(User user, String password) {
        // Same password, stronger hash: the security stamp stays, so no session of the user ends.
        return hasher.hash(password).flatMap(newHash -> users.upgradePasswordHash(user.id(), newHash));
    }

    private Mono<LoginOutcome> logInWithExternalIdentity(Credentials.External credentials, Origin origin) {
        return users.findByExternalIdentity(credentials.identity())
                .map(user -> user.isActive()
                        ? (LoginOutcome) new LoginOutcome.Succeeded(user)
                        : new LoginOutcome.Rejected(LoginOutcome.Reason.DISABLED))
                .defaultIfEmpty(LoginDecision.forUnknownUser())
                .flatMap(outcome -> {
                    Optional<UserId> userId = outcome instanceof LoginOutcome.Succeeded succeeded
                            ? Optional.of(succeeded.user().id())
                            : Optional.empty();
                    SecurityEventType type =
                            userId.isPresent() ? SecurityEventType.LOGIN_SUCCEEDED : SecurityEventType.LOGIN_FAILED;
                    return events.record(type, userId, origin).thenReturn(outcome);
                });
    }
}
