package dev.vestibule.adapters.web.error;

import dev.vestibule.adapters.web.text.Text;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's firewall refuses addresses that different parts of a stack could read differently
 * (encoded slashes or percent signs, ";", "..", NUL in the path) with an empty 400 response; this turns
 * the refusal into the site's 400 page. The firewall runs before the security filters, so this page goes
 * out without the security headers; it shows no input, only fixed text.
 */
@Component
class FirewallRejectionPage implements ServerExchangeRejectedHandler {

    static final Text EXPLANATION = Text.of("refused.firewall");

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return Mono.error(new RefusedRequest(HttpStatus.BAD_REQUEST, EXPLANATION));
    }
}
