package dev.vestibule.bootstrap;

import dev.vestibule.bootstrap.session.SparingSessionRepository;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.serializer.GenericJacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
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

    private static final Logger log = LoggerFactory.getLogger(RedisSessionConfiguration.class);

    /** Spring Session looks this serializer up by name. */
    @Bean
    RedisSerializer<Object> springSessionDefaultRedisSerializer() {
        // Sessions hold Strings and lists of Strings (flash messages); the CSRF token lives in a cookie;
        // nothing else may be turned back into an object.
        BasicPolymorphicTypeValidator.Builder allowedTypes = BasicPolymorphicTypeValidator.builder()
                .allowIfSubType(ArrayList.class);
        JsonMapper mapper = JsonMapper.builder()
                .addModules(SecurityJacksonModules.getModules(getClass().getClassLoader(), allowedTypes))
                .build();
        return new GenericJacksonJsonRedisSerializer(mapper);
    }

    @Bean
    ReactiveSessionRepositoryCustomizer<ReactiveRedisSessionRepository> sessionSettings(VestibuleProperties properties) {
        return repository -> {
            repository.setDefaultMaxInactiveInterval(properties.session().idleTimeout());
            repository.setRedisKeyNamespace(properties.session().redisNamespace());
        };
    }

    /** What the web sessions are stored through: writes only what changed, and the last access at a bounded rate. */
    @Bean
    @Primary
    ReactiveSessionRepository<? extends Session> sparingSessionRepository(ReactiveRedisSessionRepository sessionRepository,
                                                                          VestibuleProperties properties) {
        return SparingSessionRepository.decorating(sessionRepository,
                SparingSessionRepository.writeIntervalFor(properties.session().idleTimeout()));
    }

    /**
     * Opens the shared Redis connection at startup, before the server accepts requests. Left to itself,
     * Lettuce opens it on first use, and waits for it there: on the event loop of the first request.
     * Redis being down at startup is not fatal; the connection is then opened by the first use after all.
     */
    @Bean
    SmartInitializingSingleton connectToRedisAtStartup(LettuceConnectionFactory connectionFactory) {
        return () -> {
            // Closing hands the shared connection back; it stays open for the requests.
            try (AutoCloseable connection = connectionFactory.getReactiveConnection()) {
                log.debug("Connected to Redis: {}", connection);
            } catch (Exception unreachable) {
                log.warn("Redis is not reachable at startup; sessions will connect on first use: {}", unreachable.getMessage());
            }
        };
    }
}
