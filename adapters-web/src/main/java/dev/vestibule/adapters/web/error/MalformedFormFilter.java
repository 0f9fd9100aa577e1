package dev.vestibule.adapters.web.error;

import dev.vestibule.adapters.web.text.Text;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Reads every form body first in the security chain (right after the security headers are arranged,
 * before CSRF), so that a body nobody can read ends here as a page of the site, not later as a 500
 * wherever the form happens to be read first (often the CSRF filter):
 * <ul>
 * <li>broken percent-encoding ("%zz") makes WebFlux's form reader throw an IllegalArgumentException: 400;
 * <li>a body above {@code spring.http.codecs.max-in-memory-size} makes it throw a DataBufferLimitException: 413;
 * <li>a Content-Type header that does not parse (or names an unknown charset) throws from the header
 *     itself, for any request: 415.
 * </ul>
 * A well-formed form is read once and cached by the exchange as usual.
 */
public final class MalformedFormFilter implements WebFilter {

    static final Text UNREADABLE_CONTENT_TYPE = Text.of("refused.unreadable-content-type");
    static final Text MALFORMED_FORM = Text.of("refused.malformed-form");
    static final Text BODY_TOO_LARGE = Text.of("refused.body-too-large");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        MediaType contentType;
        try {
            contentType = exchange.getRequest().getHeaders().getContentType();
        } catch (InvalidMediaTypeException unreadable) {
            return Mono.error(new RefusedRequest(HttpStatus.UNSUPPORTED_MEDIA_TYPE, UNREADABLE_CONTENT_TYPE));
        }
        if (contentType == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(contentType)) {
            return chain.filter(exchange);
        }
        return exchange.getFormData()
                .onErrorMap(
                        DataBufferLimitException.class,
                        tooLarge -> new RefusedRequest(HttpStatus.CONTENT_TOO_LARGE, BODY_TOO_LARGE))
                .onErrorMap(
                        IllegalArgumentException.class,
                        malformed -> new RefusedRequest(HttpStatus.BAD_REQUEST, MALFORMED_FORM))
                .then(chain.filter(exchange));
    }
}
