package dev.vestibule.adapters.web.error;

import dev.vestibule.adapters.web.security.TooManyAttempts;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webflux.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;

/** Boot's error attributes, plus how long a throttled visitor must wait, for the 429 page. */
@Component
class RetryAfterErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(ServerRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        request.attribute(TooManyAttempts.RETRY_AFTER_ATTRIBUTE).ifPresent(seconds -> {
            long wait = (Long) seconds;
            attributes.put("retryAfterSeconds", wait);
            attributes.put("retryAfterText", wait < 90 ? wait + " seconds" : ((wait + 59) / 60) + " minutes");
        });
        return attributes;
    }
}
