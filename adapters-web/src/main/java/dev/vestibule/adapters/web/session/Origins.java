package dev.vestibule.adapters.web.session;

import dev.vestibule.domain.model.event.Origin;
import java.net.InetSocketAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a request came from. The remote address is the connection's peer, or the client that the trusted
 * proxies named in their forwarded headers: {@code dev.vestibule.adapters.web.edge} settles it before any
 * filter runs, and removes every forwarded header, so nothing here can read a header that was not believed.
 */
public final class Origins {

    private Origins() {}

    public static Origin of(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        InetSocketAddress remote = request.getRemoteAddress();
        String address = remote == null
                ? "unknown"
                : remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
        return new Origin(address, request.getHeaders().getFirst(HttpHeaders.USER_AGENT));
    }
}
