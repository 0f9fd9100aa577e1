package dev.vestibule.adapters.web.edge;

import io.netty.channel.ChannelPipeline;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Puts the {@link ConnectionLimits} on every connection of the site: the request-head deadline around Netty's
 * HTTP/1.1 codec, and Reactor Netty's own request timeout for the body. Bootstrap supplies the limits; the web
 * slice tests run with the defaults.
 */
@Component
class SlowClientGuard implements NettyServerCustomizer {

    static final String HEAD_STARTED = "vestibule.requestHeadStarted";
    static final String HEAD_ENDED = "vestibule.requestHeadEnded";

    private final ConnectionLimits limits;
    private final SlowClientLog log;

    SlowClientGuard(ObjectProvider<ConnectionLimits> limits) {
        this.limits = limits.getIfAvailable(ConnectionLimits::defaults);
        this.log = new SlowClientLog(this.limits.requestHeadTimeout());
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.requestTimeout(limits.requestBodyTimeout())
                .doOnChannelInit((observer, channel, remoteAddress) -> {
                    ChannelPipeline pipeline = channel.pipeline();
                    if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(HEAD_STARTED) == null) {
                        RequestHeadDeadline deadline = new RequestHeadDeadline(limits.requestHeadTimeout(), log);
                        pipeline.addBefore(NettyPipeline.HttpCodec, HEAD_STARTED, deadline.started());
                        pipeline.addAfter(NettyPipeline.HttpCodec, HEAD_ENDED, deadline.ended());
                    }
                });
    }
}
