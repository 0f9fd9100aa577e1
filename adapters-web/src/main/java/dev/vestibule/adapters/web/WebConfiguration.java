package dev.vestibule.adapters.web;

import com.samskivert.mustache.Mustache;
import dev.vestibule.adapters.web.security.SessionCookieResolver;
import dev.vestibule.adapters.web.view.PrecompiledMustacheViewResolver;
import org.springframework.boot.mustache.autoconfigure.MustacheProperties;
import org.springframework.boot.mustache.reactive.view.MustacheViewResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * The web adapter's single entry point for bootstrap: pages, security, session cookie. It needs the
 * driving ports (LogIn, RegisterUser, ...) and a {@code RememberMeCookie} as beans.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@ComponentScan(basePackageClasses = WebConfiguration.class)
public class WebConfiguration {

    /** Empty strings count as false, so "{{#next}}" leaves out a hidden field that has nothing to carry. */
    @Bean
    Mustache.Compiler mustacheCompiler(Mustache.TemplateLoader mustacheTemplateLoader) {
        return Mustache.compiler().withLoader(mustacheTemplateLoader).emptyStringIsFalse(true);
    }

    /** Replaces Boot's resolver (which compiles the template on every render) with the same settings. */
    @Bean
    MustacheViewResolver mustacheViewResolver(Mustache.Compiler mustacheCompiler, MustacheProperties properties) {
        var resolver = new PrecompiledMustacheViewResolver(mustacheCompiler, properties.getPrefix(), properties.getSuffix(),
                properties.getCharset());
        resolver.setViewNames(properties.getViewNames());
        resolver.setRequestContextAttribute(properties.getRequestContextAttribute());
        if (properties.getReactive().getMediaTypes() != null && !properties.getReactive().getMediaTypes().isEmpty()) {
            resolver.setSupportedMediaTypes(properties.getReactive().getMediaTypes());
        }
        // Boot's own order for its Mustache resolver.
        resolver.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return resolver;
    }

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

    @Bean
    WebSessionIdResolver webSessionIdResolver() {
        return new SessionCookieResolver();
    }
}
