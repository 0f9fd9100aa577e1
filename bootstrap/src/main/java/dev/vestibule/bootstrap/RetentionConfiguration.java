package dev.vestibule.bootstrap;

import dev.vestibule.application.retention.PurgeExpiredRecordsService;
import dev.vestibule.domain.port.in.PurgeExpiredRecords;
import dev.vestibule.domain.port.out.KnownBrowserRepository;
import dev.vestibule.domain.port.out.RememberedBrowserRepository;
import dev.vestibule.domain.port.out.SecurityEventLog;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The retention purge and the schedule that runs it on every instance. */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    @Bean
    PurgeExpiredRecords purgeExpiredRecords(SecurityEventLog securityEvents, KnownBrowserRepository knownBrowsers,
                                            RememberedBrowserRepository rememberedBrowsers, VestibuleProperties properties,
                                            Clock clock) {
        return new PurgeExpiredRecordsService(securityEvents, knownBrowsers, rememberedBrowsers,
                properties.retention().securityEvents(), clock);
    }

    @Bean
    RetentionSchedule retentionSchedule(PurgeExpiredRecords purge, VestibuleProperties properties) {
        Duration interval = properties.retention().purgeInterval();
        return new RetentionSchedule(purge, RetentionSchedule.firstRunAfter(interval), interval);
    }
}
