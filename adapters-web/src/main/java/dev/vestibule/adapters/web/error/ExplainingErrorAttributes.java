package dev.vestibule.adapters.web.error;

import dev.vestibule.adapters.web.text.Texts;
import dev.vestibule.adapters.web.throttling.TooManyAttempts;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webflux.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Boot's error attributes plus, for a {@link RefusedRequest}, its explanation: the error pages say what
 * was wrong with the request ("the password field is longer than ...") instead of only "bad request".
 * Messages of other exceptions stay hidden (server.error.include-message=never). A throttled request
 * also gets how long to wait, for the 429 page. Both in the request's language.
 */
@Component
class ExplainingErrorAttributes extends DefaultErrorAttributes {

    static final String EXPLANATION = "explanation";

    @Override
    public Map<String, Object> getErrorAttributes(ServerRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Texts texts = Texts.of(request.exchange());
        if (getError(request) instanceof RefusedRequest refused) {
            attributes.put(EXPLANATION, texts.get(refused.explanation()));
        }
        request.attribute(TooManyAttempts.RETRY_AFTER_ATTRIBUTE).ifPresent(seconds -> {
            long wait = (Long) seconds;
            attributes.put("retryAfterSeconds", wait);
            attributes.put(
                    "retryAfterText",
                    wait < 90
                            ? texts.get("error.retry-after.seconds", wait)
                            : texts.get("error.retry-after.minutes", (wait + 59) / 60));
        });
        return attributes;
    }
}
