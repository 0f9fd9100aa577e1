package dev.vestibule.adapters.web.account;

import dev.vestibule.adapters.web.session.SessionUserContextRepository;
import dev.vestibule.domain.model.session.Handle;
import dev.vestibule.domain.port.in.ThisBrowser;
import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The sign-ins of the browser a request came from: its session, and the remembered browser that opened it. */
final class ThisBrowsers {

    private ThisBrowsers() {}

    static Mono<ThisBrowser> of(ServerWebExchange exchange) {
        return SessionUserContextRepository.currentHandle(exchange)
                .zipWith(SessionUserContextRepository.currentRememberedBrowser(exchange)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.<Handle>empty()))
                .map(both -> new ThisBrowser(both.getT1(), both.getT2()));
    }
}
