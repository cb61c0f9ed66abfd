package io.streamwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.streamwire.rtmp.ClientSession;
import io.streamwire.rtmp.EncodedMessage;
import io.streamwire.rtmp.RtmpCommand;
import io.streamwire.rtmp.ServerSession;
import io.streamwire.testkit.ReadmeSnippets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's Netty example, compiled and run on Netty's {@link EmbeddedChannel}. */
class NettyReadmeExampleTest {

    // README:begin
    /** One RTMP connection under Netty: the channel's event loop is the session's only thread, so no lock. */
    static final class RtmpHandler extends ChannelInboundHandlerAdapter {
        final ServerSession session;

        RtmpHandler(ServerSession.Listener listener) {
            session = new ServerSession(listener);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf in = (ByteBuf) msg;
            try {
                for (ByteBuffer b : in.nioBuffers()) { // views of the readable bytes, no copy
                    session.feed(b);                    // calls the listener; consumes all of b
                }
            } finally {
                in.release();
            }
            flush(ctx);
        }

        /** Sends what the session queued. Call it on the event loop, also after sending from elsewhere:
         *  ctx.executor().execute(() -> { session.sendShared(sid, message); flush(ctx); }). */
        void flush(ChannelHandlerContext ctx) {
            for (ByteBuffer b; (b = session.pollOutbound()) != null; ) {
                ctx.write(Unpooled.wrappedBuffer(b)); // zero-copy: pollOutbound() hands the buffer over
            }
            ctx.flush();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            session.endOfInput(); // throws (to exceptionCaught) if the peer cut a message short
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // a StreamwireException (module "rtmp"): malformed input, a limit, a refused command
        }
    }
    // README:end

    /** Moves bytes between a client session and the embedded channel until {@code done}. */
    static void pump(EmbeddedChannel channel, ClientSession client, java.util.function.BooleanSupplier done) {
        for (int round = 0; round < 100 && !done.getAsBoolean(); round++) {
            for (ByteBuffer b; (b = client.pollOutbound()) != null; ) {
                channel.writeInbound(Unpooled.wrappedBuffer(b));
            }
            for (ByteBuf out; (out = channel.readOutbound()) != null; ) {
                client.feed(out.nioBuffer());
                out.release();
            }
        }
        assertThat(done.getAsBoolean()).as("done within 100 rounds").isTrue();
    }

    @Test
    void aPublisherAndAPlayerThroughTheHandler() {
        List<ByteBuffer> published = new ArrayList<>();
        List<EncodedMessage> shared = new ArrayList<>();
        ServerSession.Listener listener = new ServerSession.Listener() {
            public void onConnectRequest(ServerSession s, long id, RtmpCommand.Connect c) { s.accept(id); }
            public void onPublishRequest(ServerSession s, long id, int sid, RtmpCommand.Publish p) { s.accept(id); }
            public void onPlayRequest(ServerSession s, long id, int sid, RtmpCommand.Play p) {
                s.accept(id);
                shared.forEach(m -> s.sendShared(sid, m)); // read-only shared chunks through Unpooled.wrappedBuffer
            }
            public void onMedia(ServerSession s, int sid, int type, long ts, ByteBuffer body) {
                published.add(ByteBuffer.allocate(body.remaining()).put(body.duplicate()).flip());
                shared.add(ServerSession.shareMedia(type, ts, body));
            }
        };
        EmbeddedChannel publisherChannel = new EmbeddedChannel(new RtmpHandler(listener));
        ClientSession publisher = ClientSession.publisher("live", "rtmp://localhost/live", "key", new ClientSession.Listener() { });
        pump(publisherChannel, publisher, publisher::isActive);
        ByteBuffer sequenceHeader = ByteBuffer.wrap(new byte[] {0x17, 0, 0, 0, 0, 1, 0x42, 0, 0x1e});
        ByteBuffer frame = ByteBuffer.wrap(new byte[10_000]); // three 4096-byte chunks
        frame.put(9_999, (byte) 7);
        publisher.sendMedia(9, 0, sequenceHeader);
        publisher.sendMedia(9, 16_800_040L, frame);
        pump(publisherChannel, publisher, () -> published.size() == 2);
        assertThat(published).containsExactly(sequenceHeader, frame);

        List<ByteBuffer> played = new ArrayList<>();
        List<Long> timestamps = new ArrayList<>();
        EmbeddedChannel playerChannel = new EmbeddedChannel(new RtmpHandler(listener));
        ClientSession player = ClientSession.player("live", "rtmp://localhost/live", "key", new ClientSession.Listener() {
            @Override
            public void onMedia(ClientSession s, int sid, int type, long ts, ByteBuffer body) {
                played.add(ByteBuffer.allocate(body.remaining()).put(body.duplicate()).flip());
                timestamps.add(ts);
            }
        });
        pump(playerChannel, player, () -> played.size() == 2);
        assertThat(played).containsExactly(sequenceHeader, frame);
        assertThat(timestamps).containsExactly(0L, 16_800_040L);
        publisherChannel.finishAndReleaseAll();
        playerChannel.finishAndReleaseAll();
    }

    @Test
    void readmeShowsThisExample() {
        ReadmeSnippets.assertInReadme(NettyReadmeExampleTest.class);
    }
}
