package dev.vestibule.application.registration;

import dev.vestibule.application.breachcheck.BreachCheck;
import dev.vestibule.application.emailconfirmation.EmailConfirmations;
import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.application.hashing.OffloadedPasswordHasher;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.password.PasswordPolicy;
import dev.vestibule.domain.model.password.PasswordRejection;
import dev.vestibule.domain.model.throttling.AttemptLimit;
import dev.vestibule.domain.model.throttling.Permit;
import dev.vestibule.domain.model.throttling.ThrottleKeys;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.EmailRejection;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.model.user.UsernameRejection;
import dev.vestibule.domain.model.user.Validated;
import dev.vestibule.domain.port.in.PasswordHashingBusyException;
import dev.vestibule.domain.port.in.RegisterUser;
import dev.vestibule.domain.port.in.RegistrationCommand;
import dev.vestibule.domain.port.in.RegistrationField;
import dev.vestibule.domain.port.in.RegistrationOutcome;
import dev.vestibule.domain.port.in.RegistrationProblem;
import dev.vestibule.domain.port.out.AddUserResult;
import dev.vestibule.domain.port.out.AttemptLimiter;
import dev.vestibule.domain.port.out.Transactions;
import dev.vestibule.domain.port.out.UserRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Signs a user up. Cheap checks come first and are all reported together; the names are checked for
 * availability before the (expensive) hash is made; the store's unique indexes settle the race of two
 * sign-ups for the same name, so the loser gets the same field error as if it had come second.
 * Sign-ups are limited per client address (each attempt that gets past the form checks counts), and a
 * new account is recorded as a security event. The new address gets a confirmation link, queued in the same
 * transaction as the user (the user is signed in at once all the same; the link only marks the address confirmed).
 */
public final class RegisterUserService implements RegisterUser {

    private final UserRepository users;
    private final OffloadedPasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final Clock clock;
    private final AttemptLimiter limiter;
    private final AttemptLimit limit;
    private final SecurityEvents events;
    // email confirmation: the new account's address gets its link in the sign-up's transaction
    private final EmailConfirmations confirmations;
    private final Transactions transactions;
    // abuse resistance: sign-ups are counted per client network (IPv6 /64), like logins
    private final int ipv6PrefixLength;
    // issue 13 finding 8: breached passwords
    private final BreachCheck breachCheck;

    public RegisterUserService(
            UserRepository users,
            OffloadedPasswordHasher hasher,
            PasswordPolicy passwordPolicy,
            Clock clock,
            AttemptLimiter limiter,
            AttemptLimit limit,
            SecurityEvents events,
            EmailConfirmations confirmations,
            Transactions transactions) {
        this(
                users,
                hasher,
                passwordPolicy,
                clock,
                limiter,
                limit,
                events,
                confirmations,
                transactions,
                ThrottleKeys.DEFAULT_IPV6_PREFIX_LENGTH);
    }

    /** As above, with IPv6 clients counted by their first {@code ipv6PrefixLength} bits. */
    public RegisterUserService(
            UserRepository users,
            OffloadedPasswordHasher hasher,
            PasswordPolicy passwordPolicy,
            Clock clock,
            AttemptLimiter limiter,
            AttemptLimit limit,
            SecurityEvents events,
            EmailConfirmations confirmations,
            Transactions transactions,
            int ipv6PrefixLength) {
        this(
                users,
                hasher,
                passwordPolicy,
                clock,
                limiter,
                limit,
                events,
                confirmations,
                transactions,
                ipv6PrefixLength,
                BreachCheck.off());
    }

    /** As above, with new passwords also asked of a breach corpus (issue 13 finding 8). */
    public RegisterUserService(
            UserRepository users,
            OffloadedPasswordHasher hasher,
            PasswordPolicy passwordPolicy,
            Clock clock,
            AttemptLimiter limiter,
            AttemptLimit limit,
            SecurityEvents events,
            EmailConfirmations confirmations,
            Transactions transactions,
            int ipv6PrefixLength,
            BreachCheck breachCheck) {
        this.breachCheck = Objects.requireNonNull(breachCheck, "breachCheck");
        this.ipv6PrefixLength = ThrottleKeys.checkPrefixLength(ipv6PrefixLength);
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.passwordPolicy = Objects.requireNonNull(passwordPolicy, "passwordPolicy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.events = Objects.requireNonNull(events, "events");
        this.confirmations = Objects.requireNonNull(confirmations, "confirmations");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public Mono<RegistrationOutcome> register(RegistrationCommand command, Origin origin) {
        Validated<Username, UsernameRejection> username = Username.parse(command.username());
        Validated<EmailAddress, EmailRejection> email = EmailAddress.parse(command.email());
        Map<RegistrationField, List<RegistrationProblem>> problems = new EnumMap<>(RegistrationField.class);
        username.fold(
                valid -> null,
                reason -> problems.put(
                        RegistrationField.USERNAME, List.of(new RegistrationProblem.InvalidUsername(reason))));
        email.fold(
                valid -> null,
                reason -> problems.put(RegistrationField.EMAIL, List.of(new RegistrationProblem.InvalidEmail(reason))));
        passwordProblems(command, username, email).forEach(problems::put);
        if (!problems.isEmpty()) {
            return Mono.just(new RegistrationOutcome.Rejected(problems));
        }
        String clientKey = "registration:" + ThrottleKeys.clientAddress(origin.clientAddress(), ipv6PrefixLength);
        return limiter.tryAcquire(clientKey, limit).flatMap(permit -> {
            if (permit instanceof Permit.Denied denied) {
                return Mono.just(new RegistrationOutcome.Throttled(denied.retryAfter()));
            }
            // The breach check comes after the limiter, so that sign-ups cannot make this instance send requests
            // to the corpus faster than the sign-up limit allows (an attempt refused by it stays counted).
            return breachCheck
                    .screen(command.password())
                    .flatMap(breached -> breached.isPresent()
                            ? Mono.just(RegistrationOutcome.Rejected.of(
                                    RegistrationField.PASSWORD, new RegistrationProblem.WeakPassword(breached.get())))
                            : signUp(command, username, email, origin, clientKey));
        });
    }

    private Mono<RegistrationOutcome> signUp(
            RegistrationCommand command,
            Validated<Username, UsernameRejection> username,
            Validated<EmailAddress, EmailRejection> email,
            Origin origin,
            String clientKey) {
        return claimAndStore(username.orElseThrow(), email.orElseThrow(), command.password(), command.languageTag())
                // Overload is not a sign-up: the attempt is given back.
                .onErrorResume(
                        PasswordHashingBusyException.class,
                        busy -> limiter.release(clientKey, limit).then(Mono.error(busy)))
                .flatMap(outcome -> outcome instanceof RegistrationOutcome.Registered registered
                        ? events.record(
                                        SecurityEventType.REGISTERED,
                                        registered.user().id(),
                                        origin)
                                .thenReturn(outcome)
                        : Mono.just(outcome));
    }

    private Map<RegistrationField, List<RegistrationProblem>> passwordProblems(
            RegistrationCommand command,
            Validated<Username, UsernameRejection> username,
            Validated<EmailAddress, EmailRejection> email) {
        Map<RegistrationField, List<RegistrationProblem>> problems = new EnumMap<>(RegistrationField.class);
        if (command.password().isEmpty()) {
            problems.put(RegistrationField.PASSWORD, List.of(new RegistrationProblem.PasswordMissing()));
            return problems;
        }
        List<RegistrationProblem> weaknesses = new ArrayList<>();
        for (PasswordRejection rejection : passwordPolicy.check(
                command.password(),
                username.fold(valid -> valid, reason -> null),
                email.fold(valid -> valid, reason -> null))) {
            weaknesses.add(new RegistrationProblem.WeakPassword(rejection));
        }
        if (!weaknesses.isEmpty()) {
            problems.put(RegistrationField.PASSWORD, weaknesses);
        }
        if (!command.password().equals(command.passwordRepeat())) {
            problems.put(RegistrationField.PASSWORD_REPEAT, List.of(new RegistrationProblem.PasswordsDiffer()));
        }
        return problems;
    }

    private Mono<RegistrationOutcome> claimAndStore(
            Username username, EmailAddress email, String password, String languageTag) {
        return Mono.zip(users.isUsernameTaken(username), users.isEmailTaken(email))
                .flatMap(taken -> {
                    Map<RegistrationField, List<RegistrationProblem>> problems = new EnumMap<>(RegistrationField.class);
                    if (taken.getT1()) {
                        problems.put(RegistrationField.USERNAME, List.of(new RegistrationProblem.UsernameTaken()));
                    }
                    if (taken.getT2()) {
                        problems.put(RegistrationField.EMAIL, List.of(new RegistrationProblem.EmailTaken()));
                    }
                    if (!problems.isEmpty()) {
                        return Mono.just(new RegistrationOutcome.Rejected(problems));
                    }
                    return hasher.hash(password)
                            .map(hash -> User.registerWithPassword(username, email, hash, clock.instant()))
                            .flatMap(user -> storeWithConfirmationLink(user, languageTag))
                            .map(RegisterUserService::toOutcome);
                });
    }

    /**
     * The user and the confirmation link to their address in one transaction. A name taken in a race fails the
     * insert, which already spoilt the transaction: it is rolled back as a failure, then reported as the result.
     */
    private Mono<AddUserResult> storeWithConfirmationLink(User user, String languageTag) {
        return transactions
                .inTransaction(users.add(user)
                        .flatMap(result -> result instanceof AddUserResult.Added
                                ? confirmations
                                        .send(user, user.email(), languageTag, user.registeredAt())
                                        .thenReturn(result)
                                : Mono.error(new NotAdded(result))))
                .onErrorResume(NotAdded.class, notAdded -> Mono.just(notAdded.result));
    }

    /** Carries a refused insert out of the transaction, so that the transaction rolls back. */
    private static final class NotAdded extends RuntimeException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        private final transient AddUserResult result;

        NotAdded(AddUserResult result) {
            super("not added", null, false, false);
            this.result = result;
        }
    }

    private static RegistrationOutcome toOutcome(AddUserResult result) {
        if (result instanceof AddUserResult.Added added) {
            return new RegistrationOutcome.Registered(added.user());
        }
        if (result instanceof AddUserResult.UsernameTaken) {
            return RegistrationOutcome.Rejected.of(RegistrationField.USERNAME, new RegistrationProblem.UsernameTaken());
        }
        return RegistrationOutcome.Rejected.of(RegistrationField.EMAIL, new RegistrationProblem.EmailTaken());
    }
}
