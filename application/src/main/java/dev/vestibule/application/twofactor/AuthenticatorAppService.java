package dev.vestibule.application.twofactor;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.mail.Mail;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.model.reauthentication.ReauthenticationOutcome;
import dev.vestibule.domain.model.twofactor.AuthenticatorApp;
import dev.vestibule.domain.model.twofactor.RecoveryCode;
import dev.vestibule.domain.model.twofactor.Totp;
import dev.vestibule.domain.model.twofactor.TotpSecret;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.in.AuthenticatorAppEnrolment;
import dev.vestibule.domain.port.in.AuthenticatorAppOffer;
import dev.vestibule.domain.port.in.ConfirmCurrentPassword;
import dev.vestibule.domain.port.in.DisableAuthenticatorApp;
import dev.vestibule.domain.port.in.EnableAuthenticatorApp;
import dev.vestibule.domain.port.in.OfferAuthenticatorApp;
import dev.vestibule.domain.port.in.ReauthenticationAttempt;
import dev.vestibule.domain.port.in.RegenerateRecoveryCodes;
import dev.vestibule.domain.port.in.TwoFactorChange;
import dev.vestibule.domain.port.in.TwoFactorChangeOutcome;
import dev.vestibule.domain.port.out.AuthenticatorAppRepository;
import dev.vestibule.domain.port.out.MailOutbox;
import dev.vestibule.domain.port.out.RecoveryCodeRepository;
import dev.vestibule.domain.port.out.SecretCipher;
import dev.vestibule.domain.port.out.Transactions;
import dev.vestibule.domain.port.out.UserRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import reactor.core.publisher.Mono;

/**
 * The authenticator app's lifecycle: a secret offered (sealed, so the page's session can keep it without being able
 * to read it back from the store), enabled by a current code after a fresh re-authentication (with a new set of
 * recovery codes), disabled (its codes with it), codes regenerated. Each change is stored, its event recorded and the
 * SECOND_FACTOR_CHANGED notice queued in one transaction.
 */
public final class AuthenticatorAppService
        implements OfferAuthenticatorApp, EnableAuthenticatorApp, DisableAuthenticatorApp, RegenerateRecoveryCodes {

    private final UserRepository users;
    private final AuthenticatorAppRepository apps;
    private final RecoveryCodeRepository recoveryCodes;
    private final SecretCipher cipher;
    private final ConfirmCurrentPassword confirmCurrentPassword;
    private final Transactions transactions;
    private final MailOutbox outbox;
    private final SecurityEvents events;
    private final Clock clock;
    private final SecureRandom random;

    public AuthenticatorAppService(
            UserRepository users,
            AuthenticatorAppRepository apps,
            RecoveryCodeRepository recoveryCodes,
            SecretCipher cipher,
            ConfirmCurrentPassword confirmCurrentPassword,
            Transactions transactions,
            MailOutbox outbox,
            SecurityEvents events,
            Clock clock,
            SecureRandom random) {
        this.users = Objects.requireNonNull(users, "users");
        this.apps = Objects.requireNonNull(apps, "apps");
        this.recoveryCodes = Objects.requireNonNull(recoveryCodes, "recoveryCodes");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.confirmCurrentPassword = Objects.requireNonNull(confirmCurrentPassword, "confirmCurrentPassword");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Mono<AuthenticatorAppOffer> offer(UserId userId) {
        return users.findById(userId).filter(User::isActive).map(user -> {
            TotpSecret secret = TotpSecret.random(random);
            return new AuthenticatorAppOffer(
                    cipher.seal(secret.bytes(), context(user.id())),
                    secret.base32(),
                    secret.otpauthUri(user.username().value()));
        });
    }

    @Override
    public Mono<AuthenticatorAppOffer> offered(UserId userId, String sealedSecret) {
        return users.findById(userId)
                .filter(User::isActive)
                .flatMap(user -> Mono.justOrEmpty(cipher.open(sealedSecret, context(user.id())))
                        .map(bytes -> {
                            TotpSecret secret = TotpSecret.of(bytes);
                            return new AuthenticatorAppOffer(
                                    sealedSecret,
                                    secret.base32(),
                                    secret.otpauthUri(user.username().value()));
                        }));
    }

    @Override
    public Mono<TwoFactorChangeOutcome> enable(AuthenticatorAppEnrolment enrolment) {
        UserId userId = enrolment.reauthentication().userId();
        return confirmed(userId, enrolment.reauthentication(), (user, checkedAt) -> {
            Instant now = clock.instant();
            OptionalLong step = cipher.open(enrolment.sealedSecret(), context(userId))
                    .map(bytes -> Totp.matchingStep(TotpSecret.of(bytes), enrolment.code(), now, Long.MIN_VALUE))
                    .orElse(OptionalLong.empty());
            if (step.isEmpty()) {
                return Mono.just(new TwoFactorChangeOutcome.WrongCode(checkedAt));
            }
            List<RecoveryCode> codes = RecoveryCode.newSet(random);
            // The code that enabled the app is spent: it cannot sign in a moment later.
            AuthenticatorApp app = new AuthenticatorApp(userId, enrolment.sealedSecret(), now, step.getAsLong());
            return transactions
                    .inTransaction(apps.save(app)
                            .then(recoveryCodes.replaceAll(userId, hashes(codes), now))
                            .then(notice(
                                    user,
                                    enrolment.languageTag(),
                                    now,
                                    enrolment.reauthentication().origin()))
                            .then(events.record(
                                    SecurityEventType.AUTHENTICATOR_APP_ENABLED,
                                    userId,
                                    enrolment.reauthentication().origin())))
                    .thenReturn(new TwoFactorChangeOutcome.Changed(formatted(codes), checkedAt));
        });
    }

    @Override
    public Mono<TwoFactorChangeOutcome> disable(TwoFactorChange change) {
        UserId userId = change.reauthentication().userId();
        return confirmed(
                userId,
                change.reauthentication(),
                (user, checkedAt) -> apps.find(userId)
                        .flatMap(app -> {
                            Instant now = clock.instant();
                            return transactions
                                    .inTransaction(apps.remove(userId)
                                            .then(recoveryCodes.removeAll(userId))
                                            .then(notice(
                                                    user,
                                                    change.languageTag(),
                                                    now,
                                                    change.reauthentication().origin()))
                                            .then(events.record(
                                                    SecurityEventType.AUTHENTICATOR_APP_DISABLED,
                                                    userId,
                                                    change.reauthentication().origin())))
                                    .thenReturn((TwoFactorChangeOutcome)
                                            new TwoFactorChangeOutcome.Changed(List.of(), checkedAt));
                        })
                        .defaultIfEmpty(new TwoFactorChangeOutcome.NotEnabled()));
    }

    @Override
    public Mono<TwoFactorChangeOutcome> regenerate(TwoFactorChange change) {
        UserId userId = change.reauthentication().userId();
        return confirmed(
                userId,
                change.reauthentication(),
                (user, checkedAt) -> apps.find(userId)
                        .flatMap(app -> {
                            Instant now = clock.instant();
                            List<RecoveryCode> codes = RecoveryCode.newSet(random);
                            return transactions
                                    .inTransaction(recoveryCodes
                                            .replaceAll(userId, hashes(codes), now)
                                            .then(notice(
                                                    user,
                                                    change.languageTag(),
                                                    now,
                                                    change.reauthentication().origin()))
                                            .then(events.record(
                                                    SecurityEventType.RECOVERY_CODES_REGENERATED,
                                                    userId,
                                                    change.reauthentication().origin())))
                                    .thenReturn((TwoFactorChangeOutcome)
                                            new TwoFactorChangeOutcome.Changed(formatted(codes), checkedAt));
                        })
                        .defaultIfEmpty(new TwoFactorChangeOutcome.NotEnabled()));
    }

    /** The sealed secret is bound to its user: copied into another user's row or session, it does not open. */
    static String context(UserId userId) {
        return "totp:" + userId;
    }

    private interface Change {
        Mono<TwoFactorChangeOutcome> apply(User user, Optional<Instant> passwordCheckedAt);
    }

    /** Runs {@code change} once the user proved it is them (a password just now, or the open window). */
    private Mono<TwoFactorChangeOutcome> confirmed(UserId userId, ReauthenticationAttempt attempt, Change change) {
        return confirmCurrentPassword.confirm(attempt).flatMap(outcome -> {
            if (!(outcome instanceof ReauthenticationOutcome.Confirmed confirmed)) {
                return Mono.just(new TwoFactorChangeOutcome.NotConfirmed(outcome));
            }
            return users.findById(userId)
                    .filter(User::isActive)
                    .flatMap(user -> change.apply(user, confirmed.passwordCheckedAt()))
                    .defaultIfEmpty(new TwoFactorChangeOutcome.NotConfirmed(outcome));
        });
    }

    private Mono<Void> notice(User user, String languageTag, Instant now, Origin origin) {
        return outbox.enqueue(
                new SecurityNotice(
                        user.id(),
                        user.email(),
                        user.username(),
                        Mail.language(languageTag),
                        SecurityNotice.Notice.SECOND_FACTOR_CHANGED,
                        now,
                        origin),
                now);
    }

    private static List<String> hashes(List<RecoveryCode> codes) {
        return codes.stream().map(RecoveryCode::hash).toList();
    }

    private static List<String> formatted(List<RecoveryCode> codes) {
        return codes.stream().map(RecoveryCode::formatted).toList();
    }
}
