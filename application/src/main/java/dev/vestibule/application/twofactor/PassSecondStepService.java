package dev.vestibule.application.twofactor;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.login.Factor;
import dev.vestibule.domain.model.mail.Mail;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.model.throttling.AttemptLimit;
import dev.vestibule.domain.model.throttling.Permit;
import dev.vestibule.domain.model.throttling.ThrottleKeys;
import dev.vestibule.domain.model.twofactor.AuthenticatorApp;
import dev.vestibule.domain.model.twofactor.PendingLogin;
import dev.vestibule.domain.model.twofactor.RecoveryCode;
import dev.vestibule.domain.model.twofactor.Totp;
import dev.vestibule.domain.model.twofactor.TotpSecret;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.port.in.PassSecondStep;
import dev.vestibule.domain.port.in.SecondStepAttempt;
import dev.vestibule.domain.port.in.SecondStepOutcome;
import dev.vestibule.domain.port.out.AttemptLimiter;
import dev.vestibule.domain.port.out.AuthenticatorAppRepository;
import dev.vestibule.domain.port.out.MailOutbox;
import dev.vestibule.domain.port.out.RecoveryCodeRepository;
import dev.vestibule.domain.port.out.SecretCipher;
import dev.vestibule.domain.port.out.Transactions;
import dev.vestibule.domain.port.out.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import reactor.core.publisher.Mono;

/**
 * The second step of a sign-in. The pending login must still be open and its user's security stamp unchanged (a
 * password change or "log out everywhere else" meanwhile ends it). Every attempt takes a token from the account's
 * second-step bucket, shared by all pending logins of the account and by every instance; a throttled attempt is not
 * checked at all, so once the bucket is empty the right code is refused too. A 6-digit code is checked against the
 * authenticator app and accepted once (its time step moves the stored last step on, conditionally); anything else is
 * tried as a recovery code, spent by a conditional delete. Success gives the token back and records LOGIN_SUCCEEDED;
 * a recovery code also records RECOVERY_CODE_USED and queues its notice, in one transaction with spending it.
 */
public final class PassSecondStepService implements PassSecondStep {

    private final UserRepository users;
    private final AuthenticatorAppRepository apps;
    private final RecoveryCodeRepository recoveryCodes;
    private final SecretCipher cipher;
    private final AttemptLimiter limiter;
    private final AttemptLimit limit;
    private final Transactions transactions;
    private final MailOutbox outbox;
    private final SecurityEvents events;
    private final Clock clock;

    public PassSecondStepService(
            UserRepository users,
            AuthenticatorAppRepository apps,
            RecoveryCodeRepository recoveryCodes,
            SecretCipher cipher,
            AttemptLimiter limiter,
            AttemptLimit limit,
            Transactions transactions,
            MailOutbox outbox,
            SecurityEvents events,
            Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.apps = Objects.requireNonNull(apps, "apps");
        this.recoveryCodes = Objects.requireNonNull(recoveryCodes, "recoveryCodes");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Mono<SecondStepOutcome> pass(SecondStepAttempt attempt) {
        PendingLogin login = attempt.login();
        if (!login.isOpenAt(clock.instant())) {
            return Mono.just(new SecondStepOutcome.Lapsed());
        }
        return users.findById(login.userId())
                .filter(user -> user.isActive() && user.securityStamp().equals(login.securityStamp()))
                .flatMap(user -> throttled(user, attempt))
                .defaultIfEmpty(new SecondStepOutcome.Lapsed());
    }

    private Mono<SecondStepOutcome> throttled(User user, SecondStepAttempt attempt) {
        String key = ThrottleKeys.secondStep(user.id());
        return limiter.tryAcquire(key, limit).flatMap(permit -> {
            if (permit instanceof Permit.Denied denied) {
                return events.recordThrottled(
                                SecurityEventType.SECOND_STEP_THROTTLED, Optional.of(user.id()), attempt.origin(), key)
                        .thenReturn((SecondStepOutcome) new SecondStepOutcome.Throttled(denied.retryAfter()));
            }
            return check(user, attempt)
                    .flatMap(factor -> factor.isPresent()
                            ? limiter.release(key, limit).then(passed(user, attempt, factor.get()))
                            : events.record(SecurityEventType.SECOND_STEP_FAILED, user.id(), attempt.origin())
                                    .thenReturn((SecondStepOutcome) new SecondStepOutcome.WrongCode()));
        });
    }

    /** Which factor the code proves, once spent; empty when it proves none. */
    private Mono<Optional<Factor>> check(User user, SecondStepAttempt attempt) {
        if (Totp.looksLikeCode(attempt.code())) {
            return apps.find(user.id())
                    .flatMap(app -> appCode(app, attempt.code()))
                    .defaultIfEmpty(Optional.empty());
        }
        Optional<RecoveryCode> code = RecoveryCode.parse(attempt.code());
        if (code.isEmpty()) {
            return Mono.just(Optional.empty());
        }
        Instant now = clock.instant();
        // Spent, recorded and told in one transaction: a code never works without its notice.
        return transactions.inTransaction(recoveryCodes
                .use(user.id(), code.get().hash())
                .flatMap(used -> used
                        ? outbox.enqueue(notice(user, attempt, now), now)
                                .then(events.record(SecurityEventType.RECOVERY_CODE_USED, user.id(), attempt.origin()))
                                .thenReturn(Optional.of(Factor.RECOVERY_CODE))
                        : Mono.just(Optional.<Factor>empty())));
    }

    private Mono<Optional<Factor>> appCode(AuthenticatorApp app, String code) {
        String context = AuthenticatorAppService.context(app.userId());
        Optional<byte[]> secret = cipher.open(app.sealedSecret(), context);
        if (secret.isEmpty()) {
            return Mono.just(Optional.empty());
        }
        OptionalLong step = Totp.matchingStep(TotpSecret.of(secret.get()), code, clock.instant(), app.lastUsedStep());
        if (step.isEmpty()) {
            return Mono.just(Optional.empty());
        }
        return apps.useStep(app.userId(), step.getAsLong()).flatMap(accepted -> {
            if (!accepted) {
                // Another request accepted this code (or a later one) first.
                return Mono.just(Optional.<Factor>empty());
            }
            Mono<Boolean> resealed = cipher.sealedWithCurrentKey(app.sealedSecret())
                    ? Mono.just(true)
                    : apps.reseal(app.userId(), app.sealedSecret(), cipher.seal(secret.get(), context));
            return resealed.thenReturn(Optional.of(Factor.AUTHENTICATOR_APP));
        });
    }

    private Mono<SecondStepOutcome> passed(User user, SecondStepAttempt attempt, Factor factor) {
        return events.record(SecurityEventType.LOGIN_SUCCEEDED, user.id(), attempt.origin())
                .then(Mono.fromSupplier(() ->
                        new SecondStepOutcome.Passed(user, attempt.login().completedWith(factor, clock.instant()))));
    }

    private static SecurityNotice notice(User user, SecondStepAttempt attempt, Instant now) {
        Origin origin = attempt.origin();
        return new SecurityNotice(
                user.id(),
                user.email(),
                user.username(),
                Mail.language(attempt.languageTag()),
                SecurityNotice.Notice.RECOVERY_CODE_USED,
                now,
                origin);
    }
}
