package dev.vestibule.adapters.web.benchmark;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /ceiling}: a constant two-byte answer from a functional route, with no security rule, no security
 * header and no session, so the load benchmark can put a page view of this very build and instance next to what the
 * framework alone does on the same machine. Only a benchmark instance turns it on
 * ({@code vestibule.benchmark.ceiling-endpoint=true}); everywhere else the path does not exist.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vestibule.benchmark.ceiling-endpoint", havingValue = "true")
class CeilingEndpointConfiguration {

    static final String PATH = "/ceiling";
    static final String BODY = "ok";

    @Bean
    RouterFunction<ServerResponse> ceilingRoute() {
        return RouterFunctions.route(
                RequestPredicates.GET(PATH),
                request -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue(BODY));
    }

    /**
     * Matched before the site's chain, so the site's rules never see the path. Everything that could reach for
     * the WebSession is off (CSRF, request cache, the security context is neither loaded nor saved), so Spring
     * Session neither looks a session up nor creates one; what remains are Spring Security's few cheap
     * always-on filters, which every page of the site goes through as well.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain ceilingWithoutSecurity(ServerHttpSecurity http) {
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, PATH))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .build();
    }
}
