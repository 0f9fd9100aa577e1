package dev.vestibule.domain.port.out;

import dev.vestibule.domain.model.passkey.CeremonyPurpose;
import dev.vestibule.domain.model.passkey.PasskeyChallenge;
import dev.vestibule.domain.model.user.UserId;
import java.time.Instant;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The challenges of ceremonies under way, shared by every instance: one begun on one instance can finish on another.
 * A challenge is consumed at most once, even when two instances try at the same moment.
 */
public interface PasskeyChallenges {

    Mono<Void> issue(PasskeyChallenge challenge);

    /**
     * Consumes the challenge {@code value} if it was issued for {@code purpose} and {@code userId} (empty for a
     * sign-in without a password) and has not expired at {@code now}: true exactly once, false ever after.
     */
    Mono<Boolean> consume(String value, CeremonyPurpose purpose, Optional<UserId> userId, Instant now);

    /** Deletes the challenges of abandoned ceremonies; returns how many. */
    Mono<Long> removeExpired(Instant now);
}
