package dev.vestibule.adapters.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;

/**
 * The web adapter's single entry point for bootstrap: pages, security, session cookie. It needs the
 * driving ports (LogIn, RegisterUser, ...), a {@code RememberMeCookie} and a {@code SessionPolicy} as beans.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@ComponentScan(basePackageClasses = WebConfiguration.class)
public class WebConfiguration {

    /**
     * Event loops owned by this application context rather than Reactor Netty's JVM-wide ones: closing
     * one context (an instance stopped in a test, a refresh) must not take down the loops of another.
     */
    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }
}
