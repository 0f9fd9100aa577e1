package dev.vestibule.bootstrap;

import dev.vestibule.application.UseCases;
import dev.vestibule.domain.port.in.PurgeExpiredRecords;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The retention purge and the schedule that runs it on every instance. */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    /** Built with the other use cases ({@link UseCases}); its retention period is one of their settings. */
    @Bean
    PurgeExpiredRecords purgeExpiredRecords(UseCases useCases) {
        return useCases.purgeExpiredRecords();
    }

    @Bean
    RetentionSchedule retentionSchedule(PurgeExpiredRecords purge, VestibuleProperties properties) {
        Duration interval = properties.retention().purgeInterval();
        return new RetentionSchedule(purge, RetentionSchedule.firstRunAfter(interval), interval);
    }
}
