package dev.vestibule.bootstrap;

import dev.vestibule.adapters.memory.MemoryConfiguration;
import dev.vestibule.adapters.memory.MemorySettings;
import dev.vestibule.adapters.memory.session.InMemoryActiveSessions;
import dev.vestibule.adapters.redis.RedisConfiguration;
import dev.vestibule.adapters.redis.RedisSettings;
import dev.vestibule.adapters.redis.session.RedisActiveSessions;
import dev.vestibule.bootstrap.metrics.ActiveSessions;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Where sessions and throttling buckets live, chosen by {@code vestibule.session.store}: Redis for a
 * deployment of several instances, this process's memory for one instance (the default). Both go together:
 * buckets kept per instance would give an attacker a new allowance on every instance.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "vestibule.session.store", havingValue = "redis")
    @Import(RedisConfiguration.class)
    static class InRedis {

        @Bean
        RedisSettings redisSettings(VestibuleProperties properties) {
            return new RedisSettings(
                    properties.session().redisNamespace(),
                    properties.session().idleTimeout(),
                    properties.session().activeCountEvery(),
                    properties.throttling().redisKeyPrefix());
        }

        @Bean
        MeterBinder activeSessionsMetric(RedisActiveSessions activeSessions) {
            return registry -> ActiveSessions.register(activeSessions::count, registry);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "vestibule.session.store", havingValue = "memory", matchIfMissing = true)
    @Import(MemoryConfiguration.class)
    static class InMemory {

        @Bean
        MemorySettings memorySettings(VestibuleProperties properties) {
            return new MemorySettings(properties.session().idleTimeout());
        }

        @Bean
        MeterBinder activeSessionsMetric(InMemoryActiveSessions activeSessions) {
            return registry -> ActiveSessions.register(activeSessions::count, registry);
        }
    }
}
