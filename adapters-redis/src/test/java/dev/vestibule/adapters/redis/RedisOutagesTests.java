package dev.vestibule.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vestibule.domain.model.outage.StoreUnavailableException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class RedisOutagesTests {

    @Test
    void lettuceAndSpringDataRedisFailuresBecomeTheDomainsOutage() {
        for (RuntimeException failure : new RuntimeException[] {
            new RedisException("Currently not connected. Commands are rejected."),
            new RedisCommandTimeoutException("HGETALL. Command timed out after 1 second(s)"),
            new RedisConnectionException("Unable to connect"),
            new RedisConnectionFailureException("Unable to connect to Redis"),
            new IllegalStateException("from Bucket4j's future", new RedisCommandTimeoutException("EVAL timed out"))
        }) {
            StepVerifier.create(RedisOutages.translate(Mono.error(failure)))
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOf(StoreUnavailableException.class)
                            .hasCause(failure))
                    .verify();
        }
    }

    @Test
    void otherFailuresStayWhatTheyAre() {
        IllegalArgumentException bug = new IllegalArgumentException("not an outage");

        StepVerifier.create(RedisOutages.translate(Mono.error(bug)))
                .expectErrorSatisfies(error -> assertThat(error).isSameAs(bug))
                .verify();
    }
}
