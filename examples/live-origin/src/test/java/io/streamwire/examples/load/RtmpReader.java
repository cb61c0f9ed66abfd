package io.streamwire.examples.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.streamwire.rtmp.ClientSession;
import io.streamwire.rtmp.RtmpCommand;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * One simulated RTMP player (as ffplay or a relay plays {@code rtmp://host/app/key}), built on the
 * sans-IO {@link ClientSession} of rtmp-protocol: handshake, connect, createStream, play, then
 * media for the whole run. It counts audio and video body bytes; a reset, no byte for the request
 * timeout, an error answer, and the stream or connection ending before the run did are errors.
 * Used where a server has no HTTP-FLV (nginx-rtmp), so every server can be read the same way.
 *
 * <p>Not thread-safe: its state lives on one event loop.
 */
final class RtmpReader {
    private final LoadContext ctx;
    private final EventLoop loop;
    private final URI uri;
    private final StreamStats stats;
    private boolean failed;
    private boolean playing;

    RtmpReader(LoadContext ctx, URI uri, StreamStats stats) {
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
        String path = uri.getPath().substring(1);
        int slash = path.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("rtmp URL without app/key: " + uri);
        }
        String app = path.substring(0, slash);
        String key = path.substring(slash + 1);
        String tcUrl = "rtmp://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 1935 : uri.getPort()) + "/" + app;
        ClientSession session = ClientSession.player(app, tcUrl, key, new Listener());
        ctx.connect(loop, uri, 1935, new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new ReadTimeoutHandler(ctx.config.requestTimeoutSeconds()), new Handler(session));
            }
        }).addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                fail(() -> stats.failures.exception(f.cause(), true));
            }
        });
    }

    private void fail(Runnable count) {
        if (!failed && !ctx.stopping()) {
            failed = true;
            count.run();
        }
    }

    private static void flush(ClientSession session, Channel ch) {
        ByteBuffer out;
        boolean any = false;
        while ((out = session.pollOutbound()) != null) {
            ch.write(Unpooled.wrappedBuffer(out));
            any = true;
        }
        if (any) {
            ch.flush();
        }
    }

    private final class Listener implements ClientSession.Listener {
        @Override
        public void onPlayStarted(ClientSession session, int streamId) {
            playing = true;
            stats.connected.increment();
        }

        @Override
        public void onMedia(ClientSession session, int streamId, int messageTypeId, long timestamp, ByteBuffer body) {
            stats.bytes.add(body.remaining());
        }

        @Override
        public void onStreamEnded(ClientSession session, int streamId) {
            fail(() -> stats.failures.earlyClose("RTMP stream ended: " + uri));
        }

        @Override
        public void onError(ClientSession session, RtmpCommand command) {
            fail(() -> stats.failures.other("RTMP error answer from " + uri + ": " + command));
        }
    }

    private final class Handler extends SimpleChannelInboundHandler<ByteBuf> {
        private final ClientSession session;

        Handler(ClientSession session) {
            this.session = session;
        }

        @Override
        public void channelActive(ChannelHandlerContext c) {
            flush(session, c.channel());
        }

        @Override
        protected void channelRead0(ChannelHandlerContext c, ByteBuf msg) {
            session.feed(msg.nioBuffer());
            flush(session, c.channel());
        }

        @Override
        public void channelInactive(ChannelHandlerContext c) {
            if (playing) {
                stats.connected.decrement();
                playing = false;
            }
            fail(() -> stats.failures.earlyClose("RTMP connection closed: " + uri));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext c, Throwable cause) {
            fail(() -> stats.failures.exception(cause, false));
            c.close();
        }
    }
}
