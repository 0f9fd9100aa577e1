package dev.vestibule.application.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.emailconfirmation.EmailConfirmations;
import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.application.fakes.FakePasswordHasher;
import dev.vestibule.application.fakes.InMemoryAttemptLimiter;
import dev.vestibule.application.fakes.InMemoryLinkTokens;
import dev.vestibule.application.fakes.InMemoryMailOutbox;
import dev.vestibule.application.fakes.InMemorySecurityEventLog;
import dev.vestibule.application.fakes.InMemoryTransactions;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.application.fakes.RecordingPasswordHasher;
import dev.vestibule.application.hashing.OffloadedPasswordHasher;
import dev.vestibule.application.mail.PublicLinks;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.password.CommonPasswords;
import dev.vestibule.domain.model.password.PasswordCheck;
import dev.vestibule.domain.model.password.PasswordPolicy;
import dev.vestibule.domain.model.password.PasswordRejection;
import dev.vestibule.domain.model.throttling.ThrottlePolicy;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.EmailRejection;
import dev.vestibule.domain.model.user.ExternalIdentity;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.model.user.UsernameRejection;
import dev.vestibule.domain.port.in.RegistrationCommand;
import dev.vestibule.domain.port.in.RegistrationField;
import dev.vestibule.domain.port.in.RegistrationOutcome;
import dev.vestibule.domain.port.in.RegistrationProblem;
import dev.vestibule.domain.port.out.AddUserResult;
import dev.vestibule.domain.port.out.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class RegisterUserServiceTests {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
    private static final String PASSWORD = "correct horse battery staple";
    private static final PasswordHash RIVALS_HASH = new PasswordHash("{rival}hash");

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final FakePasswordHasher fakeHasher = new FakePasswordHasher();
    private final RecordingPasswordHasher hasher = new RecordingPasswordHasher(fakeHasher);
    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryLinkTokens linkTokens = new InMemoryLinkTokens();
    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final PasswordPolicy policy =
            new PasswordPolicy(8, 256, CommonPasswords.of(List.of("password", "qwertyuiop")));

    private RegisterUserService service(UserRepository repository, Scheduler hashing) {
        var service = new RegisterUserService(
                repository,
                new OffloadedPasswordHasher(hasher, hashing),
                policy,
                clock,
                new InMemoryAttemptLimiter(clock),
                ThrottlePolicy.DEFAULT.registrationsPerClientAddress(),
                new SecurityEvents(new InMemorySecurityEventLog(), clock),
                new EmailConfirmations(
                        linkTokens,
                        outbox,
                        new PublicLinks("https://vestibule.test"),
                        Duration.ofHours(24),
                        new java.security.SecureRandom()),
                // Not the users: a rival's sign-up inside this one (RivalSignsUpInBetween) is its own transaction.
                new InMemoryTransactions(linkTokens, outbox));
        hasher.clear();
        return service;
    }

    // abuse resistance: sign-ups are counted per IPv6 /64, as logins are
    @Test
    void signUpsFromOneIpv6NetworkShareOneAllowanceAndAnotherNetworkHasItsOwn() {
        RegisterUserService service = service(users, Schedulers.immediate());
        int capacity = ThrottlePolicy.DEFAULT.registrationsPerClientAddress().capacity();
        for (int i = 1; i <= capacity; i++) {
            StepVerifier.create(service.register(
                            new RegistrationCommand("six" + i, "six" + i + "@example.com", PASSWORD, PASSWORD, "en"),
                            new Origin("2001:db8:5:6::" + Integer.toHexString(i), "test")))
                    .assertNext(outcome -> assertThat(outcome).isInstanceOf(RegistrationOutcome.Registered.class))
                    .verifyComplete();
        }

        StepVerifier.create(service.register(
                        new RegistrationCommand("sixmore", "sixmore@example.com", PASSWORD, PASSWORD, "en"),
                        new Origin("2001:db8:5:6:ffff::1", "test")))
                .assertNext(outcome -> assertThat(outcome).isInstanceOf(RegistrationOutcome.Throttled.class))
                .verifyComplete();
        StepVerifier.create(service.register(
                        new RegistrationCommand("seven", "seven@example.com", PASSWORD, PASSWORD, "en"),
                        new Origin("2001:db8:5:7::1", "test")))
                .assertNext(outcome -> assertThat(outcome).isInstanceOf(RegistrationOutcome.Registered.class))
                .verifyComplete();
    }

    // email confirmation
    @Test
    void registerMailsAConfirmationLinkToTheNewAddressInTheUsersLanguage() {
        StepVerifier.create(service(users, Schedulers.immediate())
                        .register(
                                new RegistrationCommand("alice", "Alice@Example.com", PASSWORD, PASSWORD, "de-AT"),
                                Origin.unknown()))
                .assertNext(outcome -> assertThat(outcome).isInstanceOf(RegistrationOutcome.Registered.class))
                .verifyComplete();

        assertThat(outbox.entries()).singleElement().satisfies(entry -> {
            var link = (dev.vestibule.domain.model.mail.EmailConfirmationLink) entry.mail();
            assertThat(link.to().value()).isEqualTo("alice@example.com");
            assertThat(link.languageTag()).isEqualTo("de");
            assertThat(link.link()).startsWith("https://vestibule.test/email-confirmation/");
            assertThat(link.validFor()).isEqualTo(Duration.ofHours(24));
        });
        var alice = users.findByLogin("alice").block();
        assertThat(linkTokens.unspentFor(
                        alice.id(), dev.vestibule.domain.model.linktoken.LinkPurpose.EMAIL_CONFIRMATION))
                .isEqualTo(1);
    }

    @Test
    void aRefusedSignUpMailsNothing() {
        users.add(User.registerWithPassword(new Username("alice"), new EmailAddress("a@example.com"), RIVALS_HASH, NOW))
                .block();

        service(users, Schedulers.immediate())
                .register(new RegistrationCommand("alice", "b@example.com", PASSWORD, PASSWORD), Origin.unknown())
                .block();

        assertThat(outbox.entries()).isEmpty();
        assertThat(linkTokens.count()).isZero();
    }

    @Test
    void aSignUpThatLosesTheRaceMailsNothing() {
        User rival = User.registerWithPassword(
                new Username("rival"), new EmailAddress("alice@example.com"), RIVALS_HASH, NOW);

        service(new RivalSignsUpInBetween(users, rival), Schedulers.immediate())
                .register(new RegistrationCommand("alice", "alice@example.com", PASSWORD, PASSWORD), Origin.unknown())
                .block();

        assertThat(outbox.entries()).isEmpty();
        assertThat(linkTokens.count()).isZero();
    }

    private RegisterUserService service() {
        return service(users, Schedulers.immediate());
    }

    @Test
    void registerWhenEveryFieldValidThenStoresActiveUserWithAHashNotThePassword() {
        clock.advance(Duration.ofHours(3));

        StepVerifier.create(service()
                        .register(
                                new RegistrationCommand("alice", "alice@example.com", PASSWORD, PASSWORD),
                                Origin.unknown()))
                .assertNext(outcome -> assertThat(outcome)
                        .isInstanceOfSatisfying(RegistrationOutcome.Registered.class, registered -> {
                            User user = registered.user();
                            assertThat(user.username()).isEqualTo(new Username("alice"));
                            assertThat(user.email()).isEqualTo(new EmailAddress("alice@example.com"));
                            assertThat(user.isActive()).isTrue();
                            assertThat(user.registeredAt()).isEqualTo(NOW.plus(Duration.ofHours(3)));
                            assertThat(user.passwordHash()).hasValueSatisfying(hash -> {
                                assertThat(hash.encoded()).isNotEqualTo(PASSWORD);
                                assertThat(fakeHasher.verify(PASSWORD, hash)).isEqualTo(PasswordCheck.MATCHES);
                            });
                        }))
                .verifyComplete();

        assertThat(hasher.hashedPasswords()).containsExactly(PASSWORD);
        StepVerifier.create(users.findByLogin("alice"))
                .assertNext(stored -> assertThat(stored.passwordHash())
                        .hasValueSatisfying(hash ->
                                assertThat(fakeHasher.verify(PASSWORD, hash)).isEqualTo(PasswordCheck.MATCHES)))
                .verifyComplete();
    }

    @Test
    void registerKeepsTheUsernameAsTypedButTrimmedAndNormalizesTheEmail() {
        StepVerifier.create(service()
                        .register(
                                new RegistrationCommand(
                                        "  Alice.Smith ", " Alice.Smith@Example.COM ", PASSWORD, PASSWORD),
                                Origin.unknown()))
                .assertNext(outcome -> assertThat(outcome)
                        .isInstanceOfSatisfying(RegistrationOutcome.Registered.class, registered -> {
                            assertThat(registered.user().username().value()).isEqualTo("Alice.Smith");
                            assertThat(registered.user().email().value()).isEqualTo("alice.smith@example.com");
                        }))
                .verifyComplete();
    }

    @Test
    void registerHashesThePasswordInItsNormalizedForm() {
        String decomposed = "cafe\u0301 au lait tous les matins";

        StepVerifier.create(service()
                        .register(
                                new RegistrationCommand("alice", "alice@example.com", decomposed, decomposed),
                                Origin.unknown()))
                .expectNextMatches(RegistrationOutcome.Registered.class::isInstance)
                .verifyComplete();

        assertThat(hasher.hashedPasswords()).containsExactly("caf\u00E9 au lait tous les matins");
    }

    @Test
    void registerWhenEveryFieldWrongThenAllProblemsReportedTogetherAndNothingHashedOrStored() {
        StepVerifier.create(service()
                        .register(new RegistrationCommand("a b", "not-an-email", "short", "shorter"), Origin.unknown()))
                .assertNext(outcome -> assertThat(problems(outcome))
                        .isEqualTo(Map.of(
                                RegistrationField.USERNAME,
                                        List.of(new RegistrationProblem.InvalidUsername(
                                                new UsernameRejection.ForbiddenCharacters())),
                                RegistrationField.EMAIL,
                                        List.of(new RegistrationProblem.InvalidEmail(new EmailRejection.Malformed())),
                                RegistrationField.PASSWORD, List.of(weak(new PasswordRejection.TooShort(8))),
                                RegistrationField.PASSWORD_REPEAT, List.of(new RegistrationProblem.PasswordsDiffer()))))
                .verifyComplete();

        assertThat(hasher.hashedPasswords()).isEmpty();
        assertThat(users.count()).isZero();
    }

    @Test
    void registerWhenFieldsMissingThenAskedForEach() {
        StepVerifier.create(service().register(new RegistrationCommand(null, " ", "", null), Origin.unknown()))
                .assertNext(outcome -> assertThat(problems(outcome))
                        .isEqualTo(Map.of(
                                RegistrationField.USERNAME,
                                        List.of(new RegistrationProblem.InvalidUsername(
                                                new UsernameRejection.Missing())),
                                RegistrationField.EMAIL,
                                        List.of(new RegistrationProblem.InvalidEmail(new EmailRejection.Missing())),
                                RegistrationField.PASSWORD, List.of(new RegistrationProblem.PasswordMissing()))))
                .verifyComplete();
    }

    @Test
    void registerWhenRepeatDiffersThenOnlyTheRepeatFieldIsWrong() {
        StepVerifier.create(service()
                        .register(
                                new RegistrationCommand("alice", "alice@example.com", PASSWORD, PASSWORD + " "),
                                Origin.unknown()))
                .assertNext(outcome -> assertThat(problems(outcome))
                        .isEqualTo(Map.of(
                                RegistrationField.PASSWORD_REPEAT, List.of(new RegistrationProblem.PasswordsDiffer()))))
                .verifyComplete();

        assertThat(users.count()).isZero();
    }

    @Test
    void registerWhenPasswordContainsTheUsernameThenPasswordFieldError() {
        String password = "ALICE-in-wonderland";

        StepVerifier.create(service()
                        .register(
                                new RegistrationCommand("alice", "alice@example.com", password, password),
                                Origin.unknown()))
                .assertNext(outcome -> assertThat(problems(outcome))
                        .isEqualTo(Map.of(
                                RegistrationField.PASSWORD,
                                List.of(
                                        weak(new PasswordRejection.ContainsUsername()),
                                        weak(new PasswordRejection.ContainsEmail())))))
                .verifyComplete();
    }

    @Test
    void registerWhenPasswordContainsTheEmailLocalPartThenPasswordFieldError() {
        String password = "forever-wonder.land-77";

        StepVerifier.create(service()
                        .register(
                                new RegistrationCommand("alice", "wonder.land@example.com", password, password),
                                Origin.unknown()))
                .assertNext(outcome -> assertThat(problems(outcome))
                        .isEqualTo(Map.of(
                                RegistrationField.PASSWORD, List.of(weak(new PasswordRejection.ContainsEmail())))))
                .verifyComplete();
    }

    @Test
    void registerWhenUsernameInvalidThenPasswordStillJudgedAgainstTheEmail() {
        String password = "forever-wonder.land-77";

        StepVerifier.create(service()
                        .register(
                                new RegistrationCommand("a", "wonder.land@example.com", password, password),
                                Origin.unknown()))
                .assertNext(outcome -> assertThat(problems(outcome))
                        .containsOnlyKeys(RegistrationField.USERNAME, RegistrationField.PASSWORD)
                        .containsEntry(
                                RegistrationField.PASSWORD, List.of(weak(new PasswordRejection.ContainsEmail()))))
                .verifyComplete();
    }

    @Test
    void registerWhenPasswordCommonThenPasswordFieldError() {
        StepVerifier.create(service()
                        .register(
                                new RegistrationCommand("alice", "alice@example.com", "QwertyUiop", "QwertyUiop"),
                                Origin.unknown()))
                .assertNext(outcome -> assertThat(problems(outcome))
                        .containsOnlyKeys(RegistrationField.PASSWORD)
                        .hasEntrySatisfying(
                                RegistrationField.PASSWORD,
                                problems -> assertThat(problems)
                                        .singleElement()
                                        .isEqualTo(weak(new PasswordRejection.Common()))))
                .verifyComplete();
    }

    @Test
    void registerWhenPasswordHasAControlCharacterThenPasswordFieldErrorAndNothingHashedOrStored() {
        String password = "correct horse\u001bbattery staple";

        StepVerifier.create(service()
                        .register(
                                new RegistrationCommand("alice", "alice@example.com", password, password),
                                Origin.unknown()))
                .assertNext(outcome -> assertThat(problems(outcome))
                        .isEqualTo(Map.of(
                                RegistrationField.PASSWORD, List.of(weak(new PasswordRejection.ControlCharacters())))))
                .verifyComplete();

        assertThat(hasher.hashedPasswords()).isEmpty();
        assertThat(users.count()).isZero();
    }

    @Test
    void registerWhenPasswordBreaksSeveralRulesThenEveryReasonListed() {
        StepVerifier.create(service()
                        .register(new RegistrationCommand("bob", "bob@example.com", "bob", "bob"), Origin.unknown()))
                .assertNext(outcome -> assertThat(problems(outcome))
                        .isEqualTo(Map.of(
                                RegistrationField.PASSWORD,
                                List.of(
                                        weak(new PasswordRejection.TooShort(8)),
                                        weak(new PasswordRejection.ContainsUsername()),
                                        weak(new PasswordRejection.ContainsEmail())))))
                .verifyComplete();
    }

    @Test
    void registerWhenUsernameAndEmailTakenInOtherCaseThenBothReportedAtOnceWithoutHashing() {
        stored(User.registerWithPassword(new Username("bob"), new EmailAddress("bob@example.com"), RIVALS_HASH, NOW));
        stored(User.registerWithPassword(
                new Username("carol"), new EmailAddress("carol@example.com"), RIVALS_HASH, NOW));

        StepVerifier.create(service()
                        .register(
                                new RegistrationCommand("BOB", "Carol@Example.com", PASSWORD, PASSWORD),
                                Origin.unknown()))
                .assertNext(outcome -> assertThat(problems(outcome))
                        .isEqualTo(Map.of(
                                RegistrationField.USERNAME, List.of(new RegistrationProblem.UsernameTaken()),
                                RegistrationField.EMAIL, List.of(new RegistrationProblem.EmailTaken()))))
                .verifyComplete();

        assertThat(hasher.hashedPasswords()).isEmpty();
        assertThat(users.count()).isEqualTo(2);
    }

    @Test
    void registerWhenOnlyUsernameTakenInOtherCaseThenOnlyUsernameFieldError() {
        stored(User.registerWithPassword(new Username("Bob"), new EmailAddress("bob@example.com"), RIVALS_HASH, NOW));

        StepVerifier.create(service()
                        .register(
                                new RegistrationCommand("bOB", "robert@example.com", PASSWORD, PASSWORD),
                                Origin.unknown()))
                .assertNext(outcome -> assertThat(problems(outcome))
                        .isEqualTo(
                                Map.of(RegistrationField.USERNAME, List.of(new RegistrationProblem.UsernameTaken()))))
                .verifyComplete();
    }

    @Test
    void registerWhenOnlyEmailTakenInOtherCaseThenOnlyEmailFieldError() {
        stored(User.registerWithExternalIdentity(
                new Username("bob"), new EmailAddress("bob@example.com"), new ExternalIdentity("github", "42"), NOW));

        StepVerifier.create(service()
                        .register(
                                new RegistrationCommand("robert", "BOB@example.COM", PASSWORD, PASSWORD),
                                Origin.unknown()))
                .assertNext(outcome -> assertThat(problems(outcome))
                        .isEqualTo(Map.of(RegistrationField.EMAIL, List.of(new RegistrationProblem.EmailTaken()))))
                .verifyComplete();
    }

    @Test
    void registerWhenRivalTakesTheUsernameBetweenCheckAndStoreThenUsernameFieldError() {
        User rival = User.registerWithPassword(
                new Username("ALICE"), new EmailAddress("rival@example.com"), RIVALS_HASH, NOW);
        RivalSignsUpInBetween racing = new RivalSignsUpInBetween(users, rival);

        StepVerifier.create(service(racing, Schedulers.immediate())
                        .register(
                                new RegistrationCommand("alice", "alice@example.com", PASSWORD, PASSWORD),
                                Origin.unknown()))
                .assertNext(outcome -> assertThat(problems(outcome))
                        .isEqualTo(
                                Map.of(RegistrationField.USERNAME, List.of(new RegistrationProblem.UsernameTaken()))))
                .verifyComplete();

        assertThat(racing.availabilityAnswers()).containsExactly(false, false);
        StepVerifier.create(users.findByLogin("alice")).expectNext(rival).verifyComplete();
        assertThat(users.count()).isEqualTo(1);
    }

    @Test
    void registerWhenRivalTakesTheEmailBetweenCheckAndStoreThenEmailFieldError() {
        User rival = User.registerWithPassword(
                new Username("rival"), new EmailAddress("alice@example.com"), RIVALS_HASH, NOW);
        RivalSignsUpInBetween racing = new RivalSignsUpInBetween(users, rival);

        StepVerifier.create(service(racing, Schedulers.immediate())
                        .register(
                                new RegistrationCommand("alice", "Alice@example.com", PASSWORD, PASSWORD),
                                Origin.unknown()))
                .assertNext(outcome -> assertThat(problems(outcome))
                        .isEqualTo(Map.of(RegistrationField.EMAIL, List.of(new RegistrationProblem.EmailTaken()))))
                .verifyComplete();

        assertThat(racing.availabilityAnswers()).containsExactly(false, false);
        StepVerifier.create(users.findByLogin("alice@example.com"))
                .expectNext(rival)
                .verifyComplete();
        assertThat(users.count()).isEqualTo(1);
    }

    @Test
    void registerHashesOnTheGivenSchedulerNotOnTheCallersThread() {
        Scheduler hashing = Schedulers.newBoundedElastic(2, 16, "vestibule-test-hashing");
        try {
            StepVerifier.create(service(users, hashing)
                            .register(
                                    new RegistrationCommand("alice", "alice@example.com", PASSWORD, PASSWORD),
                                    Origin.unknown()))
                    .expectNextMatches(RegistrationOutcome.Registered.class::isInstance)
                    .expectComplete()
                    .verify(Duration.ofSeconds(10));

            assertThat(hasher.threadNames())
                    .singleElement()
                    .asString()
                    .startsWith("vestibule-test-hashing-")
                    .isNotEqualTo(Thread.currentThread().getName());
        } finally {
            hashing.dispose();
        }
    }

    private static RegistrationProblem weak(PasswordRejection rejection) {
        return new RegistrationProblem.WeakPassword(rejection);
    }

    private static Map<RegistrationField, List<RegistrationProblem>> problems(RegistrationOutcome outcome) {
        assertThat(outcome).isInstanceOf(RegistrationOutcome.Rejected.class);
        return ((RegistrationOutcome.Rejected) outcome).problems();
    }

    private void stored(User user) {
        StepVerifier.create(users.add(user))
                .expectNext(new AddUserResult.Added(user))
                .verifyComplete();
    }

    /**
     * Lets a rival's sign-up land between the availability check and the insert, as a parallel request
     * can: the check finds the names free, the insert then finds them taken.
     */
    private static final class RivalSignsUpInBetween implements UserRepository {

        private final InMemoryUserRepository delegate;
        private final User rival;
        private final List<Boolean> availabilityAnswers = new CopyOnWriteArrayList<>();

        RivalSignsUpInBetween(InMemoryUserRepository delegate, User rival) {
            this.delegate = delegate;
            this.rival = rival;
        }

        /** What the availability checks answered: "taken?" for the username, then for the email. */
        List<Boolean> availabilityAnswers() {
            return List.copyOf(availabilityAnswers);
        }

        @Override
        public Mono<Void> upgradePasswordHash(UserId id, PasswordHash strongerHash) {
            return delegate.upgradePasswordHash(id, strongerHash);
        }

        @Override
        public Mono<Void> renewSecurityStamp(UserId id, SecurityStamp newStamp) {
            return delegate.renewSecurityStamp(id, newStamp);
        }

        @Override
        public Mono<Boolean> isUsernameTaken(Username username) {
            return delegate.isUsernameTaken(username).doOnNext(availabilityAnswers::add);
        }

        @Override
        public Mono<Boolean> isEmailTaken(EmailAddress email) {
            return delegate.isEmailTaken(email).doOnNext(availabilityAnswers::add);
        }

        @Override
        public Mono<AddUserResult> add(User user) {
            return delegate.add(rival).then(delegate.add(user));
        }

        @Override
        public Mono<User> findById(UserId id) {
            return delegate.findById(id);
        }

        @Override
        public Mono<User> findByLogin(String login) {
            return delegate.findByLogin(login);
        }

        @Override
        public Mono<User> findByExternalIdentity(ExternalIdentity identity) {
            return delegate.findByExternalIdentity(identity);
        }

        @Override
        public Mono<Void> changePasswordHash(UserId id, PasswordHash newHash, SecurityStamp newStamp) {
            return delegate.changePasswordHash(id, newHash, newStamp);
        }

        @Override
        public Mono<Void> remove(UserId id) {
            return delegate.remove(id);
        }

        @Override
        public Mono<Boolean> confirmEmail(UserId id, EmailAddress address) {
            return delegate.confirmEmail(id, address);
        }
    }

    // issue 13 finding 8: breached passwords
    @Test
    void aPasswordTheBreachCheckKnowsIsRefusedOnThePasswordFieldAndNothingIsStoredOrHashed() {
        var breachCheck = new dev.vestibule.application.breachcheck.BreachCheck(
                password -> Mono.just(
                        password.equals(PASSWORD)
                                ? dev.vestibule.domain.model.password.BreachCheckAnswer.BREACHED
                                : dev.vestibule.domain.model.password.BreachCheckAnswer.NOT_BREACHED),
                dev.vestibule.domain.model.password.WhenBreachCheckUnavailable.ACCEPT);
        var service = new RegisterUserService(
                users,
                new OffloadedPasswordHasher(hasher, Schedulers.immediate()),
                policy,
                clock,
                new InMemoryAttemptLimiter(clock),
                ThrottlePolicy.DEFAULT.registrationsPerClientAddress(),
                new SecurityEvents(new InMemorySecurityEventLog(), clock),
                new EmailConfirmations(
                        linkTokens,
                        outbox,
                        new PublicLinks("https://vestibule.test"),
                        Duration.ofHours(24),
                        new java.security.SecureRandom()),
                new InMemoryTransactions(linkTokens, outbox),
                64,
                breachCheck);
        hasher.clear();

        StepVerifier.create(service.register(
                        new RegistrationCommand("breached", "breached@example.com", PASSWORD, PASSWORD, "en"),
                        Origin.unknown()))
                .assertNext(outcome -> assertThat(outcome)
                        .isEqualTo(RegistrationOutcome.Rejected.of(
                                RegistrationField.PASSWORD,
                                new RegistrationProblem.WeakPassword(new PasswordRejection.Breached()))))
                .verifyComplete();
        StepVerifier.create(users.findByLogin("breached")).verifyComplete();
        assertThat(hasher.hashedPasswords()).isEmpty();
    }
}
