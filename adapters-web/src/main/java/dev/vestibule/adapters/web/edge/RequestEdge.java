package dev.vestibule.adapters.web.edge;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Wraps the whole WebFlux handler, outside every WebFilter (Spring Security's included) and error
 * handler: the forwarded headers are settled before anything reads the client address, scheme or host,
 * and the access log sees the status that was really sent, error pages included.
 */
final class RequestEdge implements HttpHandler {

    private final HttpHandler delegate;
    private final ForwardedRequests forwardedRequests;

    RequestEdge(HttpHandler delegate, ForwardedRequests forwardedRequests) {
        this.delegate = delegate;
        this.forwardedRequests = forwardedRequests;
    }

    @Override
    public Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
        long start = System.nanoTime();
        String proposedId = forwardedRequests.fromTrustedProxy(request)
                ? request.getHeaders().getFirst(CorrelationId.HEADER)
                : null;
        String correlationId = CorrelationId.from(proposedId);
        ServerHttpRequest settled = forwardedRequests
                .apply(request)
                .mutate()
                .headers(headers -> headers.set(CorrelationId.HEADER, correlationId))
                .build();
        response.beforeCommit(
                () -> Mono.fromRunnable(() -> response.getHeaders().set(CorrelationId.HEADER, correlationId)));
        return delegate.handle(settled, response)
                .doFinally(signal -> AccessLog.record(
                        settled,
                        signal == SignalType.CANCEL && !response.isCommitted() ? null : response.getStatusCode(),
                        System.nanoTime() - start,
                        correlationId))
                .contextWrite(context -> context.put(CorrelationId.CONTEXT_KEY, correlationId));
    }
}
