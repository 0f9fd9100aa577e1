package dev.vestibule.adapters.web.error;

import dev.vestibule.adapters.web.layout.PageModel;
import java.util.Set;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Renders 4xx errors that arise behind the security filters (no such page, wrong method, unreadable
 * form) as pages of the site, with the real navigation: the signed-in user still sees their name.
 * Errors raised in the filters themselves (a refused CSRF token) fall through to Boot's error handler,
 * which renders the same templates without a user.
 */
@ControllerAdvice
class ErrorPageAdvice {

    private static final Set<Integer> PAGES_OF_THEIR_OWN = Set.of(403, 404, 405, 413, 415);

    @ExceptionHandler(ResponseStatusException.class)
    Mono<Rendering> errorPage(ResponseStatusException error, ServerWebExchange exchange) {
        HttpStatusCode status = error.getStatusCode();
        if (!status.is4xxClientError()) {
            return Mono.error(error);
        }
        String view = PAGES_OF_THEIR_OWN.contains(status.value()) ? "error/" + status.value() : "error/4xx";
        return PageModel.attributes(exchange)
                .map(attributes -> Rendering.view(view)
                        .model(attributes)
                        .modelAttribute("status", status.value())
                        .status(status)
                        .headers(error.getHeaders())
                        .build());
    }
}
