package dev.vestibule.adapters.persistence.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.ExternalIdentity;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.SecurityStamp;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.out.AddUserResult;
import dev.vestibule.domain.port.out.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * What every {@link UserRepository} promises, run against the in-memory fake and the R2DBC adapter.
 * Each test makes its own users with random names, so tests share a database in any order.
 */
@Timeout(120)
abstract class UserRepositoryContract {

    /** Microsecond precision: what both PostgreSQL and H2 keep of a timestamp. */
    private static final Instant REGISTERED_AT = Instant.parse("2026-03-04T05:06:07.123456Z");

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    protected abstract UserRepository repository();

    @Test
    void addThenFindByIdReturnsTheUserAsStored() {
        User user = passwordUser();

        StepVerifier.create(repository().add(user))
                .expectNext(new AddUserResult.Added(user))
                .verifyComplete();
        StepVerifier.create(repository().findById(user.id()))
                .assertNext(found -> assertSameUser(found, user))
                .verifyComplete();
    }

    @Test
    void findByIdWhenUnknownThenEmpty() {
        StepVerifier.create(repository().findById(UserId.random())).verifyComplete();
    }

    @Test
    void addWhenInactiveThenFoundInactive() {
        User user = passwordUser().deactivated();
        add(user);

        StepVerifier.create(repository().findById(user.id()))
                .assertNext(found -> assertThat(found.isActive()).isFalse())
                .verifyComplete();
    }

    @Test
    void findByLoginWhenUsernameInAnotherCaseThenFindsUser() {
        User user = passwordUser();
        add(user);

        StepVerifier.create(repository().findByLogin(swapCase(user.username().value())))
                .assertNext(found -> assertSameUser(found, user))
                .verifyComplete();
    }

    @Test
    void findByLoginWhenEmailInAnotherCaseThenFindsUser() {
        User user = passwordUser();
        add(user);

        StepVerifier.create(repository().findByLogin(user.email().value().toUpperCase(Locale.ROOT)))
                .assertNext(found -> assertSameUser(found, user))
                .verifyComplete();
    }

    @Test
    void findByLoginWhenUnknownThenEmpty() {
        add(passwordUser());

        StepVerifier.create(repository().findByLogin(randomName())).verifyComplete();
        StepVerifier.create(repository().findByLogin(randomName() + "@example.com"))
                .verifyComplete();
    }

    @Test
    void findByLoginWhenUsernameIsOnlyAPrefixThenEmpty() {
        User user = passwordUser();
        add(user);

        StepVerifier.create(repository().findByLogin(user.username().value().substring(0, 5)))
                .verifyComplete();
    }

    @Test
    void addWhenExternalIdentityOnlyThenRoundTripsWithoutPassword() {
        ExternalIdentity identity = new ExternalIdentity("github", randomName());
        User user = User.registerWithExternalIdentity(username(), email(), identity, REGISTERED_AT);
        add(user);

        StepVerifier.create(repository().findById(user.id()))
                .assertNext(found -> {
                    assertSameUser(found, user);
                    assertThat(found.passwordHash()).isEmpty();
                    assertThat(found.externalIdentities()).containsExactly(identity);
                })
                .verifyComplete();
        StepVerifier.create(repository().findByExternalIdentity(identity))
                .assertNext(found -> assertSameUser(found, user))
                .verifyComplete();
        StepVerifier.create(repository().findByLogin(user.username().value()))
                .assertNext(found -> assertThat(found.externalIdentities()).containsExactly(identity))
                .verifyComplete();
    }

    @Test
    void addWhenSeveralExternalIdentitiesThenKeepsThemAll() {
        ExternalIdentity github = new ExternalIdentity("github", randomName());
        ExternalIdentity google = new ExternalIdentity("google", randomName());
        User user = User.restore(
                UserId.random(),
                username(),
                email(),
                null,
                List.of(github, google),
                true,
                REGISTERED_AT,
                SecurityStamp.random(),
                false);
        add(user);

        StepVerifier.create(repository().findByExternalIdentity(google))
                .assertNext(found -> {
                    assertThat(found.id()).isEqualTo(user.id());
                    assertThat(found.externalIdentities()).containsExactlyInAnyOrder(github, google);
                })
                .verifyComplete();
    }

    @Test
    void findByExternalIdentityWhenSubjectOrProviderDiffersThenEmpty() {
        ExternalIdentity identity = new ExternalIdentity("github", randomName());
        add(User.registerWithExternalIdentity(username(), email(), identity, REGISTERED_AT));

        StepVerifier.create(repository().findByExternalIdentity(new ExternalIdentity("github", randomName())))
                .verifyComplete();
        StepVerifier.create(repository().findByExternalIdentity(new ExternalIdentity("gitlab", identity.subject())))
                .verifyComplete();
    }

    @Test
    void isUsernameTakenWhenStoredInAnotherCaseThenTrue() {
        User user = passwordUser();
        add(user);

        StepVerifier.create(repository()
                        .isUsernameTaken(new Username(swapCase(user.username().value()))))
                .expectNext(true)
                .verifyComplete();
    }

    @Test
    void isUsernameTakenWhenNobodyHasItThenFalse() {
        StepVerifier.create(repository().isUsernameTaken(username()))
                .expectNext(false)
                .verifyComplete();
    }

    @Test
    void isEmailTakenWhenStoredThenTrueOtherwiseFalse() {
        User user = passwordUser();
        add(user);

        StepVerifier.create(repository().isEmailTaken(user.email()))
                .expectNext(true)
                .verifyComplete();
        StepVerifier.create(repository().isEmailTaken(email()))
                .expectNext(false)
                .verifyComplete();
    }

    @Test
    void addWhenUsernameTakenInAnotherCaseThenUsernameTakenAndNothingStored() {
        User first = passwordUser();
        add(first);
        User second = passwordUser(new Username(swapCase(first.username().value())), email());

        StepVerifier.create(repository().add(second))
                .expectNext(new AddUserResult.UsernameTaken())
                .verifyComplete();
        StepVerifier.create(repository().findById(second.id())).verifyComplete();
        StepVerifier.create(repository().findByLogin(second.email().value())).verifyComplete();
    }

    @Test
    void addWhenEmailTakenThenEmailTakenAndNothingStored() {
        User first = passwordUser();
        add(first);
        User second = passwordUser(username(), first.email());

        StepVerifier.create(repository().add(second))
                .expectNext(new AddUserResult.EmailTaken())
                .verifyComplete();
        StepVerifier.create(repository().findById(second.id())).verifyComplete();
        StepVerifier.create(repository().findByLogin(second.username().value())).verifyComplete();
    }

    @Test
    void addWhenUsernameAndEmailBothTakenThenUsernameTaken() {
        User first = passwordUser();
        add(first);

        StepVerifier.create(repository().add(passwordUser(first.username(), first.email())))
                .expectNext(new AddUserResult.UsernameTaken())
                .verifyComplete();
    }

    @Test
    void addWhenRejectedThenItsExternalIdentityIsNotStored() {
        User first = passwordUser();
        add(first);
        ExternalIdentity identity = new ExternalIdentity("github", randomName());
        User second = User.registerWithExternalIdentity(first.username(), email(), identity, REGISTERED_AT);

        StepVerifier.create(repository().add(second))
                .expectNext(new AddUserResult.UsernameTaken())
                .verifyComplete();
        StepVerifier.create(repository().findByExternalIdentity(identity)).verifyComplete();
    }

    @Test
    void addWhenValueLooksLikeTheOtherConstraintThenStillTellsWhichIsTaken() {
        // Some drivers quote the offending value next to the constraint's name in their message.
        User first = passwordUser(
                new Username("users_email_key" + randomName().substring(0, 8)),
                new EmailAddress("users_username_key." + randomName() + "@example.com"));
        add(first);

        StepVerifier.create(repository().add(passwordUser(first.username(), email())))
                .expectNext(new AddUserResult.UsernameTaken())
                .verifyComplete();
        StepVerifier.create(repository().add(passwordUser(username(), first.email())))
                .expectNext(new AddUserResult.EmailTaken())
                .verifyComplete();
    }

    @Test
    void addWhenSameUsernameRacesThenExactlyOneAdded() {
        String name = randomName();
        List<User> contenders = IntStream.range(0, 8)
                .mapToObj(i -> passwordUser(new Username(i % 2 == 0 ? name : name.toUpperCase(Locale.ROOT)), email()))
                .toList();

        // Each add on its own thread, so that the inserts really overlap in the store.
        List<AddUserResult> results = Flux.merge(contenders.stream()
                        .map(user -> repository().add(user).subscribeOn(Schedulers.boundedElastic()))
                        .toList())
                .collectList()
                .block(TIMEOUT);

        assertThat(results).hasSize(contenders.size());
        assertThat(results).filteredOn(AddUserResult.Added.class::isInstance).hasSize(1);
        assertThat(results)
                .filteredOn(AddUserResult.UsernameTaken.class::isInstance)
                .hasSize(contenders.size() - 1);
        User winner = results.stream()
                .filter(AddUserResult.Added.class::isInstance)
                .map(result -> ((AddUserResult.Added) result).user())
                .findFirst()
                .orElseThrow();
        StepVerifier.create(repository().findByLogin(name))
                .assertNext(found -> assertSameUser(found, winner))
                .verifyComplete();
    }

    @Test
    void changePasswordHashThenFoundWithNewHash() {
        User user = passwordUser();
        add(user);
        PasswordHash newHash = new PasswordHash("{test}" + randomName());

        StepVerifier.create(repository().changePasswordHash(user.id(), newHash)).verifyComplete();
        StepVerifier.create(repository().findById(user.id()))
                .assertNext(found -> {
                    assertThat(found.passwordHash()).contains(newHash);
                    assertThat(found.securityStamp()).isNotEqualTo(user.securityStamp());
                })
                .verifyComplete();
    }

    @Test
    void changePasswordHashWhenUserHadNoneThenHasOne() {
        ExternalIdentity identity = new ExternalIdentity("github", randomName());
        User user = User.registerWithExternalIdentity(username(), email(), identity, REGISTERED_AT);
        add(user);
        PasswordHash hash = new PasswordHash("{test}" + randomName());

        StepVerifier.create(repository().changePasswordHash(user.id(), hash)).verifyComplete();
        StepVerifier.create(repository().findByExternalIdentity(identity))
                .assertNext(found -> assertThat(found.passwordHash()).contains(hash))
                .verifyComplete();
    }

    @Test
    void changePasswordHashWhenUnknownUserThenCompletesAndChangesNobody() {
        User bystander = passwordUser();
        add(bystander);

        StepVerifier.create(repository().changePasswordHash(UserId.random(), new PasswordHash("{test}x")))
                .verifyComplete();
        StepVerifier.create(repository().findById(bystander.id()))
                .assertNext(found -> assertThat(found.passwordHash()).isEqualTo(bystander.passwordHash()))
                .verifyComplete();
    }

    @Test
    void addKeepsTheSecurityStampAndAnUnconfirmedEmail() {
        User user = passwordUser();
        add(user);

        StepVerifier.create(repository().findById(user.id()))
                .assertNext(found -> {
                    assertThat(found.securityStamp()).isEqualTo(user.securityStamp());
                    assertThat(found.isEmailConfirmed()).isFalse();
                })
                .verifyComplete();
    }

    @Test
    void changePasswordHashRenewsTheSecurityStamp() {
        User user = passwordUser();
        add(user);
        SecurityStamp chosen = SecurityStamp.random();

        StepVerifier.create(repository().changePasswordHash(user.id(), new PasswordHash("{test}a"), chosen))
                .verifyComplete();
        StepVerifier.create(repository().findById(user.id()))
                .assertNext(found -> assertThat(found.securityStamp()).isEqualTo(chosen))
                .verifyComplete();

        StepVerifier.create(repository().changePasswordHash(user.id(), new PasswordHash("{test}b")))
                .as("the two-argument form, as the password-reset service calls it")
                .verifyComplete();
        StepVerifier.create(repository().findById(user.id()))
                .assertNext(found ->
                        assertThat(found.securityStamp()).isNotEqualTo(chosen).isNotEqualTo(user.securityStamp()))
                .verifyComplete();
    }

    @Test
    void renewSecurityStampChangesOnlyTheStamp() {
        User user = passwordUser();
        add(user);
        SecurityStamp next = SecurityStamp.random();

        StepVerifier.create(repository().renewSecurityStamp(user.id(), next)).verifyComplete();
        StepVerifier.create(repository().findById(user.id()))
                .assertNext(found -> assertSameUser(found, user.withSecurityStamp(next)))
                .verifyComplete();
        StepVerifier.create(repository().renewSecurityStamp(UserId.random(), SecurityStamp.random()))
                .as("an unknown user")
                .verifyComplete();
    }

    // email confirmation
    @Test
    void confirmEmailSetsTheAddressMarksItConfirmedAndTheLoginFollowsIt() {
        User alice = passwordUser();
        add(alice);
        EmailAddress moved = email();

        StepVerifier.create(repository().confirmEmail(alice.id(), moved))
                .expectNext(true)
                .expectComplete()
                .verify(TIMEOUT);

        StepVerifier.create(repository().findById(alice.id()))
                .assertNext(found -> {
                    assertThat(found.email()).isEqualTo(moved);
                    assertThat(found.isEmailConfirmed()).isTrue();
                    assertThat(found.securityStamp()).isEqualTo(alice.securityStamp());
                })
                .verifyComplete();
        StepVerifier.create(repository().findByLogin(moved.value().toUpperCase(Locale.ROOT)))
                .assertNext(found -> assertThat(found.id()).isEqualTo(alice.id()))
                .verifyComplete();
        StepVerifier.create(repository().isEmailTaken(alice.email()))
                .expectNext(false)
                .verifyComplete();
    }

    @Test
    void confirmEmailOfTheAddressTheUserHasMarksItConfirmed() {
        User alice = passwordUser();
        add(alice);

        StepVerifier.create(repository().confirmEmail(alice.id(), alice.email()))
                .expectNext(true)
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(repository().findById(alice.id()))
                .assertNext(found -> assertThat(found.isEmailConfirmed()).isTrue())
                .verifyComplete();
    }

    @Test
    void confirmEmailWhenAnotherAccountHasTheAddressThenFalseAndNothingChanges() {
        User alice = passwordUser();
        User bob = passwordUser();
        add(alice);
        add(bob);

        StepVerifier.create(repository().confirmEmail(alice.id(), bob.email()))
                .expectNext(false)
                .expectComplete()
                .verify(TIMEOUT);

        StepVerifier.create(repository().findById(alice.id()))
                .assertNext(found -> {
                    assertThat(found.email()).isEqualTo(alice.email());
                    assertThat(found.isEmailConfirmed()).isFalse();
                })
                .verifyComplete();
    }

    // account deletion
    @Test
    void removeThenTheUserIsGoneEverywhereAndTheNamesAreFreeAgain() {
        User alice = User.registerWithExternalIdentity(
                username(), email(), new ExternalIdentity("github", randomName()), REGISTERED_AT);
        User bystander = passwordUser();
        add(alice);
        add(bystander);

        StepVerifier.create(repository().remove(alice.id())).expectComplete().verify(TIMEOUT);

        StepVerifier.create(repository().findById(alice.id())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(repository().findByLogin(alice.username().value()))
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(repository()
                        .findByExternalIdentity(alice.externalIdentities().get(0)))
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(repository().findById(bystander.id()))
                .expectNext(bystander)
                .expectComplete()
                .verify(TIMEOUT);
        add(User.registerWithExternalIdentity(
                alice.username(), alice.email(), alice.externalIdentities().get(0), REGISTERED_AT));
    }

    @Test
    void removeWhenUnknownUserThenCompletes() {
        StepVerifier.create(repository().remove(UserId.random()))
                .expectComplete()
                .verify(TIMEOUT);
    }

    protected final void add(User user) {
        StepVerifier.create(repository().add(user))
                .expectNext(new AddUserResult.Added(user))
                .expectComplete()
                .verify(TIMEOUT);
    }

    protected static User passwordUser() {
        return passwordUser(username(), email());
    }

    protected static User passwordUser(Username username, EmailAddress email) {
        return User.registerWithPassword(username, email, new PasswordHash("{test}" + randomName()), REGISTERED_AT);
    }

    /** Mixed case, so that a store which forgets to ignore case is caught. */
    protected static Username username() {
        return new Username("User-" + randomName());
    }

    protected static EmailAddress email() {
        return new EmailAddress(randomName() + "@example.com");
    }

    /** 16 random lower-case hex digits: fits a username with room to spare. */
    protected static String randomName() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    }

    private static String swapCase(String text) {
        StringBuilder swapped = new StringBuilder(text.length());
        text.codePoints()
                .forEach(c -> swapped.appendCodePoint(
                        Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c)));
        return swapped.toString();
    }

    /** User.equals compares ids only; a repository must keep every field. */
    private static void assertSameUser(User actual, User expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.username()).isEqualTo(expected.username());
        assertThat(actual.email()).isEqualTo(expected.email());
        assertThat(actual.passwordHash().map(PasswordHash::encoded))
                .isEqualTo(expected.passwordHash().map(PasswordHash::encoded));
        assertThat(actual.externalIdentities()).containsExactlyInAnyOrderElementsOf(expected.externalIdentities());
        assertThat(actual.isActive()).isEqualTo(expected.isActive());
        assertThat(actual.registeredAt()).isEqualTo(expected.registeredAt());
        assertThat(actual.securityStamp()).isEqualTo(expected.securityStamp());
        assertThat(actual.isEmailConfirmed()).isEqualTo(expected.isEmailConfirmed());
    }
}
