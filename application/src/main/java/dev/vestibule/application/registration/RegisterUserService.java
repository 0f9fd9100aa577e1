package dev.vestibule.application.registration;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.application.hashing.OffloadedPasswordHasher;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.throttling.AttemptLimit;
import dev.vestibule.domain.model.throttling.Permit;
import dev.vestibule.domain.model.password.PasswordPolicy;
import dev.vestibule.domain.model.password.PasswordRejection;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.model.user.Validated;
import dev.vestibule.domain.port.in.PasswordHashingBusyException;
import dev.vestibule.domain.port.in.RegisterUser;
import dev.vestibule.domain.port.in.RegistrationCommand;
import dev.vestibule.domain.port.in.RegistrationField;
import dev.vestibule.domain.port.in.RegistrationOutcome;
import dev.vestibule.domain.port.out.AddUserResult;
import dev.vestibule.domain.port.out.AttemptLimiter;
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
 * new account is recorded as a security event.
 */
public final class RegisterUserService implements RegisterUser {

    static final String USERNAME_TAKEN = "That username is already taken. Please choose another.";
    static final String EMAIL_TAKEN = "An account with this email address already exists.";
    static final String PASSWORDS_DIFFER = "The two passwords do not match.";
    static final String PASSWORD_MISSING = "Please choose a password.";

    private final UserRepository users;
    private final OffloadedPasswordHasher hasher;
    private final PasswordPolicy passwordPolicy;
    private final Clock clock;
    private final AttemptLimiter limiter;
    private final AttemptLimit limit;
    private final SecurityEvents events;

    public RegisterUserService(UserRepository users, OffloadedPasswordHasher hasher, PasswordPolicy passwordPolicy,
                               Clock clock, AttemptLimiter limiter, AttemptLimit limit, SecurityEvents events) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.passwordPolicy = Objects.requireNonNull(passwordPolicy, "passwordPolicy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public Mono<RegistrationOutcome> register(RegistrationCommand command, Origin origin) {
        Validated<Username> username = Username.parse(command.username());
        Validated<EmailAddress> email = EmailAddress.parse(command.email());
        Map<RegistrationField, List<String>> problems = new EnumMap<>(RegistrationField.class);
        username.fold(valid -> null, reason -> problems.put(RegistrationField.USERNAME, List.of(reason)));
        email.fold(valid -> null, reason -> problems.put(RegistrationField.EMAIL, List.of(reason)));
        passwordProblems(command, username, email).forEach((field, messages) -> problems.put(field, messages));
        if (!problems.isEmpty()) {
            return Mono.just(new RegistrationOutcome.Rejected(problems));
        }
        return limiter.tryAcquire("registration:" + origin.clientAddress(), limit).flatMap(permit -> {
            if (permit instanceof Permit.Denied denied) {
                return Mono.just(new RegistrationOutcome.Throttled(denied.retryAfter()));
            }
            return claimAndStore(username.orElseThrow(), email.orElseThrow(), command.password())
                    // Overload is not a sign-up: the attempt is given back.
                    .onErrorResume(PasswordHashingBusyException.class, busy -> limiter
                            .release("registration:" + origin.clientAddress(), limit).then(Mono.error(busy)))
                    .flatMap(outcome -> outcome instanceof RegistrationOutcome.Registered registered
                            ? events.record(SecurityEventType.REGISTERED, registered.user().id(), origin).thenReturn(outcome)
                            : Mono.just(outcome));
        });
    }

    private Map<RegistrationField, List<String>> passwordProblems(RegistrationCommand command,
                                                                  Validated<Username> username,
                                                                  Validated<EmailAddress> email) {
        Map<RegistrationField, List<String>> problems = new EnumMap<>(RegistrationField.class);
        if (command.password().isEmpty()) {
            problems.put(RegistrationField.PASSWORD, List.of(PASSWORD_MISSING));
            return problems;
        }
        List<String> messages = new ArrayList<>();
        passwordPolicy.check(command.password(),
                        username.fold(valid -> valid, reason -> null),
                        email.fold(valid -> valid, reason -> null))
                .stream().map(PasswordRejection::message).forEach(messages::add);
        if (!messages.isEmpty()) {
            problems.put(RegistrationField.PASSWORD, messages);
        }
        if (!command.password().equals(command.passwordRepeat())) {
            problems.put(RegistrationField.PASSWORD_REPEAT, List.of(PASSWORDS_DIFFER));
        }
        return problems;
    }

    private Mono<RegistrationOutcome> claimAndStore(Username username, EmailAddress email, String password) {
        return Mono.zip(users.isUsernameTaken(username), users.isEmailTaken(email))
                .flatMap(taken -> {
                    Map<RegistrationField, List<String>> problems = new EnumMap<>(RegistrationField.class);
                    if (taken.getT1()) {
                        problems.put(RegistrationField.USERNAME, List.of(USERNAME_TAKEN));
                    }
                    if (taken.getT2()) {
                        problems.put(RegistrationField.EMAIL, List.of(EMAIL_TAKEN));
                    }
                    if (!problems.isEmpty()) {
                        return Mono.just(new RegistrationOutcome.Rejected(problems));
                    }
                    return hasher.hash(password)
                            .map(hash -> User.registerWithPassword(username, email, hash, clock.instant()))
                            .flatMap(users::add)
                            .map(RegisterUserService::toOutcome);
                });
    }

    private static RegistrationOutcome toOutcome(AddUserResult result) {
        if (result instanceof AddUserResult.Added added) {
            return new RegistrationOutcome.Registered(added.user());
        }
        if (result instanceof AddUserResult.UsernameTaken) {
            return RegistrationOutcome.Rejected.of(RegistrationField.USERNAME, USERNAME_TAKEN);
        }
        return RegistrationOutcome.Rejected.of(RegistrationField.EMAIL, EMAIL_TAKEN);
    }
}
