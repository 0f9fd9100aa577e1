package dev.vestibule.bootstrap;

import dev.vestibule.bootstrap.metrics.ActiveSessions;
import dev.vestibule.bootstrap.metrics.RedisActiveSessions;
import dev.vestibule.bootstrap.redis.OutageTranslatingSessionRepository;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.serializer.GenericJacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.session.config.ReactiveSessionRepositoryCustomizer;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.session.data.redis.config.annotation.web.server.EnableRedisWebSession;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Sessions in Redis, shared by every instance, so that no load balancer needs sticky sessions. Stored as
 * JSON, not Java serialization: readable by the next release and by an operator with redis-cli. The
 * plain (non-indexed) repository is enough: nothing looks sessions up by user, and it writes less.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vestibule.session.store", havingValue = "redis")
@EnableRedisWebSession
class RedisSessionConfiguration {

    /** Spring Session looks this serializer up by name. */
    @Bean
    RedisSerializer<Object> springSessionDefaultRedisSerializer() {
        // Sessions hold Strings, Spring Security's CSRF token and lists of Strings (flash messages);
        // nothing else may be turned back into an object.
        BasicPolymorphicTypeValidator.Builder allowedTypes = BasicPolymorphicTypeValidator.builder()
                .allowIfSubType(ArrayList.class);
        JsonMapper mapper = JsonMapper.builder()
                .addModules(SecurityJacksonModules.getModules(getClass().getClassLoader(), allowedTypes))
                .build();
        return new GenericJacksonJsonRedisSerializer(mapper);
    }

    /** A Redis outage reaches the pages as the domain's outage (503), not as a Lettuce exception (500). */
    @Bean
    static BeanPostProcessor outageTranslatingSessionRepository() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ReactiveRedisSessionRepository repository
                        ? new OutageTranslatingSessionRepository<>(repository) : bean;
            }
        };
    }

    @Bean
    ReactiveSessionRepositoryCustomizer<ReactiveRedisSessionRepository> sessionSettings(VestibuleProperties properties) {
        return repository -> {
            repository.setDefaultMaxInactiveInterval(properties.session().idleTimeout());
            repository.setRedisKeyNamespace(properties.session().redisNamespace());
        };
    }

    /**
     * While the connection to Redis is down, commands fail at once instead of queueing until the command
     * timeout: the 503 page comes in milliseconds, and nothing piles up in memory. A Redis that is
     * connected but silent still fails at the command timeout (spring.data.redis.timeout).
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    /**
     * Lettuce reconnects by itself, but its waits between attempts grow to 30 s: after a long outage the
     * instance would stay unavailable for up to 30 s after Redis returned. At most 1 s instead.
     */
    @Bean
    ClientResourcesBuilderCustomizer reconnectWithinASecond() {
        return resources -> resources.reconnectDelay(
                Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS));
    }

    @Bean(destroyMethod = "close")
    RedisActiveSessions activeSessions(ReactiveStringRedisTemplate redis, VestibuleProperties properties,
                                       MeterRegistry meterRegistry) {
        var activeSessions = new RedisActiveSessions(redis, properties.session().redisNamespace(),
                properties.session().activeCountEvery());
        ActiveSessions.register(activeSessions, meterRegistry);
        activeSessions.start();
        return activeSessions;
    }
}
