package dev.vestibule.adapters.mail;

import dev.vestibule.domain.port.out.MailSender;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The mail adapter's single entry point for bootstrap: the {@link MailSender} port. Over SMTP when Spring Boot
 * configured a {@link JavaMailSender} ({@code spring.mail.host} is set), to the log otherwise (the embedded
 * default). Needs a {@link MailSettings} bean.
 */
@Configuration(proxyBeanMethods = false)
public class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    MailTemplates mailTemplates(MailSettings settings) {
        return new MailTemplates(settings.publicUrl());
    }

    @Bean(destroyMethod = "dispose")
    MailSendingPool mailSendingPool(MailSettings settings) {
        return new MailSendingPool(settings);
    }

    @Bean
    MailSender vestibuleMailSender(
            ObjectProvider<JavaMailSender> javaMailSender,
            MailTemplates templates,
            MailSettings settings,
            MailSendingPool mailSendingPool) {
        JavaMailSender smtp = javaMailSender.getIfAvailable();
        if (smtp == null) {
            log.info("No spring.mail.host is set: mails are written to the log instead of being sent (links included)");
            return new LoggingMailSender(templates, mailSendingPool.scheduler());
        }
        return new SmtpMailSender(smtp, templates, address(settings.from()), mailSendingPool.scheduler());
    }

    private static InternetAddress address(String from) {
        try {
            InternetAddress address = new InternetAddress(from, true);
            address.validate();
            return address;
        } catch (AddressException malformed) {
            throw new IllegalArgumentException("vestibule.mail.from is not a mail address: " + from, malformed);
        }
    }
}
