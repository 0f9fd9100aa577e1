package dev.vestibule.adapters.web.edge;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;

/** Puts {@link RequestEdge} around the application's HttpHandler; trusts no proxy unless given {@link TrustedProxies}. */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    /** The first decorator is the outermost one: nothing may see the request before its forwarded headers are settled. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    HttpHandlerDecoratorFactory requestEdge(ObjectProvider<TrustedProxies> trustedProxies) {
        ForwardedRequests forwardedRequests =
                new ForwardedRequests(trustedProxies.getIfAvailable(TrustedProxies::none));
        return handler -> new RequestEdge(handler, forwardedRequests);
    }
}
