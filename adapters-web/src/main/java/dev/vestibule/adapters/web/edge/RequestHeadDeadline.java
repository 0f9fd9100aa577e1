package dev.vestibule.adapters.web.edge;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One connection's request-head deadline (slowloris): armed by the first byte of a request, disarmed when Netty's
 * codec has decoded the request's head, and when it expires first the connection is closed without an answer.
 * Two handlers share it, because only the one before the codec sees bytes arrive and only the one after it sees a
 * head completed; both run on the connection's event loop, so the state needs no locking.
 */
final class RequestHeadDeadline {

    private final long timeoutNanos;
    private final SlowClientLog log;

    /** Between a request's head and the end of its body: bytes arriving then are the body, not a new head. */
    private boolean inBody;

    private ScheduledFuture<?> expiry;

    RequestHeadDeadline(Duration timeout, SlowClientLog log) {
        this.timeoutNanos = timeout.toNanos();
        this.log = log;
    }

    /** Before the codec: the first byte of a head arms the deadline. */
    ChannelInboundHandlerAdapter started() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext context, Object message) {
                if (expiry == null && !inBody && message instanceof ByteBuf bytes && bytes.isReadable()) {
                    expiry = context.executor().schedule(() -> expire(context), timeoutNanos, TimeUnit.NANOSECONDS);
                }
                context.fireChannelRead(message);
            }

            @Override
            public void channelInactive(ChannelHandlerContext context) {
                disarm();
                context.fireChannelInactive();
            }
        };
    }

    /** After the codec: a decoded head disarms it; the end of the body lets the next request's bytes arm it again. */
    ChannelInboundHandlerAdapter ended() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext context, Object message) {
                if (message instanceof HttpRequest) {
                    disarm();
                    inBody = true;
                }
                if (message instanceof LastHttpContent) {
                    inBody = false;
                }
                context.fireChannelRead(message);
            }
        };
    }

    private void disarm() {
        if (expiry != null) {
            expiry.cancel(false);
            expiry = null;
        }
    }

    private void expire(ChannelHandlerContext context) {
        expiry = null;
        if (context.channel().isActive()) {
            log.closed(context.channel().remoteAddress());
            context.channel().close();
        }
    }
}
