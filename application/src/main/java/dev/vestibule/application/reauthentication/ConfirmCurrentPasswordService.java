package dev.vestibule.application.reauthentication;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.application.hashing.OffloadedPasswordHasher;
import dev.vestibule.application.throttling.LoginThrottle;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.reauthentication.ReauthenticationOutcome;
import dev.vestibule.domain.model.reauthentication.ReauthenticationWindow;
import dev.vestibule.domain.model.throttling.Permit;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.port.in.ConfirmCurrentPassword;
import dev.vestibule.domain.port.in.PasswordHashingBusyException;
import dev.vestibule.domain.port.in.ReauthenticationAttempt;
import dev.vestibule.domain.port.out.UserRepository;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Checks the current password of a signed-in user, or lets an open window vouch when none was typed. A typed
 * password is always checked, even within the window (a wrong one is refused): the user meant to give it. Checks
 * draw from the same buckets as logins (the client address's and the account's), so a stolen session cannot
 * guess the password faster than a login form could; a throttled check is not even made. The hash is verified
 * on the hashing pool, and every check is recorded.
 */
public final class ConfirmCurrentPasswordService implements ConfirmCurrentPassword {

    private final UserRepository users;
    private final OffloadedPasswordHasher hasher;
    private final LoginThrottle throttle;
    private final SecurityEvents events;
    private final ReauthenticationWindow window;
    private final Clock clock;

    public ConfirmCurrentPasswordService(
            UserRepository users,
            OffloadedPasswordHasher hasher,
            LoginThrottle throttle,
            SecurityEvents events,
            ReauthenticationWindow window,
            Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.events = Objects.requireNonNull(events, "events");
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Mono<ReauthenticationOutcome> confirm(ReauthenticationAttempt attempt) {
        if (attempt.currentPassword().isEmpty()) {
            return Mono.fromSupplier(() -> window.isOpen(attempt.passwordGivenAt(), clock.instant())
                    ? new ReauthenticationOutcome.Confirmed(Optional.empty())
                    : new ReauthenticationOutcome.PasswordRequired());
        }
        String password = attempt.currentPassword().get();
        return users.findById(attempt.userId())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(user -> throttle.bucketsFor(
                                attempt.origin().clientAddress(),
                                user.map(found -> found.username().canonical())
                                        .orElse(attempt.userId().toString()),
                                Optional.of(attempt.userId()),
                                Optional.empty())
                        .flatMap(buckets -> throttle.acquire(buckets).flatMap(permit -> {
                            if (permit instanceof Permit.Denied denied) {
                                return events.recordThrottled(
                                                SecurityEventType.REAUTHENTICATION_THROTTLED,
                                                Optional.of(attempt.userId()),
                                                attempt.origin(),
                                                buckets.subject())
                                        .thenReturn((ReauthenticationOutcome)
                                                new ReauthenticationOutcome.Throttled(denied.retryAfter()));
                            }
                            return matches(user, password)
                                    // Overload is not a failed attempt: the attempt is given back.
                                    .onErrorResume(
                                            PasswordHashingBusyException.class,
                                            busy -> throttle.release(buckets).then(Mono.error(busy)))
                                    .flatMap(matches -> matches
                                            ? throttle.release(buckets)
                                                    .then(record(SecurityEventType.REAUTHENTICATED, attempt))
                                                    .then(Mono.fromSupplier(() -> new ReauthenticationOutcome.Confirmed(
                                                            Optional.of(clock.instant()))))
                                            : record(SecurityEventType.REAUTHENTICATION_FAILED, attempt)
                                                    .thenReturn(new ReauthenticationOutcome.WrongPassword()));
                        })));
    }

    /** A user without a local password (or no longer there) costs a dummy verification and never matches. */
    private Mono<Boolean> matches(Optional<User> user, String password) {
        if (user.isEmpty() || user.get().passwordHash().isEmpty()) {
            return hasher.verifyAgainstDummy(password).thenReturn(false);
        }
        return hasher.verify(password, user.get().passwordHash().get()).map(check -> check.matches());
    }

    private Mono<Void> record(SecurityEventType type, ReauthenticationAttempt attempt) {
        return events.record(type, attempt.userId(), attempt.origin());
    }
}
