package dev.vestibule.adapters.web.session;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.session.WebSessionIdResolver;

/** The session cookie, for whichever session store bootstrap chooses (memory or Redis). */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    @Bean
    WebSessionIdResolver webSessionIdResolver() {
        return new SessionCookieResolver();
    }
}
