package dev.vestibule.adapters.web.view;

import com.samskivert.mustache.Mustache;
import org.springframework.boot.mustache.autoconfigure.MustacheProperties;
import org.springframework.boot.mustache.reactive.view.MustacheViewResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Mustache as Boot configures it, but with every template compiled once, at startup. */
@Configuration(proxyBeanMethods = false)
class ViewConfiguration {

    /** Empty strings count as false, so "{{#next}}" leaves out a hidden field that has nothing to carry. */
    @Bean
    Mustache.Compiler mustacheCompiler(Mustache.TemplateLoader mustacheTemplateLoader) {
        return Mustache.compiler().withLoader(mustacheTemplateLoader).emptyStringIsFalse(true);
    }

    /** Replaces Boot's resolver (which compiles the template on every render) with the same settings. */
    @Bean
    MustacheViewResolver mustacheViewResolver(Mustache.Compiler mustacheCompiler, MustacheProperties properties) {
        var resolver = new PrecompiledMustacheViewResolver(
                mustacheCompiler, properties.getPrefix(), properties.getSuffix(), properties.getCharset());
        resolver.setViewNames(properties.getViewNames());
        resolver.setRequestContextAttribute(properties.getRequestContextAttribute());
        if (properties.getReactive().getMediaTypes() != null
                && !properties.getReactive().getMediaTypes().isEmpty()) {
            resolver.setSupportedMediaTypes(properties.getReactive().getMediaTypes());
        }
        // Boot's own order for its Mustache resolver.
        resolver.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return resolver;
    }
}
