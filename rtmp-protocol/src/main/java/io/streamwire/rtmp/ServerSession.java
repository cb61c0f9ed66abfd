package io.streamwire.rtmp;

import io.streamwire.amf.Amf0Null;
import io.streamwire.amf.Amf0Value;
import io.streamwire.amf.AmfLimits;
import io.streamwire.core.Anomaly;
import io.streamwire.core.DecoderListener;
import io.streamwire.core.StreamDecoder;
import io.streamwire.core.internal.DecoderState;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server side of one RTMP connection, sans-IO: Adobe RTMP Specification 1.0 §5.2 (handshake),
 * §5.3-5.4 (chunking, protocol control), §7.2 (NetConnection and NetStream commands).
 *
 * <p>Its input side is a {@link StreamDecoder}, with that lifecycle: {@link #feed(ByteBuffer)} takes
 * bytes from the client and calls the {@link Listener}; {@link #endOfInput()} says the client closed
 * its side (it fails when that cut the handshake, a chunk or a message short); {@link #reset()}
 * starts a new connection; {@link #position()} counts the bytes received, handshake included.
 * Everything to send queues up and comes out of {@link #pollOutbound()}, whatever the input side's
 * state. connect, publish and play reach the
 * application as requests with an id; it answers with {@link #accept(long)} or
 * {@link #reject(long, String)}, during the callback or later. createStream, acknowledgements
 * (Window Acknowledgement Size 2,500,000), ping responses and the answers to accepted requests
 * (Stream Begin, onStatus NetStream.Publish.Start / Play.Reset + Play.Start, |RtmpSampleAccess) are
 * sent automatically. Outgoing chunk size: 4096.
 *
 * <p>Errors: {@link RtmpException} for malformed input or a command that makes no sense in the
 * current state (publish or play before connect, a second connect), core's
 * {@link io.streamwire.core.LimitExceededException} past a limit (of {@link RtmpLimits} or
 * {@code AmfLimits}), {@link io.streamwire.core.UnsupportedFeatureException} for a handshake
 * version other than 3 and {@link io.streamwire.core.TruncatedInputException} at
 * {@code endOfInput()}, all with module "rtmp"; the session then fails (as it does when the
 * listener throws), and every input call but {@code reset()} and {@code position()} throws
 * {@link IllegalStateException} naming the error.
 *
 * <p>Not thread-safe; keep it on one connection or event loop (or guard it with a lock).
 *
 * @since 0.1.0
 */
public final class ServerSession implements StreamDecoder {
    /** Outgoing chunk size. */
    public static final int CHUNK_SIZE = 4096;
    /** The acknowledgement window announced to clients. */
    public static final long WINDOW_SIZE = 2_500_000;
    private static final int MAX_STREAMS = 64;
    private static final String SPEC = "RTMP 1.0 §7.2";

    /**
     * What the session reports. Requests stay pending until accepted or rejected. Anomalies of the
     * chunk stream ({@link RtmpAnomalyKind}) come to {@link #onAnomaly}.
     */
    public interface Listener extends DecoderListener<RtmpAnomalyKind> {
        /** A client asks to connect to {@code connect.app()}. */
        default void onConnectRequest(ServerSession session, long requestId, RtmpCommand.Connect connect) {}

        /** A client asks to publish on message stream {@code streamId}; check {@code publish.streamKey()} here. */
        default void onPublishRequest(ServerSession session, long requestId, int streamId, RtmpCommand.Publish publish) {}

        /** A client asks to play on message stream {@code streamId}. */
        default void onPlayRequest(ServerSession session, long requestId, int streamId, RtmpCommand.Play play) {}

        /**
         * An audio (8) or video (9) message of a publishing stream: an FLV tag body, valid only during
         * the call. A message on stream 0 while exactly one stream of the connection publishes comes
         * here with that stream's id (as nginx-rtmp takes it); media on a stream that does not publish
         * goes to {@link #onOtherMessage} instead, so that it can be logged (copy it or {@link ChunkEncoder#encodeShared} it to keep it). The type id is the
         * FLV TagType and the timestamp 0..2^32-1 ms: {@code FlvStreamWriter.writeTag(messageTypeId,
         * timestamp, body)} (module flv) records it to a file as it is.
         */
        default void onMedia(ServerSession session, int streamId, int messageTypeId, long timestamp, ByteBuffer body) {}

        /**
         * Data on a publishing stream: onMetaData (usually via @setDataFrame) or another data message.
         * {@code FlvStreamWriter.writeScriptData(timestamp, data.values())} (module flv) records it
         * to a file and drops the {@code @setDataFrame} wrapper.
         */
        default void onData(ServerSession session, int streamId, long timestamp, DataMessage data) {}

        /** A published or played stream ended: FCUnpublish, closeStream or deleteStream. */
        default void onStreamEnded(ServerSession session, int streamId) {}

        /** Any other command (typed or {@link RtmpCommand.Unknown}). */
        default void onCommand(ServerSession session, int streamId, RtmpCommand command) {}

        /**
         * A protocol control or user control message from the client (Acknowledgement, Ping, Set
         * Buffer Length, …), after the session acted on it (answering pings, tracking acknowledgements).
         */
        default void onControl(ServerSession session, ControlMessage message) {}

        /**
         * Any other message (shared objects, types 16/19, unknown types, and audio, video or data on a
         * stream that does not publish), raw; {@code payload} is valid only during the call.
         */
        default void onOtherMessage(ServerSession session, int streamId, int messageTypeId, long timestamp,
                ByteBuffer payload) {}
    }

    private enum Kind { CONNECT, PUBLISH, PLAY }

    private record Pending(Kind kind, double transactionId, int streamId, String name) {}

    private enum Role { IDLE, PUBLISHING, PLAYING }

    private final Listener listener;
    private final RtmpLimits limits;
    private final AmfLimits amfLimits;
    private final RandomGenerator random;
    private final DecoderState lifecycle = new DecoderState("ServerSession");
    private Connection connection;
    private final Map<Long, Pending> pending = new HashMap<>();
    private final Map<Integer, Role> streams = new LinkedHashMap<>();
    private final Map<Integer, String> streamNames = new HashMap<>();
    private long nextRequestId = 1;
    private int nextStreamId = 1;
    private boolean connectRequested;
    private boolean connected;

    /** A session with default limits and a {@link SecureRandom} for the handshake. */
    public ServerSession(Listener listener) {
        this(listener, RtmpLimits.defaults());
    }

    /** A session with these RTMP limits, default AMF limits and a {@link SecureRandom} for the handshake. */
    public ServerSession(Listener listener, RtmpLimits limits) {
        this(listener, limits, AmfLimits.defaults(), new SecureRandom());
    }

    /** A session with these limits and random source. */
    public ServerSession(Listener listener, RtmpLimits limits, AmfLimits amfLimits, RandomGenerator random) {
        this.listener = java.util.Objects.requireNonNull(listener, "listener");
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
        this.amfLimits = java.util.Objects.requireNonNull(amfLimits, "amfLimits");
        this.random = java.util.Objects.requireNonNull(random, "random");
        this.connection = newConnection();
    }

    private Connection newConnection() {
        return new Connection(true, random, false, limits, amfLimits, new Connection.Listener() {
            @Override
            public void onHandshakeDone() {}

            @Override
            public void onMessage(int csid, long timestamp, int type, int streamId, ByteBuffer payload, long offset) {
                handle(timestamp, type, streamId, payload, offset);
            }

            @Override
            public void onAnomaly(Anomaly<RtmpAnomalyKind> anomaly) {
                listener.onAnomaly(anomaly);
            }
        });
    }

    /**
     * Consumes all of {@code in} (handshake, then chunks) and calls the listener.
     *
     * @throws RtmpException on malformed input or an unexpected command
     * @throws io.streamwire.core.LimitExceededException past a limit
     * @throws io.streamwire.core.UnsupportedFeatureException for a handshake version other than 3
     * @throws IllegalStateException after {@link #endOfInput()} or an earlier failure
     */
    @Override
    public void feed(ByteBuffer in) {
        lifecycle.checkFeed();
        try {
            connection.feed(in);
        } catch (Throwable t) {
            lifecycle.fail(t);
            throw t;
        }
    }

    /**
     * The client closed its side of the connection. Streams it was publishing are not ended by this
     * call (no {@code onStreamEnded}): the application knows the connection is gone. A second call
     * does nothing.
     *
     * @throws io.streamwire.core.TruncatedInputException when the input ended inside the handshake
     *     (after some of it), a chunk or a message
     * @throws IllegalStateException after an earlier failure
     */
    @Override
    public void endOfInput() {
        if (!lifecycle.beginEnd()) {
            return;
        }
        try {
            connection.endOfInput();
        } catch (Throwable t) {
            lifecycle.fail(t);
            throw t;
        }
    }

    /**
     * Starts over as a new connection with the same listener, limits and random source: a new
     * handshake, no streams, no pending requests, nothing queued to send, position 0.
     */
    @Override
    public void reset() {
        lifecycle.reset();
        connection = newConnection();
        pending.clear();
        streams.clear();
        streamNames.clear();
        nextRequestId = 1;
        nextStreamId = 1;
        connectRequested = false;
        connected = false;
    }

    /** Bytes received since construction or {@link #reset()}, handshake included (what Acknowledgements count). */
    @Override
    public long position() {
        return connection.bytesReceived();
    }

    /**
     * The next buffer to send, or null when nothing is queued. Send the buffers in the order they
     * come, each whole (position to limit).
     *
     * <p>Ownership: the returned buffer is handed over. The session keeps no reference to it and
     * never writes into it or moves it again, so it may be kept, queued or wrapped without a copy
     * (Netty's {@code Unpooled.wrappedBuffer(buffer)}, a gathering write) until it has been sent, on
     * any thread, while the session goes on. Every buffer is a heap buffer. Most are writable and
     * backed by an array of their own (handshake, chunks of {@code send*} messages, control and
     * command messages); the chunks of a shared message ({@link #sendShared}) are a read-only view
     * of that {@link EncodedMessage}'s bytes, which every connection it is sent on reads at the same
     * time: never write into a returned buffer, and check {@link ByteBuffer#hasArray()} before
     * using its array (it is false for those).
     *
     * @return the next bytes to send, or null
     */
    public ByteBuffer pollOutbound() {
        return connection.pollOutbound();
    }

    /** Whether bytes are waiting in {@link #pollOutbound()}. */
    public boolean hasOutbound() {
        return connection.hasOutbound();
    }

    /** Whether the handshake is complete. */
    public boolean isHandshakeComplete() {
        return connection.handshakeDone();
    }

    /** Whether the client used the digest handshake. */
    public boolean isDigestHandshake() {
        return connection.serverHandshake().isDigest();
    }

    /** Bytes queued for sending so far, and the last sequence number the client acknowledged. */
    public long bytesSent() {
        return connection.bytesSent();
    }

    /** The client's last Acknowledgement sequence number (0 until it sends one). */
    public long peerAcknowledged() {
        return connection.peerAcknowledged();
    }

    /**
     * Accepts a pending request and queues the answers.
     *
     * @throws IllegalArgumentException for an unknown or already answered request id
     */
    public void accept(long requestId) {
        Pending p = take(requestId);
        switch (p.kind) {
            case CONNECT -> {
                connected = true;
                connection.sendControl(new WindowAcknowledgementSize(WINDOW_SIZE));
                connection.sendControl(new SetPeerBandwidth(WINDOW_SIZE, SetPeerBandwidth.DYNAMIC));
                connection.setChunkSize(CHUNK_SIZE);
                Map<String, Amf0Value> props = new LinkedHashMap<>();
                props.put("fmsVer", Amf0Value.of("FMS/3,0,1,123"));
                props.put("capabilities", Amf0Value.of(31));
                connection.sendCommand(Connection.CS_COMMAND, 0, new RtmpCommand.Result(false, p.transactionId,
                        Amf0Value.object(props), java.util.List.of(status("status", "NetConnection.Connect.Success",
                                "Connection succeeded.", true))).toAmf0());
            }
            case PUBLISH -> {
                streams.put(p.streamId, Role.PUBLISHING);
                streamNames.put(p.streamId, p.name);
                connection.sendControl(UserControlMessage.streamBegin(p.streamId));
                onStatus(p.streamId, "status", "NetStream.Publish.Start", p.name + " is now published.");
            }
            case PLAY -> {
                streams.put(p.streamId, Role.PLAYING);
                streamNames.put(p.streamId, p.name);
                connection.sendControl(UserControlMessage.streamBegin(p.streamId));
                onStatus(p.streamId, "status", "NetStream.Play.Reset", "Playing and resetting " + p.name + ".");
                onStatus(p.streamId, "status", "NetStream.Play.Start", "Started playing " + p.name + ".");
                connection.sendData(p.streamId, 0, new DataMessage.SampleAccess(true, true));
            }
            default -> throw new IllegalStateException(p.kind.toString());
        }
    }

    /**
     * Rejects a pending request with an error status carrying {@code description}.
     *
     * @throws IllegalArgumentException for an unknown or already answered request id
     */
    public void reject(long requestId, String description) {
        Pending p = take(requestId);
        switch (p.kind) {
            case CONNECT -> connection.sendCommand(Connection.CS_COMMAND, 0, new RtmpCommand.Result(true, p.transactionId,
                    Amf0Null.INSTANCE, java.util.List.of(status("error", "NetConnection.Connect.Rejected", description, false)))
                    .toAmf0());
            case PUBLISH -> onStatus(p.streamId, "error", "NetStream.Publish.BadName", description);
            case PLAY -> onStatus(p.streamId, "error", "NetStream.Play.StreamNotFound", description);
            default -> throw new IllegalStateException(p.kind.toString());
        }
    }

    /** Sends an audio (8) or video (9) FLV tag body to a playing stream; {@code body} is not moved. */
    public void sendMedia(int streamId, int messageTypeId, long timestamp, ByteBuffer body) {
        connection.send(messageTypeId == MessageType.AUDIO ? Connection.CS_AUDIO : Connection.CS_VIDEO, timestamp,
                messageTypeId, streamId, body);
    }

    /**
     * Sends a message cut once for many players (see {@link #shareMedia}): the payload is not copied
     * when the chunk size matches the shared message (always, for messages from {@link #shareMedia}).
     * When this player's stream id is the shared message's, its bytes go out as they are; otherwise
     * the session sends its own copy of the first chunk's headers with {@code streamId} in the 4-byte
     * little-endian message stream id field (RTMP 1.0 §5.3.1.2.1; the type-3 chunks after it carry no
     * stream id, §5.3.1.2.4), then the shared bytes after it. Else the message is cut again.
     */
    public void sendShared(int streamId, EncodedMessage message) {
        if (message.chunkSize() != connection.encoder.chunkSize()) {
            sendMedia(streamId, message.messageTypeId(), message.timestamp(), message.payload());
        } else if (message.messageStreamId() == streamId) {
            connection.sendShared(message);
        } else {
            connection.sendShared(message, streamId);
        }
    }

    /**
     * Cuts a media message once for {@link #sendShared} to every player, whatever the message stream
     * id of its play stream: the fan-out form of {@link #shareMedia(int, int, long, ByteBuffer)}. The
     * chunks are cut with stream id 1 (the id clients get for their first stream), so most players take
     * them unchanged and the others get a re-stamped first header (12 to 18 bytes) per message.
     *
     * @since 0.1.0
     */
    public static EncodedMessage shareMedia(int messageTypeId, long timestamp, ByteBuffer body) {
        return shareMedia(1, messageTypeId, timestamp, body);
    }

    /** Cuts a media message once, for {@link #sendShared} to every player on stream id {@code streamId}. */
    public static EncodedMessage shareMedia(int streamId, int messageTypeId, long timestamp, ByteBuffer body) {
        return shareMedia(streamId, messageTypeId, timestamp, body, ByteBuffer::allocate);
    }

    /**
     * {@link #shareMedia(int, int, long, ByteBuffer)} with the chunks written into a buffer from
     * {@code allocate} (see {@link ChunkEncoder#encodeShared(int, long, int, int, ByteBuffer,
     * java.util.function.IntFunction)}), e.g. {@code ByteBuffer::allocateDirect} for a server whose
     * transport would otherwise copy each player's bytes into native memory.
     *
     * @since 0.1.0
     */
    public static EncodedMessage shareMedia(int streamId, int messageTypeId, long timestamp, ByteBuffer body,
            java.util.function.IntFunction<ByteBuffer> allocate) {
        ChunkEncoder encoder = new ChunkEncoder();
        encoder.setChunkSize(CHUNK_SIZE);
        return encoder.encodeShared(messageTypeId == MessageType.AUDIO ? Connection.CS_AUDIO : Connection.CS_VIDEO,
                timestamp, messageTypeId, streamId, body, allocate);
    }

    /** Sends onMetaData (without @setDataFrame) to a playing stream. */
    public void sendMetaData(int streamId, long timestamp, Amf0Value metadata) {
        connection.sendData(streamId, timestamp, new DataMessage.MetaData(false, metadata));
    }

    /** Ends a played stream: Stream EOF and onStatus NetStream.Play.Stop. */
    public void endStream(int streamId) {
        if (streams.get(streamId) == Role.PLAYING) {
            streams.put(streamId, Role.IDLE);
            connection.sendControl(UserControlMessage.streamEof(streamId));
            onStatus(streamId, "status", "NetStream.Play.Stop", "Stopped playing " + streamNames.get(streamId) + ".");
        }
    }

    private Pending take(long requestId) {
        Pending p = pending.remove(requestId);
        if (p == null) {
            throw new IllegalArgumentException("no pending request " + requestId);
        }
        return p;
    }

    private void onStatus(int streamId, String level, String code, String description) {
        connection.sendCommand(Connection.CS_STREAM_COMMAND, streamId, RtmpCommand.OnStatus.of(level, code, description).toAmf0());
    }

    private static Amf0Value status(String level, String code, String description, boolean encoding) {
        Map<String, Amf0Value> o = new LinkedHashMap<>();
        o.put("level", Amf0Value.of(level));
        o.put("code", Amf0Value.of(code));
        o.put("description", Amf0Value.of(description));
        if (encoding) {
            o.put("objectEncoding", Amf0Value.of(0));
        }
        return Amf0Value.object(o);
    }

    private void handle(long timestamp, int type, int streamId, ByteBuffer payload, long offset) {
        switch (type) {
            case MessageType.AUDIO, MessageType.VIDEO -> {
                int publishing = publishingStream(streamId);
                if (publishing > 0) {
                    listener.onMedia(this, publishing, type, timestamp, payload);
                } else {
                    listener.onOtherMessage(this, streamId, type, timestamp, payload);
                }
            }
            case MessageType.DATA_AMF0, MessageType.DATA_AMF3 -> {
                int publishing = publishingStream(streamId);
                if (publishing > 0) {
                    listener.onData(this, publishing, timestamp, DataMessage.parse(type, payload, offset, connection.amfLimits));
                } else {
                    listener.onOtherMessage(this, streamId, type, timestamp, payload);
                }
            }
            case MessageType.AGGREGATE -> AggregateMessage.split(timestamp, streamId, payload, connection.limits, offset,
                    (AggregateMessage.LocatedListener) (ts, subType, sid, body, bodyOffset) -> {
                        if (subType == MessageType.AUDIO || subType == MessageType.VIDEO || subType == MessageType.DATA_AMF0) {
                            handle(ts, subType, sid, body, bodyOffset);
                        }
                    });
            case MessageType.COMMAND_AMF0, MessageType.COMMAND_AMF3 ->
                    command(streamId, RtmpCommand.parse(type, payload, offset, connection.amfLimits), offset);
            case MessageType.SET_CHUNK_SIZE, MessageType.ABORT, MessageType.ACKNOWLEDGEMENT, MessageType.USER_CONTROL,
                    MessageType.WINDOW_ACKNOWLEDGEMENT_SIZE, MessageType.SET_PEER_BANDWIDTH ->
                    listener.onControl(this, ControlMessage.parse(type, payload, offset));
            default -> listener.onOtherMessage(this, streamId, type, timestamp, payload);
        }
    }

    /**
     * The publishing stream a media or data message on {@code streamId} belongs to: itself when it
     * publishes; for message stream 0 (which some relays, node-media-server's among them, use after
     * publishing) the one stream this connection publishes, as nginx-rtmp takes it; else 0.
     */
    private int publishingStream(int streamId) {
        if (streams.get(streamId) == Role.PUBLISHING) {
            return streamId;
        }
        if (streamId != 0) {
            return 0;
        }
        int found = 0;
        for (Map.Entry<Integer, Role> e : streams.entrySet()) {
            if (e.getValue() == Role.PUBLISHING) {
                if (found != 0) {
                    return 0; // two publishing streams: stream 0 is ambiguous
                }
                found = e.getKey();
            }
        }
        return found;
    }

    private void command(int streamId, RtmpCommand command, long offset) {
        if (command instanceof RtmpCommand.Connect c) {
            if (connectRequested) {
                throw new RtmpException("command connect", "sent twice on one connection", offset, SPEC + ".1.1");
            }
            connectRequested = true;
            long id = request(new Pending(Kind.CONNECT, c.transactionId(), 0, c.app()), offset);
            listener.onConnectRequest(this, id, c);
            return;
        }
        if (!connected && !(command instanceof RtmpCommand.Unknown)) {
            throw new RtmpException("command " + command.toAmf0().name(), "before connect was accepted", offset, SPEC);
        }
        if (command instanceof RtmpCommand.CreateStream c) {
            if (streams.size() >= MAX_STREAMS) {
                connection.sendCommand(Connection.CS_COMMAND, 0, new RtmpCommand.Result(true, c.transactionId(),
                        Amf0Null.INSTANCE, java.util.List.of()).toAmf0());
                return;
            }
            int id = nextStreamId++;
            streams.put(id, Role.IDLE);
            connection.sendCommand(Connection.CS_COMMAND, 0, new RtmpCommand.Result(false, c.transactionId(),
                    Amf0Null.INSTANCE, java.util.List.of(Amf0Value.of(id))).toAmf0());
        } else if (command instanceof RtmpCommand.Publish p) {
            requireStream(streamId, "publish", offset);
            long id = request(new Pending(Kind.PUBLISH, p.transactionId(), streamId, p.publishingName()), offset);
            listener.onPublishRequest(this, id, streamId, p);
        } else if (command instanceof RtmpCommand.Play p) {
            requireStream(streamId, "play", offset);
            long id = request(new Pending(Kind.PLAY, p.transactionId(), streamId, p.streamName()), offset);
            listener.onPlayRequest(this, id, streamId, p);
        } else if (command instanceof RtmpCommand.DeleteStream d) {
            ended((int) d.streamId());
            streams.remove((int) d.streamId());
        } else if (command instanceof RtmpCommand.CloseStream) {
            ended(streamId);
        } else if (command instanceof RtmpCommand.StreamNameCommand n && n.name().equals("FCUnpublish")) {
            for (Map.Entry<Integer, String> e : streamNames.entrySet()) {
                if (e.getValue().equals(n.streamName()) || e.getValue().startsWith(n.streamName() + "?")) {
                    ended(e.getKey());
                    break;
                }
            }
        } else if (command instanceof RtmpCommand.StreamNameCommand n && n.name().equals("getStreamLength")) {
            connection.sendCommand(Connection.CS_COMMAND, 0, new RtmpCommand.Result(false, n.transactionId(),
                    Amf0Null.INSTANCE, java.util.List.of(Amf0Value.of(0))).toAmf0());
        } else {
            listener.onCommand(this, streamId, command);
        }
    }

    private void requireStream(int streamId, String what, long offset) {
        if (!streams.containsKey(streamId)) {
            throw new RtmpException("command " + what, "on message stream " + streamId + " that createStream did not open",
                    offset, SPEC + ".2");
        }
    }

    private void ended(int streamId) {
        Role role = streams.get(streamId);
        if (role == Role.PUBLISHING || role == Role.PLAYING) {
            streams.put(streamId, Role.IDLE);
            listener.onStreamEnded(this, streamId);
        }
    }

    /** Registers a request; {@code offset} is the stream offset of the command message, for the error. */
    private long request(Pending p, long offset) {
        if (pending.size() >= MAX_STREAMS) {
            throw new RtmpException("command " + p.kind.name().toLowerCase(java.util.Locale.ROOT),
                    "more than " + MAX_STREAMS + " unanswered requests", offset, SPEC);
        }
        long id = nextRequestId++;
        pending.put(id, p);
        return id;
    }
}
