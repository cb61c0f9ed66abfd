package io.streamwire.examples.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * One simulated HTTP-FLV reader (flv.js, mpegts.js, ffplay): it opens the stream once and reads it
 * for the whole run. It checks the "FLV" signature (Adobe FLV 10.1 §E.2), counts the bytes, and
 * counts as errors a non-2xx answer, a reset, no byte for the request timeout, and an early close
 * (the response ended or the connection closed before the run did). It does not reconnect, so
 * "readers connected" at the end is the readers that lasted.
 *
 * <p>Not thread-safe: its state lives on one event loop.
 */
final class FlvReader {
    private final LoadContext ctx;
    private final EventLoop loop;
    private final URI uri;
    private final StreamStats stats;
    private long seen;
    private boolean failed;

    FlvReader(LoadContext ctx, URI uri, StreamStats stats) {
        this.ctx = ctx;
        this.loop = ctx.group.next();
        this.uri = uri;
        this.stats = stats;
    }

    void start(long delayMillis) {
        loop.schedule(this::connect, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void connect() {
        if (ctx.stopping()) {
            return;
        }
        ctx.connect(loop, uri, 80, new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new ReadTimeoutHandler(ctx.config.requestTimeoutSeconds()),
                        new HttpClientCodec(4096, 8192, 65536), new Handler());
            }
        }).addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                fail(() -> stats.failures.exception(f.cause(), true));
                return;
            }
            DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                    HlsViewer.pathOf(uri), Unpooled.EMPTY_BUFFER);
            request.headers().set(HttpHeaderNames.HOST, uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
            request.headers().set(HttpHeaderNames.USER_AGENT, "streamwire-load");
            f.channel().writeAndFlush(request);
        });
    }

    private void fail(Runnable count) {
        if (!failed && !ctx.stopping()) {
            failed = true;
            count.run();
        }
    }

    private final class Handler extends SimpleChannelInboundHandler<HttpObject> {
        private boolean started;

        @Override
        protected void channelRead0(ChannelHandlerContext c, HttpObject msg) {
            if (msg instanceof HttpResponse response) {
                int code = response.status().code();
                if (code / 100 != 2) {
                    fail(() -> stats.failures.status(code, "FLV " + uri));
                    c.close();
                    return;
                }
                started = true;
                stats.connected.increment();
            }
            if (msg instanceof HttpContent content && started) {
                ByteBuf b = content.content();
                int n = b.readableBytes();
                for (int i = 0; i < n && seen + i < 3; i++) {
                    if (b.getByte(b.readerIndex() + i) != "FLV".charAt((int) seen + i)) {
                        fail(() -> stats.failures.other("no FLV signature from " + uri));
                        c.close();
                        return;
                    }
                }
                seen += n;
                stats.bytes.add(n);
                if (msg instanceof LastHttpContent && !ctx.stopping()) {
                    fail(() -> stats.failures.earlyClose("FLV response ended after " + seen + " bytes"));
                    c.close();
                }
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext c) {
            if (started) {
                stats.connected.decrement();
            }
            fail(() -> stats.failures.earlyClose("FLV connection closed after " + seen + " bytes"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext c, Throwable cause) {
            fail(() -> stats.failures.exception(cause, false));
            c.close();
        }
    }
}
