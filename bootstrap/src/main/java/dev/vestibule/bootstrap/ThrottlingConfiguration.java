package dev.vestibule.bootstrap;

import dev.vestibule.bootstrap.throttling.InMemoryAttemptLimiter;
import dev.vestibule.bootstrap.throttling.RedisAttemptLimiter;
import dev.vestibule.domain.port.out.AttemptLimiter;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
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
            return RedisAttemptLimiter.on(throttlingRedisConnection, properties.throttling().redisKeyPrefix());
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
