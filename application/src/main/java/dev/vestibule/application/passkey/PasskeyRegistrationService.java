package dev.vestibule.application.passkey;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.passkey.CeremonyPurpose;
import dev.vestibule.domain.model.passkey.Passkey;
import dev.vestibule.domain.model.passkey.PasskeyChallenge;
import dev.vestibule.domain.model.passkey.PasskeyName;
import dev.vestibule.domain.model.passkey.RegistrationVerdict;
import dev.vestibule.domain.model.passkey.UserHandle;
import dev.vestibule.domain.model.reauthentication.ReauthenticationOutcome;
import dev.vestibule.domain.port.in.BeginPasskeyRegistration;
import dev.vestibule.domain.port.in.ConfirmCurrentPassword;
import dev.vestibule.domain.port.in.FinishPasskeyRegistration;
import dev.vestibule.domain.port.in.PasskeyCreationOptions;
import dev.vestibule.domain.port.in.PasskeyRefusal;
import dev.vestibule.domain.port.in.PasskeyRegistrationCommand;
import dev.vestibule.domain.port.in.PasskeyRegistrationOutcome;
import dev.vestibule.domain.port.in.PasskeyRegistrationStart;
import dev.vestibule.domain.port.in.ReauthenticationAttempt;
import dev.vestibule.domain.port.out.MailOutbox;
import dev.vestibule.domain.port.out.PasskeyChallenges;
import dev.vestibule.domain.port.out.PasskeyRepository;
import dev.vestibule.domain.port.out.PasskeyVerifier;
import dev.vestibule.domain.port.out.Transactions;
import dev.vestibule.domain.port.out.UserRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Adding a passkey. Beginning needs a fresh re-authentication (the password, or its open window) and issues a
 * challenge bound to the user; finishing consumes that challenge once, verifies the attestation, and stores the
 * passkey, its event and the SECOND_FACTOR_CHANGED notice in one transaction.
 */
public final class PasskeyRegistrationService implements BeginPasskeyRegistration, FinishPasskeyRegistration {

    private final ConfirmCurrentPassword confirmCurrentPassword;
    private final UserRepository users;
    private final PasskeyRepository passkeys;
    private final PasskeyChallenges challenges;
    private final PasskeyVerifier verifier;
    private final MailOutbox outbox;
    private final Transactions transactions;
    private final SecurityEvents events;
    private final PasskeySettings settings;
    private final Clock clock;
    private final SecureRandom random;

    public PasskeyRegistrationService(
            ConfirmCurrentPassword confirmCurrentPassword,
            UserRepository users,
            PasskeyRepository passkeys,
            PasskeyChallenges challenges,
            PasskeyVerifier verifier,
            MailOutbox outbox,
            Transactions transactions,
            SecurityEvents events,
            PasskeySettings settings,
            Clock clock,
            SecureRandom random) {
        this.confirmCurrentPassword = Objects.requireNonNull(confirmCurrentPassword, "confirmCurrentPassword");
        this.users = Objects.requireNonNull(users, "users");
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
        this.challenges = Objects.requireNonNull(challenges, "challenges");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.events = Objects.requireNonNull(events, "events");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Mono<PasskeyRegistrationStart> begin(ReauthenticationAttempt attempt) {
        return confirmCurrentPassword.confirm(attempt).flatMap(outcome -> {
            if (!(outcome instanceof ReauthenticationOutcome.Confirmed confirmed)) {
                return Mono.just(new PasskeyRegistrationStart.NotConfirmed(outcome));
            }
            return users.findById(attempt.userId())
                    .flatMap(user -> passkeys.userHandleFor(user.id(), UserHandle.random(random))
                            .zipWith(passkeys.findByUser(user.id())
                                    .map(Passkey::credentialId)
                                    .collectList())
                            .flatMap(handleAndExisting -> {
                                PasskeyChallenge challenge = PasskeyChallenge.issue(
                                        random, CeremonyPurpose.REGISTRATION, Optional.of(user.id()), clock.instant());
                                var options = new PasskeyCreationOptions(
                                        settings.relyingParty().id(),
                                        settings.relyingParty().name(),
                                        handleAndExisting.getT1(),
                                        user.username().value(),
                                        challenge.value(),
                                        handleAndExisting.getT2(),
                                        settings.ceremonyTimeout());
                                return challenges.issue(challenge).thenReturn((PasskeyRegistrationStart)
                                        new PasskeyRegistrationStart.Ready(options, confirmed.passwordCheckedAt()));
                            }))
                    .switchIfEmpty(Mono.fromSupplier(() ->
                            new PasskeyRegistrationStart.NotConfirmed(new ReauthenticationOutcome.WrongPassword())));
        });
    }

    @Override
    public Mono<PasskeyRegistrationOutcome> finish(PasskeyRegistrationCommand command) {
        return verifier.registrationChallenge(command.responseJson())
                .flatMap(challenge -> challenges
                        .consume(
                                challenge, CeremonyPurpose.REGISTRATION, Optional.of(command.userId()), clock.instant())
                        .flatMap(consumed -> consumed
                                ? verifier.verifyRegistration(command.responseJson(), challenge)
                                        .flatMap(verdict -> store(command, verdict))
                                : refused(PasskeyRefusal.CHALLENGE_NOT_VALID)))
                .switchIfEmpty(Mono.defer(() -> refused(PasskeyRefusal.MALFORMED)));
    }

    private Mono<PasskeyRegistrationOutcome> store(PasskeyRegistrationCommand command, RegistrationVerdict verdict) {
        if (!(verdict instanceof RegistrationVerdict.Verified verified)) {
            return refused(PasskeyRefusal.NOT_VERIFIED);
        }
        return passkeys.findByCredentialId(verified.credential().credentialId())
                .flatMap(existing -> refused(PasskeyRefusal.ALREADY_REGISTERED))
                .switchIfEmpty(Mono.defer(() -> users.findById(command.userId())
                        .filter(user -> user.isActive())
                        .flatMap(user -> passkeys.countFor(user.id()).flatMap(count -> {
                            Instant now = clock.instant();
                            String name = PasskeyName.orDefault(command.name(), "Passkey " + (count + 1));
                            Passkey passkey = Passkey.register(user.id(), verified.credential(), name, now);
                            return transactions
                                    .inTransaction(passkeys.add(passkey)
                                            .then(outbox.enqueue(
                                                    PasskeyNotices.secondFactorChanged(
                                                            user, command.languageTag(), now, command.origin()),
                                                    now))
                                            .then(events.record(
                                                    SecurityEventType.PASSKEY_ADDED, user.id(), command.origin())))
                                    .thenReturn(
                                            (PasskeyRegistrationOutcome) new PasskeyRegistrationOutcome.Added(passkey));
                        }))
                        .switchIfEmpty(Mono.defer(() -> refused(PasskeyRefusal.ACCOUNT_UNAVAILABLE)))));
    }

    private static Mono<PasskeyRegistrationOutcome> refused(PasskeyRefusal reason) {
        return Mono.just(new PasskeyRegistrationOutcome.Refused(reason));
    }
}
