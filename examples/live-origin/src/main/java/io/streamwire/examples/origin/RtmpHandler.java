package io.streamwire.examples.origin;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.streamwire.core.StreamwireException;
import io.streamwire.flv.OnMetaData;
import io.streamwire.flv.ScriptData;
import io.streamwire.rtmp.DataMessage;
import io.streamwire.rtmp.RtmpCommand;
import io.streamwire.rtmp.ServerSession;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One RTMP connection on its Netty event loop: a {@link ServerSession} fed with what arrives, its
 * outbound buffers written as they are (wrapped, not copied). A publisher feeds its {@link Channel};
 * each player is a {@link Subscriber} drained into the session only while the connection is writable
 * (so a slow player's backlog stays in its bounded queue, where it is counted and dropped past
 * {@link OriginConfig#maxQueuedBytes()}). The connection itself is the publisher's token.
 *
 * <p>Deadlines: a connection that has neither published nor played within
 * {@link OriginConfig.Limits#rtmpRoleMillis()} is closed; a publisher silent for
 * {@link OriginConfig.Limits#publisherIdleMillis()} is dropped by the origin's janitor
 * ({@link #drop}). A lost publisher (connection closed or dropped) starts the stream's reconnect
 * grace; FCUnpublish/deleteStream end the stream cleanly. Garbage or a protocol error closes this
 * connection only.
 */
final class RtmpHandler extends ChannelInboundHandlerAdapter {
    private final LiveOrigin origin;
    private final OriginConfig config;
    private ChannelHandlerContext ctx;
    private ServerSession session;
    private String address = "?";
    private ScheduledFuture<?> roleTimer;
    private String publishName;
    private boolean publishPending;
    private int publishStreamId = -1;
    private Channel publishChannel;
    private final Map<Integer, Play> players = new HashMap<>();

    /** A player on message stream id {@code streamId}. */
    private record Play(Channel channel, Subscriber subscriber) {}
    private long ignoredMessages;
    private final Runnable drainTask = this::drain;

    RtmpHandler(LiveOrigin origin) {
        this.origin = origin;
        this.config = origin.config();
    }

    @Override
    public void channelActive(ChannelHandlerContext c) throws Exception {
        this.ctx = c;
        InetSocketAddress remote = (InetSocketAddress) c.channel().remoteAddress();
        address = remote.getAddress().getHostAddress();
        session = new ServerSession(new Listener());
        origin.rtmpOpened();
        roleTimer = c.executor().schedule(() -> {
            if (publishName == null && !publishPending && players.isEmpty()) {
                OriginLog.info("timeout", "kind", "rtmp", "addr", address, "reason",
                        "no publish or play within " + config.limits().rtmpRoleMillis() + " ms");
                c.close();
            }
        }, config.limits().rtmpRoleMillis(), TimeUnit.MILLISECONDS);
        super.channelActive(c);
    }

    @Override
    public void channelRead(ChannelHandlerContext c, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            if (!c.channel().isActive()) {
                return;
            }
            for (ByteBuffer b : buf.nioBuffers()) {
                session.feed(b);
            }
            flush();
        } catch (StreamwireException e) { // RtmpException, AmfException, ...: this connection only
            origin.rtmpFailed();
            OriginLog.warn("protocol-error", "kind", "rtmp", "addr", address, "stream", publishName, "error", e.getMessage());
            c.close();
        } finally {
            ReferenceCountUtil.release(buf);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext c) throws Exception {
        if (c.channel().isWritable()) {
            drain();
        }
        super.channelWritabilityChanged(c);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext c, Throwable cause) {
        if (!(cause instanceof IOException)) {
            OriginLog.warn("error", "kind", "rtmp", "addr", address, "error", String.valueOf(cause));
        }
        c.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext c) throws Exception {
        if (roleTimer != null) {
            roleTimer.cancel(false);
        }
        if (publishChannel != null) {
            OriginLog.info("publisher-lost", "stream", publishName, "addr", address, "grace",
                    config.limits().graceMillis() + "ms");
            publishChannel.publisherLost(this);
            publishChannel = null;
        }
        for (Play p : players.values()) {
            stopPlaying(p);
        }
        players.clear();
        origin.rtmpClosed();
        super.channelInactive(c);
    }

    private void stopPlaying(Play p) {
        p.channel().unsubscribe(p.subscriber());
        origin.releaseRtmpPlayer();
    }

    /** Drops this connection (from any thread): a silent publisher, an origin limit. */
    void drop(String reason) {
        ChannelHandlerContext c = ctx;
        if (c != null) {
            c.executor().execute(() -> {
                OriginLog.warn("drop", "kind", "rtmp", "stream", publishName, "addr", address, "reason", reason);
                c.close();
            });
        }
    }

    /** Writes and flushes what the session queued. On the event loop only. */
    private void flush() {
        if (write()) {
            ctx.flush();
        }
    }

    /** Writes what the session queued, without flushing; true when anything was written. */
    private boolean write() {
        boolean wrote = false;
        for (ByteBuffer b; (b = session.pollOutbound()) != null; ) {
            ctx.write(Unpooled.wrappedBuffer(b));
            wrote = true;
        }
        return wrote;
    }

    private void scheduleDrain() { // from the publisher's thread
        origin.drainLater(ctx.executor(), drainTask);
    }

    /** Sends each player's queued tags while the connection is writable. */
    private void drain() {
        if (!ctx.channel().isActive()) {
            return;
        }
        boolean wrote = false;
        for (var it = players.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            int streamId = e.getKey();
            Subscriber sub = e.getValue().subscriber();
            while (ctx.channel().isWritable()) {
                Subscriber.Tag t = sub.poll();
                if (t == null) {
                    break;
                }
                if (t.type() == 18) {
                    session.sendMetaData(streamId, t.timestamp(),
                            ScriptData.parse(ByteBuffer.wrap(t.body())).onMetaData().toAmf0());
                } else {
                    session.sendShared(streamId, t.rtmpChunks()); // cut once for all players
                }
                wrote |= write(); // flushed once below, with the other tags of this drain
            }
            if (sub.overflowed()) {
                ctx.close(); // it could not keep up
                return;
            }
            if (sub.drained()) { // the stream ended
                session.endStream(streamId);
                stopPlaying(e.getValue());
                it.remove();
            }
        }
        if (write() || wrote) {
            ctx.flush();
        }
    }

    /** The stream key's {@code segments=ts|fmp4} choice, else the configured default. */
    private OriginConfig.SegmentFormat segmentFormat(String publishingName) {
        int q = publishingName.indexOf('?');
        if (q >= 0) {
            for (String pair : publishingName.substring(q + 1).split("&")) {
                if (pair.equalsIgnoreCase("segments=ts")) {
                    return OriginConfig.SegmentFormat.TS;
                }
                if (pair.equalsIgnoreCase("segments=fmp4")) {
                    return OriginConfig.SegmentFormat.FMP4;
                }
            }
        }
        return config.output().segments();
    }

    private boolean mediaStream(int streamId) {
        // media on stream 0 after a publish on the only publishing stream comes with that stream's id
        // (ServerSession takes it as nginx-rtmp does); anything else not ours is logged once
        return publishChannel != null && streamId == publishStreamId;
    }

    private void ignored(int streamId, String what) {
        if (ignoredMessages++ == 0) {
            OriginLog.warn("ignored", "kind", "rtmp", "addr", address, "what", what, "streamId", streamId,
                    "reason", publishChannel == null ? "not publishing" : "not the publishing stream");
        }
    }

    private final class Listener implements ServerSession.Listener {
        @Override
        public void onConnectRequest(ServerSession s, long id, RtmpCommand.Connect connect) {
            String app = connect.app() == null ? "" : connect.app();
            int q = app.indexOf('?');
            app = (q >= 0 ? app.substring(0, q) : app).replaceAll("/+$", "");
            if (app.equals(config.app())) {
                s.accept(id);
            } else {
                OriginLog.info("reject", "kind", "connect", "addr", address, "reason", "unknown application " + app);
                s.reject(id, "unknown application " + app);
            }
        }

        @Override
        public void onPublishRequest(ServerSession s, long id, int streamId, RtmpCommand.Publish publish) {
            if (publishName != null || publishPending) {
                s.reject(id, "already publishing");
                return;
            }
            publishPending = true;
            origin.authorizePublish(publish.publishingName(), (InetSocketAddress) ctx.channel().remoteAddress())
                    .whenComplete((decision, error) -> ctx.executor().execute(() -> {
                        publishPending = false;
                        if (!ctx.channel().isActive()) {
                            return;
                        }
                        String reason = error != null ? "authorisation failed: " + error.getClass().getSimpleName()
                                : decision.allowed() ? null : decision.reason();
                        if (reason == null && !origin.channel(decision.playbackName()).startPublish(RtmpHandler.this,
                                segmentFormat(publish.publishingName()))) {
                            reason = "already being published";
                        }
                        if (reason != null) {
                            origin.publishRejected();
                            OriginLog.info("reject", "kind", "publish", "addr", address, "stream",
                                    decision == null ? "?" : decision.playbackName(), "reason", reason);
                            s.reject(id, "publish refused: " + reason);
                            flush();
                            return;
                        }
                        publishName = decision.playbackName();
                        publishStreamId = streamId;
                        publishChannel = origin.channel(publishName);
                        s.accept(id);
                        OriginLog.info("publish", "stream", publishName, "addr", address, "streamId", streamId);
                        flush();
                    }));
        }

        @Override
        public void onPlayRequest(ServerSession s, long id, int streamId, RtmpCommand.Play play) {
            String key = play.streamKey();
            String query = play.streamName().length() > key.length() ? play.streamName().substring(key.length() + 1) : "";
            String reason = !LiveOrigin.validKey(key) ? "invalid name"
                    : players.containsKey(streamId) ? "already playing on this stream"
                    : !origin.playAllowed(key, query) ? "playback token missing or invalid"
                    : !origin.takeRtmpPlayer() ? "too many RTMP players" : null;
            if (reason != null) {
                OriginLog.info("reject", "kind", "play", "addr", address, "stream", key, "reason", reason);
                s.reject(id, reason);
                return;
            }
            s.accept(id);
            Channel ch = origin.channel(key);
            Subscriber sub = ch.subscribe("rtmp", () -> ctx.channel().close(), RtmpHandler.this::scheduleDrain);
            players.put(streamId, new Play(ch, sub));
            OriginLog.info("play", "kind", "rtmp", "stream", key, "addr", address);
        }

        @Override
        public void onMedia(ServerSession s, int streamId, int type, long timestamp, ByteBuffer body) {
            if (!mediaStream(streamId)) {
                ignored(streamId, "media");
                return;
            }
            Channel.Refusal r = publishChannel.media(RtmpHandler.this, type, timestamp, body);
            if (r == Channel.Refusal.SEGMENT_TOO_LARGE || r == Channel.Refusal.GOP_TOO_LARGE) {
                OriginLog.warn("drop", "kind", "publish", "stream", publishName, "addr", address, "reason",
                        r == Channel.Refusal.SEGMENT_TOO_LARGE
                                ? "open segment over " + config.limits().maxSegmentBytes() + " bytes"
                                : "group of pictures over " + config.maxGopCacheBytes() + " bytes");
                publishChannel = null; // the stream has been ended by the channel
                ctx.close();
            }
        }

        @Override
        public void onData(ServerSession s, int streamId, long timestamp, DataMessage data) {
            if (!mediaStream(streamId)) {
                ignored(streamId, "data");
                return;
            }
            if (data instanceof DataMessage.MetaData m) {
                publishChannel.metadata(RtmpHandler.this, timestamp, OnMetaData.from(m.metadata()));
            }
        }

        @Override
        public void onStreamEnded(ServerSession s, int streamId) {
            if (streamId == publishStreamId && publishChannel != null) {
                OriginLog.info("unpublish", "stream", publishName, "addr", address);
                publishChannel.endPublish(RtmpHandler.this);
                publishChannel = null;
                publishName = null;
                publishStreamId = -1;
            }
            Play p = players.remove(streamId);
            if (p != null) {
                stopPlaying(p);
            }
        }

        @Override
        public void onOtherMessage(ServerSession s, int streamId, int type, long timestamp, ByteBuffer payload) {
            ignored(streamId, "message type " + type);
        }
    }
}
