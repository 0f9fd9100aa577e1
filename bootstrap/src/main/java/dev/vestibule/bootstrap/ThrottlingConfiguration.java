package dev.vestibule.bootstrap;

import dev.vestibule.bootstrap.throttling.InMemoryAttemptLimiter;
import dev.vestibule.bootstrap.throttling.RedisAttemptLimiter;
import dev.vestibule.domain.port.out.AttemptLimiter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** Where the throttling buckets live: with the sessions (Redis for a deployment, memory for one instance). */
@Configuration(proxyBeanMethods = false)
class ThrottlingConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "vestibule.session.store", havingValue = "redis")
    static class InRedis {

        /** Bucket4j speaks Lettuce directly; it shares Boot's client (same host, pool of event loops, timeouts). */
        @Bean(destroyMethod = "close")
        StatefulRedisConnection<String, byte[]> throttlingRedisConnection(LettuceConnectionFactory connectionFactory) {
            RedisClient client = (RedisClient) connectionFactory.getNativeClient();
            return client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        }

        @Bean
        AttemptLimiter attemptLimiter(StatefulRedisConnection<String, byte[]> throttlingRedisConnection,
                                      VestibuleProperties properties) {
            var buckets = Bucket4jLettuce.casBasedBuilder(throttlingRedisConnection)
                    // A bucket that has refilled completely is the same as no bucket: let Redis drop it.
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                    .build();
            return new RedisAttemptLimiter(buckets.asAsync(), properties.throttling().redisKeyPrefix());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "vestibule.session.store", havingValue = "memory", matchIfMissing = true)
    static class InMemory {

        @Bean
        AttemptLimiter attemptLimiter() {
            return new InMemoryAttemptLimiter();
        }
    }
}
