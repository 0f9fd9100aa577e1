package dev.vestibule.adapters.web.edge;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/**
 * Applies forwarded headers when, and only when, the connection's peer is a trusted proxy, and removes
 * them in every case, so nothing downstream (Spring Security, the session cookie, throttling, security
 * events) can read a forwarded header that was not believed.
 *
 * <p>Scheme, host, port and prefix are Spring's {@link ForwardedHeaderTransformer}'s work. The client
 * address is not: Spring takes the leftmost X-Forwarded-For entry, which the client writes itself;
 * {@link ForwardedFor} takes the rightmost one that is not a trusted proxy. A value Spring cannot read
 * (a host with a space, a port that is no number) leaves the request as the peer sent it, never a 500.
 */
final class ForwardedRequests {

    private static final Logger log = LoggerFactory.getLogger(ForwardedRequests.class);

    static final String FORWARDED = "Forwarded";
    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    static final List<String> X_FORWARDED = List.of(
            X_FORWARDED_FOR,
            "X-Forwarded-Proto",
            "X-Forwarded-Host",
            "X-Forwarded-Port",
            "X-Forwarded-Prefix",
            "X-Forwarded-Ssl");

    private final TrustedProxies proxies;
    private final ForwardedHeaderTransformer applier = new ForwardedHeaderTransformer();
    private final ForwardedHeaderTransformer remover = new ForwardedHeaderTransformer();

    ForwardedRequests(TrustedProxies proxies) {
        this.proxies = proxies;
        remover.setRemoveOnly(true);
    }

    /** Whether the request's own connection comes from a trusted proxy. */
    boolean fromTrustedProxy(ServerHttpRequest request) {
        return proxies.includes(peer(request));
    }

    ServerHttpRequest apply(ServerHttpRequest request) {
        InetAddress peer = peer(request);
        if (!proxies.includes(peer)) {
            return remover.apply(request);
        }
        boolean xForwarded = proxies.headerStyle() == ForwardedHeaderStyle.X_FORWARDED;
        ServerHttpRequest oneFamily = request.mutate()
                .headers(headers -> {
                    if (xForwarded) {
                        headers.remove(FORWARDED);
                    } else {
                        X_FORWARDED.forEach(headers::remove);
                    }
                })
                .build();
        HttpHeaders headers = oneFamily.getHeaders();
        List<String> chain = xForwarded
                ? ForwardedFor.xForwardedFor(headers.getOrEmpty(X_FORWARDED_FOR))
                : ForwardedFor.forwarded(headers.getOrEmpty(FORWARDED));
        InetAddress client = ForwardedFor.client(peer, chain, proxies);
        ServerHttpRequest applied;
        try {
            applied = applier.apply(oneFamily);
        } catch (RuntimeException unreadable) {
            // Debug only: the values may come from the client, and a warning per request would let it fill the log.
            log.debug("Forwarded headers from {} not applied: {}", peer.getHostAddress(), unreadable.getMessage());
            applied = remover.apply(oneFamily);
        }
        InetSocketAddress remote = client.equals(peer) ? request.getRemoteAddress() : new InetSocketAddress(client, 0);
        return applied.mutate().remoteAddress(remote).build();
    }

    private static InetAddress peer(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null ? null : remote.getAddress();
    }
}
