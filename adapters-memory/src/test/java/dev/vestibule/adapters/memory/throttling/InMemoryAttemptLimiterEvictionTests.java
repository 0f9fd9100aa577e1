package dev.vestibule.adapters.memory.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.domain.model.throttling.AttemptLimit;
import dev.vestibule.domain.model.throttling.Permit;
import dev.vestibule.domain.model.throttling.ThrottleKeys;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 finding 6: the embedded default's limiter is bounded at 100,000 buckets, and dropping buckets must never
 * give a locked account's attacker new guesses. Each request of the attack below takes a token from a fresh
 * client-address bucket and one from a fresh login's bucket, as spraying 100k names from 100k addresses (or IPv6
 * /64s) does, while the victim's bucket sits empty and untouched.
 */
class InMemoryAttemptLimiterEvictionTests {

    private static final AttemptLimit ACCOUNT = new AttemptLimit("account", 5, Duration.ofMinutes(1));
    private static final AttemptLimit CLIENT = new AttemptLimit("client", 100, Duration.ofSeconds(6));
    private static final String VICTIM = "account:00000000-0000-0000-0000-000000000001:username";

    private final InMemoryAttemptLimiter limiter = new InMemoryAttemptLimiter();

    private boolean granted(String key, AttemptLimit limit) {
        return limiter.tryAcquire(key, limit).block() instanceof Permit.Granted;
    }

    private int guessesForTheVictim() {
        return (int)
                IntStream.range(0, 10).filter(i -> granted(VICTIM, ACCOUNT)).count();
    }

    @Test
    void aLockedAccountStaysLockedWhileFreshAddressesAndNamesFillTheLimiter() {
        assertThat(guessesForTheVictim()).isEqualTo(5);

        for (int i = 0; i < 100_000; i++) {
            granted(
                    ThrottleKeys.clientAddress("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), 64),
                    CLIENT);
            granted(ThrottleKeys.unknownLogin("sprayed-name-" + i), ACCOUNT);
        }

        int guesses = guessesForTheVictim();
        System.out.printf(
                "[finding 6] guesses the victim's attacker gets after 100,000 sprayed requests: %d%n", guesses);
        assertThat(guesses).as("new guesses handed back by eviction").isZero();
    }

    @Test
    void freshAddressesAgainstTheLockedNameItselfNeverDropItsBucket() {
        assertThat(guessesForTheVictim()).isEqualTo(5);

        // The attack as the issue guessed it: each request touches the victim's bucket, which stays the most recent.
        for (int i = 0; i < 100_001; i++) {
            granted(
                    ThrottleKeys.clientAddress("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), 64),
                    CLIENT);
            granted(VICTIM, ACCOUNT);
        }

        assertThat(guessesForTheVictim()).isZero();
    }

    @Test
    void whenOnlyAccountBucketsInUseAreLeftANewKeyIsRefusedAndNoneIsForgotten() {
        InMemoryAttemptLimiter small = new InMemoryAttemptLimiter(3);
        for (int i = 0; i < 3; i++) {
            assertThat(small.tryAcquire("account:" + i, ACCOUNT).block()).isEqualTo(Permit.GRANTED);
        }

        assertThat(small.tryAcquire("login:new", ACCOUNT).block()).isInstanceOf(Permit.Denied.class);
        assertThat(small.size()).isEqualTo(3);
    }

    @Test
    void theMapStaysWithinItsBound() {
        InMemoryAttemptLimiter small = new InMemoryAttemptLimiter(10);
        for (int i = 0; i < 1_000; i++) {
            small.tryAcquire(ThrottleKeys.clientAddress("10.0." + (i >> 8) + "." + (i & 255), 64), CLIENT)
                    .block();
        }

        assertThat(small.size()).isLessThanOrEqualTo(10);
    }
}
