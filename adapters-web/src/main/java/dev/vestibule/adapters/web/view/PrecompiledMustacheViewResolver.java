package dev.vestibule.adapters.web.view;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.mustache.reactive.view.MustacheViewResolver;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.web.reactive.result.view.AbstractUrlBasedView;
import org.springframework.web.reactive.result.view.View;
import reactor.core.publisher.Mono;

/**
 * Boot's reactive Mustache views read their template from the classpath and compile it on every render,
 * on the event loop: file I/O where nothing may block, and the same CPU work thousands of times a second.
 * This resolver reads and compiles every template (partials included) once, when the application starts,
 * and hands out one view per name for the life of the application.
 */
final class PrecompiledMustacheViewResolver extends MustacheViewResolver {

    private final Map<String, Template> templates;
    private final Map<String, Mono<View>> views = new ConcurrentHashMap<>();

    /**
     * @param prefix where the templates are, e.g. {@code classpath:/templates/}
     * @param suffix their file ending, e.g. {@code .mustache}
     */
    PrecompiledMustacheViewResolver(Mustache.Compiler compiler, String prefix, String suffix, Charset charset) {
        super(compiler);
        setPrefix(prefix);
        setSuffix(suffix);
        setCharset(charset);
        Map<String, String> sources = readAll(prefix, suffix, charset);
        Mustache.Compiler inMemory = compiler.withLoader(name -> {
            String source = sources.get(name);
            if (source == null) {
                throw new IllegalArgumentException("No template named " + name);
            }
            return new StringReader(source);
        });
        Map<String, Template> compiled = new HashMap<>();
        sources.forEach((name, source) -> compiled.put(name, inMemory.compile(source)));
        this.templates = Map.copyOf(compiled);
    }

    @Override
    public Mono<View> resolveViewName(String viewName, Locale locale) {
        // Templates are not localized: one view per name serves every locale.
        return views.computeIfAbsent(
                viewName, name -> super.resolveViewName(name, locale).cache());
    }

    @Override
    protected AbstractUrlBasedView createView(String viewName) {
        PrecompiledMustacheView view = (PrecompiledMustacheView) super.createView(viewName);
        view.setTemplate(templates.get(viewName));
        view.setPageKey(viewName.replace('/', '.'));
        view.setMessages(getApplicationContext());
        return view;
    }

    @Override
    protected AbstractUrlBasedView instantiateView() {
        return new PrecompiledMustacheView();
    }

    @Override
    protected Class<?> requiredViewClass() {
        return PrecompiledMustacheView.class;
    }

    /** Template sources by the name a view or a partial uses ("login/login", "partials/csrf"). */
    private static Map<String, String> readAll(String prefix, String suffix, Charset charset) {
        ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        String folder = (prefix.endsWith("/") ? prefix : prefix + "/").replaceFirst("^classpath\\*?:", "");
        Map<String, String> sources = new HashMap<>();
        try {
            // Each classpath root (a directory in development, a jar when packaged) that has the folder.
            for (Resource root : resolver.getResources("classpath*:" + folder)) {
                String base = root.getURL().toString();
                for (Resource template : resolver.getResources(base + "**/*" + suffix)) {
                    String url = template.getURL().toString();
                    String name = url.substring(base.length(), url.length() - suffix.length());
                    sources.putIfAbsent(name, template.getContentAsString(charset));
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read the page templates under " + prefix, unreadable);
        }
        return sources;
    }
}
