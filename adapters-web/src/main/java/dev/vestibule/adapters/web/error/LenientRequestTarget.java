package dev.vestibule.adapters.web.error;

import io.netty.channel.ChannelPipeline;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/** Puts {@link RequestTargetRepair} right behind Netty's HTTP/1.1 decoder, on every connection. */
@Component
class LenientRequestTarget implements NettyServerCustomizer {

    static final String HANDLER_NAME = "vestibule.requestTargetRepair";

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(HANDLER_NAME) == null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, RequestTargetRepair.INSTANCE);
            }
        });
    }
}
