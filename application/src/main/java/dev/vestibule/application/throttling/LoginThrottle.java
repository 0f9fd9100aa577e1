package dev.vestibule.application.throttling;

import dev.vestibule.domain.model.throttling.AttemptLimit;
import dev.vestibule.domain.model.throttling.KnownBrowser;
import dev.vestibule.domain.model.throttling.Permit;
import dev.vestibule.domain.model.throttling.ThrottleKeys;
import dev.vestibule.domain.model.throttling.ThrottlePolicy;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.AttemptLimiter;
import dev.vestibule.domain.port.out.KnownBrowserRepository;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Decides whether a login attempt may be checked at all. Every attempt takes a token from the client
 * address's bucket and from the account's (or, for a browser that signed in to the account before, from
 * that device's own) bucket; a successful login gives them back, so only failures count. A real account has one
 * bucket per form of login (username, email address), as an unknown login has one per typed name, so that
 * failures as a username never tell whether an email address belongs to the same account. Taking the token
 * before the check, not after, keeps the limit exact when many attempts arrive at once.
 */
public final class LoginThrottle {

    private final AttemptLimiter limiter;
    private final KnownBrowserRepository knownBrowsers;
    private final ThrottlePolicy policy;
    private final Clock clock;

    public LoginThrottle(
            AttemptLimiter limiter, KnownBrowserRepository knownBrowsers, ThrottlePolicy policy, Clock clock) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.knownBrowsers = Objects.requireNonNull(knownBrowsers, "knownBrowsers");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The buckets an attempt draws from, once the account (if any) is known. Each kind of key has its own
     * namespace ({@link ThrottleKeys}): a typed login never lands in a real account's bucket, whatever it
     * looks like.
     */
    public Mono<Buckets> bucketsFor(
            String clientAddress, String login, Optional<UserId> user, Optional<String> deviceId) {
        Bucket client = new Bucket(policy.clientKey(clientAddress), policy.perClientAddress());
        // Unknown logins are limited like real ones, so throttling does not reveal which accounts exist.
        Bucket account = new Bucket(
                user.map(id -> ThrottleKeys.account(id, login)).orElseGet(() -> ThrottleKeys.unknownLogin(login)),
                policy.perAccount());
        if (user.isEmpty() || deviceId.filter(KnownBrowser::isWellFormedId).isEmpty()) {
            return Mono.just(new Buckets(List.of(client, account)));
        }
        return knownBrowsers
                .isKnown(deviceId.get(), user.get(), clock.instant())
                .map(known -> known
                        ? new Buckets(List.of(
                                client, new Bucket(ThrottleKeys.device(deviceId.get()), policy.perKnownBrowser())))
                        : new Buckets(List.of(client, account)));
    }

    /** Takes one token from each bucket; if any is empty, gives back what was taken and says how long to wait. */
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
                return release(buckets.subList(0, index)).thenReturn(permit);
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

    /** The buckets of one attempt. */
    public record Buckets(List<Bucket> all) {}

    /** One bucket: its key and its limit. */
    public record Bucket(String key, AttemptLimit limit) {}
}
