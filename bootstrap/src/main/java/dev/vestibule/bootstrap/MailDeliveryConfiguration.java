package dev.vestibule.bootstrap;

import dev.vestibule.adapters.mail.MailConfiguration;
import dev.vestibule.adapters.mail.MailSettings;
import dev.vestibule.application.mail.DeliverQueuedMailService;
import dev.vestibule.application.mail.MailDeliverySettings;
import dev.vestibule.application.mail.PurgeFinishedMailService;
import dev.vestibule.bootstrap.metrics.MailMetrics;
import dev.vestibule.domain.port.in.DeliverQueuedMail;
import dev.vestibule.domain.port.in.PurgeFinishedMail;
import dev.vestibule.domain.port.out.MailOutbox;
import dev.vestibule.domain.port.out.MailSender;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Mail: the mail adapter (SMTP from {@code spring.mail.*}, or the log), the outbox's delivery and retention use
 * cases, and the schedule that runs them on every instance, from {@code vestibule.mail.*}.
 */
@Configuration(proxyBeanMethods = false)
@Import(MailConfiguration.class)
class MailDeliveryConfiguration {

    @Bean
    MailSettings mailSettings(VestibuleProperties properties) {
        VestibuleProperties.Mail mail = properties.mail();
        return new MailSettings(mail.from(), properties.publicUrl(), mail.threads(), mail.queueSize());
    }

    @Bean
    MailDeliverySettings mailDeliverySettings(VestibuleProperties properties) {
        VestibuleProperties.Mail mail = properties.mail();
        return new MailDeliverySettings(
                mail.batchSize(),
                mail.concurrency(),
                mail.lease(),
                mail.firstRetryAfter(),
                mail.maxRetryAfter(),
                mail.maxAttempts(),
                mail.maxAge());
    }

    @Bean
    DeliverQueuedMail deliverQueuedMail(
            MailOutbox outbox, MailSender sender, MailDeliverySettings settings, Clock clock) {
        return new DeliverQueuedMailService(outbox, sender, settings, clock);
    }

    @Bean
    PurgeFinishedMail purgeFinishedMail(MailOutbox outbox, VestibuleProperties properties, Clock clock) {
        return new PurgeFinishedMailService(outbox, properties.mail().retention(), clock);
    }

    @Bean
    MailMetrics mailMetrics(MeterRegistry meterRegistry) {
        return new MailMetrics(meterRegistry);
    }

    @Bean
    MailDeliverySchedule mailDeliverySchedule(
            DeliverQueuedMail delivery, PurgeFinishedMail purge, MailMetrics metrics, VestibuleProperties properties) {
        return new MailDeliverySchedule(
                delivery,
                purge,
                metrics,
                properties.mail().deliveryInterval(),
                properties.retention().purgeInterval());
    }
}
