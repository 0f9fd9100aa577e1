package dev.vestibule.bootstrap;

import dev.vestibule.adapters.web.security.StepUp;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * (issue 14) Step-up: which pages need a recent second factor, and how recent. Its own properties record beside
 * {@link VestibuleProperties}, under the same {@code vestibule.two-factor} prefix that the authenticator app's settings
 * use, so that each binds only what it knows.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StepUpConfiguration.StepUpProperties.class)
class StepUpConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StepUpConfiguration.class);

    @Bean
    StepUp stepUp(StepUpProperties properties) {
        StepUp stepUp = new StepUp(properties.stepUpWindow(), properties.stepUpPaths());
        if (!stepUp.paths().isEmpty()) {
            log.info(
                    "Pages {} need a second factor given within {} (accounts without one pass)",
                    stepUp.paths(),
                    stepUp.window());
        }
        return stepUp;
    }

    /**
     * @param stepUpWindow how recent a second factor must be on a listed page
     * @param stepUpPaths  Spring path patterns of the pages that need it; none by default
     */
    @ConfigurationProperties("vestibule.two-factor")
    record StepUpProperties(
            @DefaultValue("15m") Duration stepUpWindow,
            @DefaultValue List<String> stepUpPaths) {}
}
