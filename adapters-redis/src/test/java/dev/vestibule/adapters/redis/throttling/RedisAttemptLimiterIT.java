package dev.vestibule.adapters.redis.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.adapters.redis.testing.RedisTestServer;
import dev.vestibule.application.fakes.AttemptLimiterContract;
import dev.vestibule.domain.model.throttling.AttemptLimit;
import dev.vestibule.domain.port.out.AttemptLimiter;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * The Redis limiter, built as the application builds it, against the contract on the machine's Redis
 * (a key prefix of its own), plus what only Redis shows: every bucket key expires, so Redis does not
 * fill up with the buckets of every address and login name ever tried.
 */
class RedisAttemptLimiterIT extends AttemptLimiterContract {

    private static RedisClient client;
    private static StatefulRedisConnection<String, byte[]> connection;
    private static String prefix;
    private static AttemptLimiter limiter;

    @BeforeAll
    static void connect() {
        RedisTestServer redis = RedisTestServer.shared();
        client = RedisClient.create(RedisURI.builder()
                .withHost(redis.host())
                .withPort(redis.port())
                .withTimeout(Duration.ofSeconds(5))
                .build());
        connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        prefix = redis.namespace() + ":limiter-contract";
        limiter = RedisAttemptLimiter.on(connection, prefix);
    }

    @AfterAll
    static void disconnect() {
        connection.close();
        client.shutdown();
    }

    @Override
    protected AttemptLimiter limiter() {
        return limiter;
    }

    @Override
    protected void letTimePass(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Test
    void aBucketIsStoredUnderThePrefixWithTheLimitsName() {
        String key = newKey();
        AttemptLimit limit = new AttemptLimit("account", 5, Duration.ofMinutes(1));

        assertGranted(key, limit);

        assertThat(RedisTestServer.shared().keysMatching(prefix + ":*" + key))
                .containsExactly(prefix + ":account:" + key);
    }

    @Test
    void everyBucketKeyExpiresAtMostAFullRefillAfterItsLastWrite() {
        AttemptLimit limit = new AttemptLimit("account", 5, Duration.ofMinutes(1));
        String taken = newKey();
        String givenBack = newKey();
        String denied = newKey();

        assertGranted(taken, limit);
        StepVerifier.create(limiter.release(givenBack, limit)).verifyComplete();
        for (int i = 0; i < limit.capacity(); i++) {
            assertGranted(denied, limit);
        }
        assertDenied(denied, limit);

        long longest =
                limit.fullRefill().plus(RedisAttemptLimiter.KEPT_AFTER_REFILL).toMillis();
        for (String key : List.of(taken, givenBack, denied)) {
            String redisKey = prefix + ":account:" + key;
            Long ttl = RedisTestServer.shared().commands().pttl(redisKey);
            assertThat(ttl)
                    .as("milliseconds left for %s (-1: no expiry, -2: missing)", redisKey)
                    .isPositive()
                    .isLessThanOrEqualTo(longest);
        }
    }

    @Test
    void noKeyUnderThePrefixIsEverLeftWithoutAnExpiry() {
        AttemptLimit limit = new AttemptLimit("client", 3, Duration.ofSeconds(6));
        for (int i = 0; i < 5; i++) {
            String key = newKey();
            limiter.tryAcquire(key, limit).block(Duration.ofSeconds(10));
            limiter.release(key, limit).block(Duration.ofSeconds(10));
        }

        List<String> keys = RedisTestServer.shared().keysMatching(prefix + ":*");
        assertThat(keys).isNotEmpty();
        assertThat(keys)
                .allSatisfy(
                        key -> assertThat(RedisTestServer.shared().commands().pttl(key))
                                .as(key)
                                .isPositive());
    }

    @Test
    void aBucketThatRefillsQuicklyIsKeptOnlyBrieflyToo() {
        // Refilled within a second: its key lives at most that second plus the keep-after-refill.
        AttemptLimit limit = new AttemptLimit("quick-expiry", 1, Duration.ofSeconds(1));
        String key = newKey();
        assertGranted(key, limit);
        String redisKey = prefix + ":quick-expiry:" + key;

        assertThat(RedisTestServer.shared().commands().pttl(redisKey))
                .isPositive()
                .isLessThanOrEqualTo(limit.fullRefill()
                        .plus(RedisAttemptLimiter.KEPT_AFTER_REFILL)
                        .toMillis());
    }
}
