package dev.vestibule.bootstrap;

import java.util.ArrayList;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    @Bean
    ReactiveSessionRepositoryCustomizer<ReactiveRedisSessionRepository> sessionSettings(VestibuleProperties properties) {
        return repository -> {
            repository.setDefaultMaxInactiveInterval(properties.session().idleTimeout());
            repository.setRedisKeyNamespace(properties.session().redisNamespace());
        };
    }
}
