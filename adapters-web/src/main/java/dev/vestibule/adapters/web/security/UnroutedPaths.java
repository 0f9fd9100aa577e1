package dev.vestibule.adapters.web.security;

import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Matches the paths that no handler serves, so that a visitor who has not signed in gets the site's 404 page
 * for them rather than a login form (after which they would 404 anyway). Which paths are served is read from
 * the registered handler mappings, not from a list kept by hand, so it cannot drift from the routes: a new
 * controller is protected the moment it exists. A functional route counts as served when it would route the
 * request, so it stays behind the login too unless a rule says otherwise. The method is not considered: a
 * known path with the wrong method still asks for a login, as before.
 */
final class UnroutedPaths implements ServerWebExchangeMatcher {

    private final ObjectProvider<RequestMappingInfoHandlerMapping> annotatedMappings;
    private final ObjectProvider<RouterFunctionMapping> functionalMappings;
    private volatile List<PathPattern> patterns;

    UnroutedPaths(
            ObjectProvider<RequestMappingInfoHandlerMapping> annotatedMappings,
            ObjectProvider<RouterFunctionMapping> functionalMappings) {
        this.annotatedMappings = Objects.requireNonNull(annotatedMappings, "annotatedMappings");
        this.functionalMappings = Objects.requireNonNull(functionalMappings, "functionalMappings");
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (patterns().stream().anyMatch(pattern -> pattern.matches(path))) {
            return MatchResult.notMatch();
        }
        return Flux.fromStream(functionalMappings.orderedStream())
                .mapNotNull(RouterFunctionMapping::getRouterFunction)
                .concatMap(routes -> routes(routes, exchange))
                .any(Boolean::booleanValue)
                .flatMap(routed -> routed ? MatchResult.notMatch() : MatchResult.match());
    }

    /** Every path pattern of every annotated handler method, read once the handler mappings are ready. */
    List<PathPattern> patterns() {
        List<PathPattern> known = patterns;
        if (known == null) {
            known = annotatedMappings
                    .orderedStream()
                    .flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
                    .flatMap(info -> info.getPatternsCondition().getPatterns().stream())
                    .distinct()
                    .toList();
            patterns = known;
        }
        return known;
    }

    private static Mono<Boolean> routes(RouterFunction<?> routes, ServerWebExchange exchange) {
        ServerRequest request =
                ServerRequest.create(exchange, HandlerStrategies.withDefaults().messageReaders());
        return routes.route(request).hasElement();
    }
}
