package dev.vestibule.application.fakes;

import dev.vestibule.domain.model.passkey.CeremonyPurpose;
import dev.vestibule.domain.model.passkey.PasskeyChallenge;
import dev.vestibule.domain.model.user.UserId;
import dev.vestibule.domain.port.out.PasskeyChallenges;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** {@link PasskeyChallenges} in a map; consuming is a test-and-remove under one lock, as the database's DELETE is. */
public final class InMemoryPasskeyChallenges implements PasskeyChallenges {

    private final Map<String, PasskeyChallenge> challenges = new LinkedHashMap<>();

    @Override
    public Mono<Void> issue(PasskeyChallenge challenge) {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                if (challenges.putIfAbsent(challenge.value(), challenge) != null) {
                    throw new IllegalStateException("challenge already issued");
                }
            }
        });
    }

    @Override
    public Mono<Boolean> consume(String value, CeremonyPurpose purpose, Optional<UserId> userId, Instant now) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                PasskeyChallenge stored = challenges.get(value);
                if (stored == null
                        || stored.purpose() != purpose
                        || !stored.userId().equals(userId)
                        || stored.isExpiredAt(now)) {
                    return false;
                }
                challenges.remove(value);
                return true;
            }
        });
    }

    @Override
    public Mono<Long> removeExpired(Instant now) {
        return Mono.fromSupplier(() -> {
            synchronized (this) {
                int before = challenges.size();
                challenges.values().removeIf(challenge -> challenge.isExpiredAt(now));
                return (long) (before - challenges.size());
            }
        });
    }

    public synchronized int size() {
        return challenges.size();
    }
}
