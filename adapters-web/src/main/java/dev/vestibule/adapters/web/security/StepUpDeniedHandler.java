package dev.vestibule.adapters.web.security;

import dev.vestibule.adapters.web.layout.PageModel;
import dev.vestibule.adapters.web.login.NextPath;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * (issue 14) A signed-in user refused by {@link SecondFactorRequirement} gets a 403 page that says why and offers to
 * log out and sign in again with the second factor, coming back to the page afterwards: the site's layout, with the
 * user's navigation and the logout form's CSRF token (which Boot's error handler, rendering without a user, could not
 * give). Every other refusal goes to {@code otherwise}.
 */
final class StepUpDeniedHandler implements ServerAccessDeniedHandler {

    static final String VIEW = "error/step-up";

    private final ServerAccessDeniedHandler otherwise;
    private final long windowMinutes;
    private final ServerResponse.Context rendering;

    StepUpDeniedHandler(
            ServerAccessDeniedHandler otherwise,
            long windowMinutes,
            List<HttpMessageWriter<?>> messageWriters,
            List<ViewResolver> viewResolvers) {
        this.otherwise = Objects.requireNonNull(otherwise, "otherwise");
        this.windowMinutes = windowMinutes;
        List<HttpMessageWriter<?>> writers = List.copyOf(messageWriters);
        List<ViewResolver> resolvers = List.copyOf(viewResolvers);
        this.rendering = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return resolvers;
            }
        };
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        if (!Boolean.TRUE.equals(exchange.getAttribute(SecondFactorRequirement.STEP_UP_NEEDED))) {
            return otherwise.handle(exchange, denied);
        }
        String next = NextPath.parse(
                        exchange.getRequest().getPath().pathWithinApplication().value()
                                + (exchange.getRequest().getURI().getRawQuery() == null
                                        ? ""
                                        : "?" + exchange.getRequest().getURI().getRawQuery()))
                .orElse("/");
        return PageModel.attributes(exchange)
                .flatMap(model -> {
                    model.put("minutes", windowMinutes);
                    model.put("next", next);
                    return ServerResponse.status(HttpStatus.FORBIDDEN).render(VIEW, model);
                })
                .flatMap(response -> response.writeTo(exchange, rendering));
    }
}
