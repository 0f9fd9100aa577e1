package dev.vestibule.application.account;

import dev.vestibule.application.breachcheck.BreachCheck;
import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.application.hashing.OffloadedPasswordHasher;
import dev.vestibule.application.session.Containment;
import dev.vestibule.application.throttling.LoginThrottle;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.mail.Mail;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.model.password.PasswordPolicy;
import dev.vestibule.domain.model.password.PasswordRejection;
import dev.vestibule.domain.model.password.PasswordUse;
import dev.vestibule.domain.model.throttling.Permit;
import dev.vestibule.domain.model.twofactor.SecondFactors;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.port.in.ChangePassword;
import dev.vestibule.domain.port.in.LoadSecondFactors;
import dev.vestibule.domain.port.in.PasswordChangeCommand;
import dev.vestibule.domain.port.in.PasswordChangeOutcome;
import dev.vestibule.domain.port.in.PasswordChangeProblem;
import dev.vestibule.domain.port.in.PasswordHashingBusyException;
import dev.vestibule.domain.port.out.MailOutbox;
import dev.vestibule.domain.port.out.Transactions;
import dev.vestibule.domain.port.out.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Changes a signed-in user's password. The new password is checked against the policy first (nothing is
 * hashed for a refused one), with the shorter minimum only if the account has a second factor at this moment (its
 * every password sign-in then needs that factor too: NIST SP 800-63B rev. 4, section 3.1.1.2); then the current password, throttled like a login (a wrong one counts as a
 * failed login attempt on the account, so this form is no way around the login throttle). On success, in
 * one transaction: the new hash and a new security stamp, this browser's remembered series kept under it,
 * the user's other remembered browsers forgotten, and the notice queued; then every other session ends.
 */
public final class ChangePasswordService implements ChangePassword {

    private final UserRepository users;
    private final OffloadedPasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final LoginThrottle throttle;
    private final Transactions transactions;
    private final MailOutbox outbox;
    private final Containment containment;
    private final SecurityEvents events;
    private final Clock clock;
    // issue 13 finding 8: breached passwords
    private final BreachCheck breachCheck;
    // issue 14: password policy (the shorter minimum for an account with a second factor)
    private final LoadSecondFactors secondFactors;

    public ChangePasswordService(
            UserRepository users,
            OffloadedPasswordHasher hasher,
            PasswordPolicy passwordPolicy,
            LoginThrottle throttle,
            Transactions transactions,
            MailOutbox outbox,
            Containment containment,
            SecurityEvents events,
            Clock clock) {
        this(
                users,
                hasher,
                passwordPolicy,
                throttle,
                transactions,
                outbox,
                containment,
                events,
                clock,
                BreachCheck.off());
    }

    /** As above, with the new password also asked of a breach corpus (issue 13 finding 8). */
    public ChangePasswordService(
            UserRepository users,
            OffloadedPasswordHasher hasher,
            PasswordPolicy passwordPolicy,
            LoginThrottle throttle,
            Transactions transactions,
            MailOutbox outbox,
            Containment containment,
            SecurityEvents events,
            Clock clock,
            BreachCheck breachCheck) {
        this(
                users,
                hasher,
                passwordPolicy,
                throttle,
                transactions,
                outbox,
                containment,
                events,
                clock,
                breachCheck,
                user -> Mono.just(SecondFactors.NONE));
    }

    /**
     * As above, asking {@code secondFactors} whether the account has a second factor, which lets the new password be
     * as short as the policy's minimum with a second factor (issue 14).
     */
    public ChangePasswordService(
            UserRepository users,
            OffloadedPasswordHasher hasher,
            PasswordPolicy passwordPolicy,
            LoginThrottle throttle,
            Transactions transactions,
            MailOutbox outbox,
            Containment containment,
            SecurityEvents events,
            Clock clock,
            BreachCheck breachCheck,
            LoadSecondFactors secondFactors) {
        this.secondFactors = Objects.requireNonNull(secondFactors, "secondFactors");
        this.breachCheck = Objects.requireNonNull(breachCheck, "breachCheck");
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.passwordPolicy = Objects.requireNonNull(passwordPolicy, "passwordPolicy");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.containment = Objects.requireNonNull(containment, "containment");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Mono<PasswordChangeOutcome> change(PasswordChangeCommand command) {
        return users.findById(command.user())
                .filter(User::isActive)
                .flatMap(user -> passwordUse(user).flatMap(use -> changeFor(command, user, use)));
    }

    /** Whether the new password will be the account's only factor: asked at this moment, as the change is made. */
    private Mono<PasswordUse> passwordUse(User user) {
        return secondFactors
                .of(user.id())
                .map(factors -> PasswordUse.forAccountWithSecondFactor(factors.any()))
                .defaultIfEmpty(PasswordUse.ONLY_FACTOR);
    }

    private Mono<PasswordChangeOutcome> changeFor(PasswordChangeCommand command, User user, PasswordUse use) {
        List<PasswordChangeProblem> problems = newPasswordProblems(command, user, use);
        if (!problems.isEmpty()) {
            return Mono.just((PasswordChangeOutcome) new PasswordChangeOutcome.Refused(problems));
        }
        // Asked before the current password is checked: a refused new password spends no throttle token.
        return breachCheck
                .screen(command.newPassword())
                .flatMap(breached -> breached.isPresent()
                        ? Mono.just((PasswordChangeOutcome) new PasswordChangeOutcome.Refused(
                                List.of(new PasswordChangeProblem.WeakPassword(breached.get()))))
                        : checkCurrentThenChange(command, user));
    }

    private List<PasswordChangeProblem> newPasswordProblems(PasswordChangeCommand command, User user, PasswordUse use) {
        List<PasswordChangeProblem> problems = new ArrayList<>();
        if (command.newPassword().isEmpty()) {
            problems.add(new PasswordChangeProblem.PasswordMissing());
            return problems;
        }
        for (PasswordRejection rejection :
                passwordPolicy.check(command.newPassword(), user.username(), user.email(), use)) {
            problems.add(new PasswordChangeProblem.WeakPassword(rejection));
        }
        if (!command.newPassword().equals(command.newPasswordRepeated())) {
            problems.add(new PasswordChangeProblem.PasswordsDiffer());
        }
        return problems;
    }

    private Mono<PasswordChangeOutcome> checkCurrentThenChange(PasswordChangeCommand command, User user) {
        return throttle.bucketsFor(
                        command.origin().clientAddress(),
                        user.username().canonical(),
                        Optional.of(user.id()),
                        Optional.empty())
                .flatMap(buckets -> throttle.acquire(buckets).flatMap(permit -> {
                    if (permit instanceof Permit.Denied denied) {
                        return events.recordThrottled(
                                        SecurityEventType.LOGIN_THROTTLED,
                                        Optional.of(user.id()),
                                        command.origin(),
                                        buckets.subject())
                                .thenReturn((PasswordChangeOutcome)
                                        new PasswordChangeOutcome.Throttled(denied.retryAfter()));
                    }
                    return currentPasswordMatches(command, user)
                            .onErrorResume(
                                    PasswordHashingBusyException.class,
                                    busy -> throttle.release(buckets).then(Mono.error(busy)))
                            .flatMap(matches -> {
                                if (!matches) {
                                    return events.record(
                                                    SecurityEventType.CURRENT_PASSWORD_REJECTED,
                                                    user.id(),
                                                    command.origin())
                                            .thenReturn((PasswordChangeOutcome) new PasswordChangeOutcome.Refused(
                                                    List.of(new PasswordChangeProblem.CurrentPasswordWrong())));
                                }
                                return throttle.release(buckets).then(changeTo(command, user));
                            });
                }));
    }

    private Mono<Boolean> currentPasswordMatches(PasswordChangeCommand command, User user) {
        if (user.passwordHash().isEmpty()) {
            return hasher.verifyAgainstDummy(command.currentPassword()).thenReturn(false);
        }
        return hasher.verify(command.currentPassword(), user.passwordHash().get())
                .map(check -> check.matches());
    }

    private Mono<PasswordChangeOutcome> changeTo(PasswordChangeCommand command, User user) {
        return hasher.hash(command.newPassword()).flatMap(newHash -> {
            SecurityStamp newStamp = SecurityStamp.random();
            Instant now = clock.instant();
            SecurityNotice notice = new SecurityNotice(
                    user.id(),
                    user.email(),
                    user.username(),
                    Mail.language(command.languageTag()),
                    SecurityNotice.Notice.PASSWORD_CHANGED,
                    now,
                    command.origin());
            return transactions
                    .inTransaction(users.changePasswordHash(user.id(), newHash, newStamp)
                            .then(containment.keepOnlyThisRememberedBrowser(user.id(), command.thisBrowser(), newStamp))
                            .then(outbox.enqueue(notice, now)))
                    .then(events.record(SecurityEventType.PASSWORD_CHANGED, user.id(), command.origin()))
                    .then(containment.endOtherSessions(user.id(), command.thisBrowser()))
                    .thenReturn(new PasswordChangeOutcome.Changed(newStamp));
        });
    }
}
