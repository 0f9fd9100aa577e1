package dev.vestibule.application.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.application.fakes.FakePasskeyVerifier;
import dev.vestibule.application.fakes.InMemoryAttemptLimiter;
import dev.vestibule.application.fakes.InMemoryMailOutbox;
import dev.vestibule.application.fakes.InMemoryPasskeyChallenges;
import dev.vestibule.application.fakes.InMemoryPasskeyRepository;
import dev.vestibule.application.fakes.InMemorySecurityEventLog;
import dev.vestibule.application.fakes.InMemoryTransactions;
import dev.vestibule.application.fakes.InMemoryUserRepository;
import dev.vestibule.application.fakes.MutableClock;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.login.Factor;
import dev.vestibule.domain.model.login.SignInFactors;
import dev.vestibule.domain.model.mail.SecurityNotice;
import dev.vestibule.domain.model.passkey.CredentialId;
import dev.vestibule.domain.model.passkey.Passkey;
import dev.vestibule.domain.model.passkey.PasskeyChallenge;
import dev.vestibule.domain.model.passkey.RelyingParty;
import dev.vestibule.domain.model.passkey.UserHandle;
import dev.vestibule.domain.model.reauthentication.ReauthenticationOutcome;
import dev.vestibule.domain.model.throttling.ThrottlePolicy;
import dev.vestibule.domain.model.twofactor.PendingLogin;
import dev.vestibule.domain.model.twofactor.SecondFactors;
import dev.vestibule.domain.model.user.EmailAddress;
import dev.vestibule.domain.model.user.PasswordHash;
import dev.vestibule.domain.model.user.User;
import dev.vestibule.domain.model.user.Username;
import dev.vestibule.domain.port.in.ConfirmCurrentPassword;
import dev.vestibule.domain.port.in.PasskeyChange;
import dev.vestibule.domain.port.in.PasskeyCreationOptions;
import dev.vestibule.domain.port.in.PasskeyRefusal;
import dev.vestibule.domain.port.in.PasskeyRegistrationCommand;
import dev.vestibule.domain.port.in.PasskeyRegistrationOutcome;
import dev.vestibule.domain.port.in.PasskeyRegistrationStart;
import dev.vestibule.domain.port.in.PasskeyRemovalCommand;
import dev.vestibule.domain.port.in.PasskeyRenameCommand;
import dev.vestibule.domain.port.in.PasskeySignInAttempt;
import dev.vestibule.domain.port.in.PasskeySignInOutcome;
import dev.vestibule.domain.port.in.ReauthenticationAttempt;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Adding, using, renaming and removing passkeys, against in-memory fakes and a verifier that reads plain text. */
class PasskeyServicesTests {

    private static final Instant NOW = Instant.parse("2026-12-08T02:00:00Z");
    private static final Origin ORIGIN = new Origin("203.0.113.9", "Test");
    private static final Duration T = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock(NOW);
    private final SecureRandom random = new SecureRandom();
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryPasskeyRepository passkeys = new InMemoryPasskeyRepository();
    private final InMemoryPasskeyChallenges challenges = new InMemoryPasskeyChallenges();
    private final InMemorySecurityEventLog log = new InMemorySecurityEventLog();
    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final SecurityEvents events = new SecurityEvents(log, clock);
    private final InMemoryTransactions transactions = new InMemoryTransactions(passkeys, log, outbox);
    private final PasskeySettings settings =
            new PasskeySettings(RelyingParty.forPublicUrl("http://localhost:8080", "Vestibule"));
    private final AtomicBoolean windowOpen = new AtomicBoolean(true);
    private final ConfirmCurrentPassword confirm = attempt -> Mono.just(
            windowOpen.get()
                    ? new ReauthenticationOutcome.Confirmed(Optional.empty())
                    : new ReauthenticationOutcome.PasswordRequired());
    private final PasskeyRegistrationService registration = new PasskeyRegistrationService(
            confirm,
            users,
            passkeys,
            challenges,
            new FakePasskeyVerifier(),
            outbox,
            transactions,
            events,
            settings,
            clock,
            random);
    private final PasskeyManagementService management =
            new PasskeyManagementService(passkeys, confirm, users, outbox, transactions, events, clock);
    private final PasskeySignInService signIn = new PasskeySignInService(
            passkeys,
            challenges,
            new FakePasskeyVerifier(),
            users,
            new InMemoryAttemptLimiter(clock),
            ThrottlePolicy.DEFAULT,
            events,
            settings,
            clock,
            random);

    private User storedUser(String name) {
        User user = User.registerWithPassword(
                new Username(name), new EmailAddress(name + "@example.com"), new PasswordHash("{test}x"), NOW);
        users.add(user).block(T);
        return user;
    }

    private static ReauthenticationAttempt windowOpenFor(User user) {
        return ReauthenticationAttempt.of(user.id(), null, Optional.of(NOW), ORIGIN);
    }

    private PasskeyCreationOptions begin(User user) {
        var start = registration
                .begin(ReauthenticationAttempt.of(user.id(), null, Optional.of(NOW), ORIGIN))
                .block(T);
        return ((PasskeyRegistrationStart.Ready) start).options();
    }

    private Passkey add(User user, CredentialId credential) {
        PasskeyCreationOptions options = begin(user);
        var outcome = registration
                .finish(new PasskeyRegistrationCommand(
                        user.id(),
                        FakePasskeyVerifier.registration(options.challenge(), credential, true),
                        "Laptop",
                        ORIGIN,
                        "en"))
                .block(T);
        return ((PasskeyRegistrationOutcome.Added) outcome).passkey();
    }

    private static CredentialId credential(String seed) {
        return CredentialId.of(("credential-" + seed).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private PasskeySignInOutcome signInWith(CredentialId credential, UserHandle handle, long count) {
        String challenge = signIn.begin(Optional.empty()).block(T).challenge();
        return signIn.finish(new PasskeySignInAttempt(
                        FakePasskeyVerifier.assertion(challenge, credential, Optional.of(handle), count, true),
                        Optional.empty(),
                        ORIGIN))
                .block(T);
    }

    @Test
    void beginRegistrationWhenWindowClosedThenAsksForThePasswordAndIssuesNoChallenge() {
        User user = storedUser("alice");
        windowOpen.set(false);

        var start = registration
                .begin(ReauthenticationAttempt.of(user.id(), null, Optional.empty(), ORIGIN))
                .block(T);

        assertThat(start).isInstanceOf(PasskeyRegistrationStart.NotConfirmed.class);
        assertThat(challenges.size()).isZero();
    }

    @Test
    void beginRegistrationGivesARandomUserHandleNeverTheUsernameOrIdAndExcludesExistingCredentials() {
        User user = storedUser("bob");
        CredentialId first = credential("bob-1");
        add(user, first);

        PasskeyCreationOptions options = begin(user);

        assertThat(options.rpId()).isEqualTo("localhost");
        assertThat(options.userHandle().bytes()).hasSize(32);
        assertThat(new String(options.userHandle().bytes(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("bob")
                .doesNotContain(user.id().toString());
        assertThat(options.excludeCredentials()).containsExactly(first);
        assertThat(begin(user).userHandle()).isEqualTo(options.userHandle());
    }

    @Test
    void finishRegistrationStoresThePasskeyRecordsAnEventAndQueuesTheNoticeAndCountsAsASecondFactor() {
        User user = storedUser("carol");

        Passkey passkey = add(user, credential("carol"));

        assertThat(passkey.name()).isEqualTo("Laptop");
        assertThat(log.types()).contains(SecurityEventType.PASSKEY_ADDED);
        assertThat(outbox.entries())
                .extracting(entry -> ((SecurityNotice) entry.mail()).notice())
                .containsExactly(SecurityNotice.Notice.SECOND_FACTOR_CHANGED);
        assertThat(new PasskeyEnrolments(passkeys).of(user.id()).block(T)).isEqualTo(new SecondFactors(false, 0, 1));
    }

    @Test
    void finishRegistrationWhenChallengeUsedTwiceThenTheSecondIsRefused() {
        User user = storedUser("dave");
        PasskeyCreationOptions options = begin(user);
        String response = FakePasskeyVerifier.registration(options.challenge(), credential("dave"), true);

        registration
                .finish(new PasskeyRegistrationCommand(user.id(), response, "", ORIGIN, "en"))
                .block(T);
        var again = registration
                .finish(new PasskeyRegistrationCommand(
                        user.id(),
                        FakePasskeyVerifier.registration(options.challenge(), credential("dave-2"), true),
                        "",
                        ORIGIN,
                        "en"))
                .block(T);

        assertThat(again).isEqualTo(new PasskeyRegistrationOutcome.Refused(PasskeyRefusal.CHALLENGE_NOT_VALID));
    }

    @Test
    void finishRegistrationWithAnotherUsersChallengeThenRefused() {
        User mallory = storedUser("mallory");
        User victim = storedUser("victim");
        PasskeyCreationOptions victims = begin(victim);

        var outcome = registration
                .finish(new PasskeyRegistrationCommand(
                        mallory.id(),
                        FakePasskeyVerifier.registration(victims.challenge(), credential("m"), true),
                        "",
                        ORIGIN,
                        "en"))
                .block(T);

        assertThat(outcome).isEqualTo(new PasskeyRegistrationOutcome.Refused(PasskeyRefusal.CHALLENGE_NOT_VALID));
    }

    @Test
    void signInWithoutPasswordSignsInTheOwnerAndMovesTheCounterOn() {
        User user = storedUser("erin");
        Passkey passkey = add(user, credential("erin"));
        UserHandle handle = begin(user).userHandle();

        var outcome = signInWith(passkey.credentialId(), handle, 1);

        assertThat(outcome).isEqualTo(new PasskeySignInOutcome.SignedIn(user));
        Passkey used = passkeys.findByCredentialId(passkey.credentialId()).block(T);
        assertThat(used.signCount()).isEqualTo(1);
        assertThat(used.lastUsedAt()).contains(NOW);
        assertThat(log.types()).contains(SecurityEventType.LOGIN_SUCCEEDED);
    }

    @Test
    void signInWhenCounterDoesNotIncreaseThenRefusedAndACloneIsSuspected() {
        User user = storedUser("frank");
        Passkey passkey = add(user, credential("frank"));
        UserHandle handle = begin(user).userHandle();
        signInWith(passkey.credentialId(), handle, 5);

        var outcome = signInWith(passkey.credentialId(), handle, 5);

        assertThat(outcome).isEqualTo(new PasskeySignInOutcome.Refused(PasskeyRefusal.POSSIBLY_CLONED));
        assertThat(log.types()).contains(SecurityEventType.PASSKEY_CLONE_SUSPECTED);
    }

    @Test
    void signInWhenAssertionReplayedThenRefused() {
        User user = storedUser("grace");
        Passkey passkey = add(user, credential("grace"));
        UserHandle handle = begin(user).userHandle();
        String challenge = signIn.begin(Optional.empty()).block(T).challenge();
        String response =
                FakePasskeyVerifier.assertion(challenge, passkey.credentialId(), Optional.of(handle), 0, true);

        var first = signIn.finish(new PasskeySignInAttempt(response, Optional.empty(), ORIGIN))
                .block(T);
        var replay = signIn.finish(new PasskeySignInAttempt(response, Optional.empty(), ORIGIN))
                .block(T);

        assertThat(first).isInstanceOf(PasskeySignInOutcome.SignedIn.class);
        assertThat(replay).isEqualTo(new PasskeySignInOutcome.Refused(PasskeyRefusal.CHALLENGE_NOT_VALID));
        assertThat(log.types()).contains(SecurityEventType.PASSKEY_SIGN_IN_REFUSED);
    }

    @Test
    void signInWhenUserHandleIsAnotherUsersThenRefused() {
        User owner = storedUser("heidi");
        User other = storedUser("ivan");
        Passkey passkey = add(owner, credential("heidi"));
        UserHandle othersHandle = begin(other).userHandle();

        assertThat(signInWith(passkey.credentialId(), othersHandle, 1))
                .isEqualTo(new PasskeySignInOutcome.Refused(PasskeyRefusal.NOT_VERIFIED));
    }

    @Test
    void signInWhenUserDisabledThenRefused() {
        User user = storedUser("judy");
        Passkey passkey = add(user, credential("judy"));
        UserHandle handle = begin(user).userHandle();
        users.replace(user.deactivated());

        assertThat(signInWith(passkey.credentialId(), handle, 1))
                .isEqualTo(new PasskeySignInOutcome.Refused(PasskeyRefusal.ACCOUNT_UNAVAILABLE));
    }

    @Test
    void secondFactorWhenCredentialIsAnotherUsersThenRefused() {
        User pendingUser = storedUser("kim");
        add(pendingUser, credential("kim"));
        User other = storedUser("leo");
        Passkey othersPasskey = add(other, credential("leo"));
        PendingLogin pending = new PendingLogin(
                pendingUser.id(), pendingUser.securityStamp(), SignInFactors.of(Factor.PASSWORD, NOW), NOW);
        var options = signIn.begin(Optional.of(pending)).block(T);

        var outcome = signIn.finish(new PasskeySignInAttempt(
                        FakePasskeyVerifier.assertion(
                                options.challenge(), othersPasskey.credentialId(), Optional.empty(), 1, true),
                        Optional.of(pending),
                        ORIGIN))
                .block(T);

        assertThat(options.allowCredentials()).containsExactly(credential("kim"));
        assertThat(outcome).isEqualTo(new PasskeySignInOutcome.Refused(PasskeyRefusal.WRONG_USER));
    }

    @Test
    void secondFactorWithThePendingUsersPasskeySignsThemIn() {
        User user = storedUser("mia");
        Passkey passkey = add(user, credential("mia"));
        PendingLogin pending =
                new PendingLogin(user.id(), user.securityStamp(), SignInFactors.of(Factor.PASSWORD, NOW), NOW);
        var options = signIn.begin(Optional.of(pending)).block(T);

        var outcome = signIn.finish(new PasskeySignInAttempt(
                        FakePasskeyVerifier.assertion(
                                options.challenge(), passkey.credentialId(), Optional.empty(), 1, true),
                        Optional.of(pending),
                        ORIGIN))
                .block(T);

        assertThat(outcome).isEqualTo(new PasskeySignInOutcome.SignedIn(user));
    }

    @Test
    void signInWhenChallengeExpiredThenRefused() {
        User user = storedUser("nina");
        Passkey passkey = add(user, credential("nina"));
        UserHandle handle = begin(user).userHandle();
        String challenge = signIn.begin(Optional.empty()).block(T).challenge();
        clock.advance(PasskeyChallenge.LIFETIME);

        var outcome = signIn.finish(new PasskeySignInAttempt(
                        FakePasskeyVerifier.assertion(challenge, passkey.credentialId(), Optional.of(handle), 1, true),
                        Optional.empty(),
                        ORIGIN))
                .block(T);

        assertThat(outcome).isEqualTo(new PasskeySignInOutcome.Refused(PasskeyRefusal.CHALLENGE_NOT_VALID));
    }

    @Test
    void signInFailuresFromOneAddressAreThrottled() {
        PasskeySignInOutcome last = null;
        for (int attempt = 0;
                attempt <= ThrottlePolicy.DEFAULT.perClientAddress().capacity();
                attempt++) {
            last = signIn.finish(new PasskeySignInAttempt("not json", Optional.empty(), ORIGIN))
                    .block(T);
        }
        assertThat(last).isInstanceOf(PasskeySignInOutcome.Throttled.class);
    }

    @Test
    void renameAndRemoveTouchOnlyTheUsersOwnPasskeys() {
        User owner = storedUser("olga");
        User other = storedUser("pete");
        Passkey passkey = add(owner, credential("olga"));
        String id = passkey.id().toString();

        assertThat(management
                        .rename(new PasskeyRenameCommand(other.id(), id, "Mine now", ORIGIN))
                        .block(T))
                .isEqualTo(PasskeyChange.NOT_FOUND);
        assertThat(management
                        .remove(new PasskeyRemovalCommand(windowOpenFor(other), id, "en"))
                        .block(T))
                .isEqualTo(PasskeyChange.NOT_FOUND);
        assertThat(management
                        .rename(new PasskeyRenameCommand(owner.id(), id, " ", ORIGIN))
                        .block(T))
                .isEqualTo(PasskeyChange.INVALID_NAME);
        assertThat(management
                        .rename(new PasskeyRenameCommand(owner.id(), id, "Phone", ORIGIN))
                        .block(T))
                .isEqualTo(PasskeyChange.DONE);
        assertThat(management.of(owner.id()).map(Passkey::name).collectList().block(T))
                .isEqualTo(List.of("Phone"));
        assertThat(management
                        .remove(new PasskeyRemovalCommand(windowOpenFor(owner), id, "de"))
                        .block(T))
                .isEqualTo(PasskeyChange.DONE);
        assertThat(management.of(owner.id()).collectList().block(T)).isEmpty();
        assertThat(log.types()).contains(SecurityEventType.PASSKEY_RENAMED, SecurityEventType.PASSKEY_REMOVED);
        assertThat(outbox.entries()).hasSize(2);
    }

    @Test
    void removingAPasskeyNeedsAFreshReauthenticationAndChangesNothingWithout() {
        User owner = storedUser("quinn");
        Passkey passkey = add(owner, credential("quinn"));
        int mailsBefore = outbox.entries().size();
        windowOpen.set(false);

        assertThat(management
                        .remove(new PasskeyRemovalCommand(
                                windowOpenFor(owner), passkey.id().toString(), "en"))
                        .block(T))
                .isEqualTo(PasskeyChange.NOT_CONFIRMED);

        assertThat(management.of(owner.id()).collectList().block(T)).containsExactly(passkey);
        assertThat(log.types()).doesNotContain(SecurityEventType.PASSKEY_REMOVED);
        assertThat(outbox.entries()).hasSize(mailsBefore);
    }

    @Test
    void removingAPasskeyWhileThePasswordCheckIsThrottledChangesNothing() {
        User owner = storedUser("rita");
        Passkey passkey = add(owner, credential("rita"));
        ConfirmCurrentPassword throttled =
                attempt -> Mono.just(new ReauthenticationOutcome.Throttled(Duration.ofMinutes(3)));
        var guarded = new PasskeyManagementService(passkeys, throttled, users, outbox, transactions, events, clock);

        assertThat(guarded.remove(new PasskeyRemovalCommand(
                                windowOpenFor(owner), passkey.id().toString(), "en"))
                        .block(T))
                .isEqualTo(PasskeyChange.THROTTLED);
        assertThat(management.of(owner.id()).collectList().block(T)).containsExactly(passkey);
    }
}
