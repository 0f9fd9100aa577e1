package dev.vestibule.adapters.web.view;

import com.samskivert.mustache.Template;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.mustache.reactive.view.MustacheView;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A Mustache view whose template was compiled at startup: rendering is pure CPU, no I/O, no parsing. */
final class PrecompiledMustacheView extends MustacheView {

    private Template template;

    void setTemplate(Template template) {
        this.template = template;
    }

    @Override
    public boolean checkResourceExists(Locale locale) {
        return template != null;
    }

    @Override
    protected Mono<Void> renderInternal(Map<String, Object> model, MediaType contentType, ServerWebExchange exchange) {
        Charset charset = contentType != null && contentType.getCharset() != null
                ? contentType.getCharset() : getDefaultCharset();
        DataBuffer buffer = exchange.getResponse().bufferFactory().allocateBuffer(4096);
        try (Writer writer = new OutputStreamWriter(buffer.asOutputStream(), charset)) {
            template.execute(model, writer);
            writer.flush();
        } catch (Exception failure) {
            DataBufferUtils.release(buffer);
            return Mono.error(failure);
        }
        return exchange.getResponse().writeWith(Flux.just(buffer));
    }
}
