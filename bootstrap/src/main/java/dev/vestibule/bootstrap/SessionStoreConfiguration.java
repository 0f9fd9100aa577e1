package dev.vestibule.bootstrap;

import dev.vestibule.adapters.memory.MemoryConfiguration;
import dev.vestibule.adapters.memory.MemorySettings;
import dev.vestibule.adapters.memory.session.InMemoryActiveSessions;
import dev.vestibule.adapters.redis.RedisConfiguration;
import dev.vestibule.adapters.redis.RedisSettings;
import dev.vestibule.adapters.redis.session.RedisActiveSessions;
import dev.vestibule.adapters.web.session.CookieSigner;
import dev.vestibule.bootstrap.metrics.ActiveSessions;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Where sessions and throttling buckets live, chosen by {@code vestibule.session.store}: Redis for a
 * deployment of several instances, this process's memory for one instance (the default). Both go together:
 * buckets kept per instance would give an attacker a new allowance on every instance. The key that signs our
 * cookies follows the same choice: shared (required) with Redis, made at start when one instance is all there is.
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

        // issue 13 finding 6: several instances check each other's signatures, so the key must be shared
        @Bean
        CookieSigner cookieSigner(VestibuleProperties properties) {
            VestibuleProperties.CookieSigning signing = properties.cookieSigning();
            if (signing.key().isBlank()) {
                throw new IllegalStateException("vestibule.cookie-signing.key (VESTIBULE_COOKIE_SIGNING_KEY) is"
                        + " required with vestibule.session.store=redis: every instance must sign the CSRF token"
                        + " with the same key, of at least " + CookieSigner.MINIMUM_KEY_LENGTH + " characters"
                        + " (openssl rand -base64 48). See docs/operations.md, \"Cookie signing key\".");
            }
            return CookieSigner.withKeys(signing.key(), signing.previousKeys());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "vestibule.session.store", havingValue = "memory", matchIfMissing = true)
    @Import(MemoryConfiguration.class)
    static class InMemory {

        @Bean
        MemorySettings memorySettings(VestibuleProperties properties) {
            return new MemorySettings(
                    properties.session().idleTimeout(),
                    // issue 13 finding 2: the in-memory store's bound and sweep
                    properties.session().memoryMaxSessions(),
                    properties.session().memorySweepEvery());
        }

        // issue 13 finding 6: one instance may make its own key at each start (its sessions die with it too)
        @Bean
        CookieSigner cookieSigner(VestibuleProperties properties) {
            VestibuleProperties.CookieSigning signing = properties.cookieSigning();
            return signing.key().isBlank()
                    ? CookieSigner.withGeneratedKey()
                    : CookieSigner.withKeys(signing.key(), signing.previousKeys());
        }

        @Bean
        MeterBinder activeSessionsMetric(InMemoryActiveSessions activeSessions) {
            return registry -> ActiveSessions.register(activeSessions::count, registry);
        }
    }
}
