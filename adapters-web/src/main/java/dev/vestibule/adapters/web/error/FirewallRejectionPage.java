package dev.vestibule.adapters.web.error;

import dev.vestibule.adapters.web.text.Text;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spring Security's firewall refuses addresses that different parts of a stack could read differently
 * (encoded slashes or percent signs, ";", "..", NUL in the path) with an empty 400 response; this turns
 * the refusal into the site's 400 page. The firewall runs before the security filters, so the page would go
 * out without the security headers (CSP, frame options, nosniff...): the headers writer of the chain that
 * would have served the request is run here first, so this page carries exactly what every page carries.
 */
@Component
class FirewallRejectionPage implements ServerExchangeRejectedHandler {

    static final Text EXPLANATION = Text.of("refused.firewall");

    private final ObjectProvider<SecurityWebFilterChain> chains;

    FirewallRejectionPage(ObjectProvider<SecurityWebFilterChain> chains) {
        this.chains = Objects.requireNonNull(chains, "chains");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        Mono<Void> page = Mono.error(new RefusedRequest(HttpStatus.BAD_REQUEST, EXPLANATION));
        return Flux.fromStream(chains.orderedStream())
                .filterWhen(chain -> chain.matches(exchange))
                .next()
                .flatMap(chain -> chain.getWebFilters()
                        .filter(HttpHeaderWriterWebFilter.class::isInstance)
                        .next())
                .map(WebFilter.class::cast)
                .flatMap(headers -> headers.filter(exchange, unused -> page).thenReturn(true))
                .switchIfEmpty(page.thenReturn(true))
                .then();
    }
}
