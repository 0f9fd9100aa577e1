package dev.vestibule.adapters.web.text;

import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The message bundles and the choice of language. Declared here rather than left to Boot's
 * {@code spring.messages.*}, so that the web adapter brings its texts along wherever it runs (bootstrap, the
 * slice tests) with the same settings, and so that the server's own locale never decides a page's language.
 */
@Configuration(proxyBeanMethods = false)
class TextConfiguration {

    static final String BASENAME = "messages";

    /**
     * The application context's MessageSource (the bean name is what the context looks for). Every message
     * goes through MessageFormat, with or without arguments, so an apostrophe is always written twice. The
     * bundles are read here, at startup, and kept: left to the first request in each language, reading them
     * would be file I/O on an event-loop thread.
     */
    @Bean
    MessageSource messageSource() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename(BASENAME);
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        // A code no bundle has, with a default: looking it up loads (and caches) each language's bundles.
        var loadTheBundles = new DefaultMessageSourceResolvable(new String[] {"-"}, "");
        Texts.SUPPORTED.forEach(locale -> messages.getMessage(loadTheBundles, locale));
        return messages;
    }

    /** Accept-Language picks English or German ("de-AT" is German); anything else, or nothing, is English. */
    @Bean(WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
    LocaleContextResolver localeContextResolver() {
        var resolver = new AcceptHeaderLocaleContextResolver();
        resolver.setSupportedLocales(Texts.SUPPORTED);
        resolver.setDefaultLocale(Texts.DEFAULT);
        return resolver;
    }
}
