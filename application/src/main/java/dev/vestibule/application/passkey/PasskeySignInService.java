package dev.vestibule.application.passkey;

import dev.vestibule.application.event.SecurityEvents;
import dev.vestibule.domain.model.event.Origin;
import dev.vestibule.domain.model.event.SecurityEventType;
import dev.vestibule.domain.model.passkey.AssertionClaim;
import dev.vestibule.domain.model.passkey.AssertionVerdict;
import dev.vestibule.domain.model.passkey.CeremonyPurpose;
import dev.vestibule.domain.model.passkey.Passkey;
import dev.vestibule.domain.model.passkey.PasskeyChallenge;
import dev.vestibule.domain.model.passkey.PasskeyUse;
import dev.vestibule.domain.model.throttling.AttemptLimit;
import dev.vestibule.domain.model.throttling.Permit;
import dev.vestibule.domain.model.throttling.ThrottlePolicy;
import dev.vestibule.domain.model.twofactor.PendingLogin;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.in.BeginPasskeySignIn;
import dev.vestibule.domain.port.in.FinishPasskeySignIn;
import dev.vestibule.domain.port.in.PasskeyRefusal;
import dev.vestibule.domain.port.in.PasskeyRequestOptions;
import dev.vestibule.domain.port.in.PasskeySignInAttempt;
import dev.vestibule.domain.port.in.PasskeySignInOutcome;
import dev.vestibule.domain.port.out.AttemptLimiter;
import dev.vestibule.domain.port.out.PasskeyChallenges;
import dev.vestibule.domain.port.out.PasskeyRepository;
import dev.vestibule.domain.port.out.PasskeyVerifier;
import dev.vestibule.domain.port.out.UserRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Signing in with a passkey: without a password (a discoverable credential names the account through its user
 * handle) or as the second step after one (the credential must be the pending user's). The challenge is consumed
 * before anything is verified, so an assertion replayed, or a challenge answered twice, fails on any instance.
 *
 * <p>Every attempt takes a token from the client address's login bucket (the one failed passwords drain too) and a
 * sign-in gives it back: only failures count, and an address that runs out is refused unchecked.
 */
public final class PasskeySignInService implements BeginPasskeySignIn, FinishPasskeySignIn {

    private final PasskeyRepository passkeys;
    private final PasskeyChallenges challenges;
    private final PasskeyVerifier verifier;
    private final UserRepository users;
    private final AttemptLimiter limiter;
    private final ThrottlePolicy throttling;
    private final SecurityEvents events;
    private final PasskeySettings settings;
    private final Clock clock;
    private final SecureRandom random;

    public PasskeySignInService(
            PasskeyRepository passkeys,
            PasskeyChallenges challenges,
            PasskeyVerifier verifier,
            UserRepository users,
            AttemptLimiter limiter,
            ThrottlePolicy throttling,
            SecurityEvents events,
            PasskeySettings settings,
            Clock clock,
            SecureRandom random) {
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
        this.challenges = Objects.requireNonNull(challenges, "challenges");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.users = Objects.requireNonNull(users, "users");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.throttling = Objects.requireNonNull(throttling, "throttling");
        this.events = Objects.requireNonNull(events, "events");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Mono<PasskeyRequestOptions> begin(Optional<PendingLogin> pending) {
        Optional<UserId> user = pending.map(PendingLogin::userId);
        CeremonyPurpose purpose = user.isPresent() ? CeremonyPurpose.SECOND_FACTOR : CeremonyPurpose.SIGN_IN;
        Mono<List<dev.vestibule.domain.model.passkey.CredentialId>> allowed = user.map(
                        id -> passkeys.findByUser(id).map(Passkey::credentialId).collectList())
                .orElseGet(() -> Mono.just(List.of()));
        return allowed.flatMap(allow -> {
            PasskeyChallenge challenge = PasskeyChallenge.issue(random, purpose, user, clock.instant());
            return challenges
                    .issue(challenge)
                    .thenReturn(new PasskeyRequestOptions(
                            settings.relyingParty().id(), challenge.value(), allow, settings.ceremonyTimeout()));
        });
    }

    @Override
    public Mono<PasskeySignInOutcome> finish(PasskeySignInAttempt attempt) {
        String bucket = throttling.clientKey(attempt.origin().clientAddress());
        AttemptLimit limit = throttling.perClientAddress();
        return limiter.tryAcquire(bucket, limit).flatMap(permit -> {
            if (permit instanceof Permit.Denied denied) {
                return events.recordThrottled(
                                SecurityEventType.LOGIN_THROTTLED,
                                attempt.pending().map(PendingLogin::userId),
                                attempt.origin(),
                                bucket)
                        .thenReturn(new PasskeySignInOutcome.Throttled(denied.retryAfter()));
            }
            return check(attempt)
                    .flatMap(outcome -> outcome instanceof PasskeySignInOutcome.SignedIn signedIn
                            ? limiter.release(bucket, limit)
                                    .then(events.record(
                                            SecurityEventType.LOGIN_SUCCEEDED,
                                            signedIn.user().id(),
                                            attempt.origin()))
                                    .thenReturn(outcome)
                            : Mono.just(outcome));
        });
    }

    private Mono<PasskeySignInOutcome> check(PasskeySignInAttempt attempt) {
        return verifier.readAssertion(attempt.responseJson())
                .flatMap(claim -> passkeys.findByCredentialId(claim.credentialId())
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(passkey -> consume(claim, attempt).flatMap(consumed -> {
                            if (passkey.isEmpty()) {
                                return refused(PasskeyRefusal.UNKNOWN_CREDENTIAL, Optional.empty(), attempt.origin());
                            }
                            Passkey known = passkey.get();
                            if (!consumed) {
                                return refused(
                                        PasskeyRefusal.CHALLENGE_NOT_VALID,
                                        Optional.of(known.userId()),
                                        attempt.origin());
                            }
                            return verify(attempt, claim, known);
                        })))
                .switchIfEmpty(Mono.fromSupplier(() -> new PasskeySignInOutcome.Refused(PasskeyRefusal.MALFORMED)));
    }

    private Mono<Boolean> consume(AssertionClaim claim, PasskeySignInAttempt attempt) {
        Optional<UserId> user = attempt.pending().map(PendingLogin::userId);
        CeremonyPurpose purpose = user.isPresent() ? CeremonyPurpose.SECOND_FACTOR : CeremonyPurpose.SIGN_IN;
        return challenges.consume(claim.challenge(), purpose, user, clock.instant());
    }

    private Mono<PasskeySignInOutcome> verify(PasskeySignInAttempt attempt, AssertionClaim claim, Passkey passkey) {
        Origin origin = attempt.origin();
        Optional<UserId> owner = Optional.of(passkey.userId());
        if (attempt.pending().isPresent() && !attempt.pending().get().userId().equals(passkey.userId())) {
            return refused(PasskeyRefusal.WRONG_USER, attempt.pending().map(PendingLogin::userId), origin);
        }
        // Without allowed credentials the user handle names the account (WebAuthn Level 3 §7.2 step 6): it must be
        // the handle of the credential's owner. With them (the second step) it may be absent, but never another's.
        Mono<Boolean> handleMatches = claim.userHandle()
                .map(handle -> passkeys.findUserByHandle(handle)
                        .map(passkey.userId()::equals)
                        .defaultIfEmpty(false))
                .orElseGet(() -> Mono.just(attempt.pending().isPresent()));
        return handleMatches.flatMap(matches -> {
            if (!matches) {
                return refused(PasskeyRefusal.NOT_VERIFIED, owner, origin);
            }
            return verifier.verifyAssertion(attempt.responseJson(), claim.challenge(), passkey)
                    .flatMap(verdict -> {
                        if (!(verdict instanceof AssertionVerdict.Verified verified)) {
                            return refused(PasskeyRefusal.NOT_VERIFIED, owner, origin);
                        }
                        PasskeyUse use = passkey.use(
                                verified.signCount(), verified.backupEligible(), verified.backedUp(), clock.instant());
                        if (!(use instanceof PasskeyUse.Accepted accepted)) {
                            return suspectedClone(passkey, origin);
                        }
                        return passkeys.recordUse(accepted.updated(), passkey.signCount())
                                .flatMap(stored -> stored ? signIn(attempt, passkey) : suspectedClone(passkey, origin));
                    });
        });
    }

    private Mono<PasskeySignInOutcome> signIn(PasskeySignInAttempt attempt, Passkey passkey) {
        return users.findById(passkey.userId())
                .filter(user -> user.isActive())
                .flatMap(user -> {
                    boolean sameAsPending = attempt.pending()
                            .map(pending -> pending.securityStamp().equals(user.securityStamp()))
                            .orElse(true);
                    return sameAsPending
                            ? Mono.just((PasskeySignInOutcome) new PasskeySignInOutcome.SignedIn(user))
                            : refused(PasskeyRefusal.WRONG_USER, Optional.of(user.id()), attempt.origin());
                })
                .switchIfEmpty(Mono.defer(() ->
                        refused(PasskeyRefusal.ACCOUNT_UNAVAILABLE, Optional.of(passkey.userId()), attempt.origin())));
    }

    private Mono<PasskeySignInOutcome> suspectedClone(Passkey passkey, Origin origin) {
        return events.record(SecurityEventType.PASSKEY_CLONE_SUSPECTED, passkey.userId(), origin)
                .thenReturn(new PasskeySignInOutcome.Refused(PasskeyRefusal.POSSIBLY_CLONED));
    }

    private Mono<PasskeySignInOutcome> refused(PasskeyRefusal reason, Optional<UserId> user, Origin origin) {
        return events.record(SecurityEventType.PASSKEY_SIGN_IN_REFUSED, user, origin)
                .thenReturn(new PasskeySignInOutcome.Refused(reason));
    }
}
