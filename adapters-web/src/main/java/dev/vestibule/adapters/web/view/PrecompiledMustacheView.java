package dev.vestibule.adapters.web.view;

import com.samskivert.mustache.Template;
import dev.vestibule.adapters.web.text.Texts;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.mustache.reactive.view.MustacheView;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A Mustache view whose template was compiled at startup: rendering is pure CPU, no I/O, no parsing. Every
 * page also sees, whoever rendered it (a controller or Boot's error handler): {@code t}, the lambda that
 * reads the message bundles in the request's language; {@code lang}, that language; and {@code pageKey},
 * the view name as the first part of the page's own keys ("error/404" has "error.404.title").
 */
final class PrecompiledMustacheView extends MustacheView {

    static final String LANGUAGE = "lang";
    static final String PAGE_KEY = "pageKey";

    private Template template;
    private String pageKey;
    private MessageSource messages;

    void setTemplate(Template template) {
        this.template = template;
    }

    void setPageKey(String pageKey) {
        this.pageKey = pageKey;
    }

    /** The application context, whose MessageSource is the bundles' (set before Spring initializes the view). */
    void setMessages(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public boolean checkResourceExists(Locale locale) {
        return template != null;
    }

    @Override
    protected Mono<Void> renderInternal(Map<String, Object> model, MediaType contentType, ServerWebExchange exchange) {
        Charset charset = contentType != null && contentType.getCharset() != null
                ? contentType.getCharset()
                : getDefaultCharset();
        DataBuffer buffer = exchange.getResponse().bufferFactory().allocateBuffer(4096);
        Texts texts = new Texts(messages, Texts.localeOf(exchange));
        Map<String, Object> page = new HashMap<>(model);
        page.put(Texts.LAMBDA, texts.lambda());
        page.put(LANGUAGE, texts.languageTag());
        page.put(PAGE_KEY, pageKey);
        try (Writer writer = new OutputStreamWriter(buffer.asOutputStream(), charset)) {
            template.execute(page, writer);
            writer.flush();
        } catch (Exception failure) {
            DataBufferUtils.release(buffer);
            return Mono.error(failure);
        }
        return exchange.getResponse().writeWith(Flux.just(buffer));
    }
}
