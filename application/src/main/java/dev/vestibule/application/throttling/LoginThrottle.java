package dev.vestibule.application.throttling;

import dev.vestibule.domain.model.throttling.AttemptLimit;
import dev.vestibule.domain.model.throttling.KnownBrowser;
import dev.vestibule.domain.model.throttling.LoginSurge;
import dev.vestibule.domain.model.throttling.Permit;
import dev.vestibule.domain.model.throttling.ThrottleKeys;
import dev.vestibule.domain.model.throttling.ThrottlePolicy;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.AttemptLimiter;
import dev.vestibule.domain.port.out.KnownBrowserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * Decides whether a login attempt may be checked at all. Every attempt takes a token from the client
 * address's bucket and from the account's (or, for a browser that signed in to the account before, from
 * that device's own) bucket; a successful login gives them back, so only failures count. A real account has one
 * bucket per form of login (username, email address), as an unknown login has one per typed name, so that
 * failures as a username never tell whether an email address belongs to the same account. Taking the token
 * before the check, not after, keeps the limit exact when many attempts arrive at once.
 *
 * <p>A refused attempt keeps the token it took from the client address (issue 13 finding 3): it costs the address
 * one attempt of its allowance like a failure does, without a hash, so an address that hammers a locked account
 * runs out and cannot go on to other accounts. Failures across the whole deployment are counted too ({@link
 * LoginSurge}): while they come faster than the configured rate, attempts from browsers the account does not know
 * wait a moment before they are checked.
 */
public final class LoginThrottle {

    private final AttemptLimiter limiter;
    private final KnownBrowserRepository knownBrowsers;
    private final ThrottlePolicy policy;
    private final Clock clock;
    // issue 13 finding 4: the global failed-login rate
    private final LoginSurge surge;
    /** Until when this instance saw the shared bucket of failures empty; each refused failure moves it on. */
    private final AtomicReference<Instant> surgeUntil = new AtomicReference<>(Instant.MIN);

    public LoginThrottle(
            AttemptLimiter limiter, KnownBrowserRepository knownBrowsers, ThrottlePolicy policy, Clock clock) {
        this(limiter, knownBrowsers, policy, LoginSurge.DEFAULT, clock);
    }

    public LoginThrottle(
            AttemptLimiter limiter,
            KnownBrowserRepository knownBrowsers,
            ThrottlePolicy policy,
            LoginSurge surge,
            Clock clock) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.knownBrowsers = Objects.requireNonNull(knownBrowsers, "knownBrowsers");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.surge = Objects.requireNonNull(surge, "surge");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The buckets an attempt draws from, once the account (if any) is known. Each kind of key has its own
     * namespace ({@link ThrottleKeys}): a typed login never lands in a real account's bucket, whatever it
     * looks like.
     */
    public Mono<Buckets> bucketsFor(
            String clientAddress, String login, Optional<UserId> user, Optional<String> deviceId) {
        return bucketsFor(clientAddress, login, user, deviceId.stream().toList());
    }

    /**
     * The same, for a browser that presents several known-browser ids (one per account it signed in to, issue 13
     * finding 6): the one the account knows gives the device's own allowance.
     */
    public Mono<Buckets> bucketsFor(String clientAddress, String login, Optional<UserId> user, List<String> deviceIds) {
        Bucket client = new Bucket(policy.clientKey(clientAddress), policy.perClientAddress());
        // Unknown logins are limited like real ones, so throttling does not reveal which accounts exist.
        Bucket account = new Bucket(
                user.map(id -> ThrottleKeys.account(id, login)).orElseGet(() -> ThrottleKeys.unknownLogin(login)),
                policy.perAccount());
        if (user.isEmpty() || deviceIds.stream().noneMatch(KnownBrowser::isWellFormedId)) {
            return Mono.just(new Buckets(List.of(client, account)));
        }
        return MarkBrowserKnownService.knownIdAmong(knownBrowsers, user.get(), deviceIds, clock)
                .map(known -> new Buckets(
                        List.of(client, new Bucket(ThrottleKeys.device(known), policy.perKnownBrowser())), true))
                .defaultIfEmpty(new Buckets(List.of(client, account)));
    }

    /**
     * Takes one token from each bucket; if one is empty, says how long to wait. What was taken before it is not given
     * back: a refused attempt costs the client address a token (issue 13 finding 3).
     */
    public Mono<Permit> acquire(Buckets buckets) {
        return acquire(buckets.all(), 0);
    }

    private Mono<Permit> acquire(List<Bucket> buckets, int index) {
        if (index == buckets.size()) {
            return Mono.just(Permit.GRANTED);
        }
        Bucket bucket = buckets.get(index);
        return limiter.tryAcquire(bucket.key(), bucket.limit()).flatMap(permit -> {
            if (permit instanceof Permit.Denied) {
                return Mono.just(permit);
            }
            return acquire(buckets, index + 1);
        });
    }

    /** Gives the tokens back: the attempt did not fail. */
    public Mono<Void> release(Buckets buckets) {
        return release(buckets.all());
    }

    private Mono<Void> release(List<Bucket> buckets) {
        return Mono.when(buckets.stream()
                .map(bucket -> limiter.release(bucket.key(), bucket.limit()))
                .toList());
    }

    // issue 13 finding 4: the global failed-login rate
    /**
     * Counts a failed login into the deployment's bucket of failures; when that is empty, this instance slows
     * unknown browsers down until the bucket would be full again. The bucket is shared (in Redis when Redis holds
     * the buckets), so every instance that sees spraying traffic sees the surge.
     */
    public Mono<Void> countFailure() {
        return limiter.tryAcquire(LoginSurge.KEY, surge.failuresEverywhere())
                .doOnNext(permit -> {
                    if (permit instanceof Permit.Denied) {
                        Instant until = clock.instant().plus(surge.lasts());
                        surgeUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
                    }
                })
                .then();
    }

    /** How long an attempt with these buckets waits before its password is checked: only during a surge, only unknown browsers. */
    public Duration slowdownFor(Buckets buckets) {
        if (buckets.knownBrowser() || !clock.instant().isBefore(surgeUntil.get())) {
            return Duration.ZERO;
        }
        return surge.slowdown();
    }

    /**
     * The buckets of one attempt; {@code knownBrowser} when the account knows the browser (its own allowance, and no
     * slowdown during a surge).
     */
    public record Buckets(List<Bucket> all, boolean knownBrowser) {

        public Buckets(List<Bucket> all) {
            this(all, false);
        }

        // issue 13 finding 3: throttled bursts
        /** The key of the bucket that stands for the account (or the known browser): what a burst is counted by. */
        public String subject() {
            return all.get(all.size() - 1).key();
        }
    }

    /** One bucket: its key and its limit. */
    public record Bucket(String key, AttemptLimit limit) {}
}
