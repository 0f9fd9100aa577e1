package dev.vestibule.bootstrap;

import dev.vestibule.adapters.persistence.user.UserCacheSettings;
import dev.vestibule.adapters.persistence.user.UserCacheStatus;
import dev.vestibule.bootstrap.metrics.UserCacheMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The settings of the per-instance user cache, from {@code vestibule.user-cache.*}, and its metrics. The cache
 * itself belongs to the persistence adapter, which creates it with the PostgreSQL driver only; without it
 * there is nothing to measure and no meter is registered.
 */
@Configuration(proxyBeanMethods = false)
class UserCacheConfiguration {

    @Bean
    UserCacheSettings userCacheSettings(VestibuleProperties properties) {
        return properties.userCache().settings();
    }

    @Bean
    MeterBinder userCacheMetrics(ObjectProvider<UserCacheStatus> userCache) {
        return registry -> userCache.ifAvailable(status -> UserCacheMetrics.register(status, registry));
    }
}
