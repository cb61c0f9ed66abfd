package io.streamwire.rtmp;

import io.streamwire.amf.Amf0Value;
import io.streamwire.amf.AmfLimits;
import io.streamwire.core.Anomaly;
import io.streamwire.core.DecoderListener;
import io.streamwire.core.StreamDecoder;
import io.streamwire.core.internal.DecoderState;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The client side of one RTMP connection, sans-IO, publishing or playing one stream with the command
 * sequence ffmpeg and OBS use: Adobe RTMP Specification 1.0 §5.2 (handshake, digest by default),
 * §7.2.1 (connect, createStream) and §7.2.2 (publish, play).
 *
 * <pre>
 * publish: C0+C1 … C2, Set Chunk Size 4096, connect → _result → releaseStream, FCPublish, createStream
 *          → _result → publish → onStatus NetStream.Publish.Start → {@link Listener#onPublishStarted}
 * play:    … connect → _result → createStream → _result → Set Buffer Length, play
 *          → onStatus NetStream.Play.Start → {@link Listener#onPlayStarted}, then media
 * </pre>
 *
 * <p>Its input side is a {@link StreamDecoder}, with that lifecycle: {@link #feed(ByteBuffer)} takes
 * bytes from the server; {@link #endOfInput()} says the server closed its side (it fails when that
 * cut the handshake, a chunk or a message short); {@link #reset()} starts a new connection (C0+C1
 * queued again); {@link #position()} counts the bytes received, handshake included.
 * {@link #pollOutbound()} gives what to send, starting with C0+C1 right after construction,
 * whatever the input side's state. Acknowledgements and ping responses are automatic.
 *
 * <p>Errors: {@link RtmpException} on malformed input, core's
 * {@link io.streamwire.core.LimitExceededException} past a limit,
 * {@link io.streamwire.core.UnsupportedFeatureException} for a handshake version other than 3 and
 * {@link io.streamwire.core.TruncatedInputException} at {@code endOfInput()}, all with module
 * "rtmp"; the session then fails (as it does when the listener throws) and every input call but
 * {@code reset()} and {@code position()} throws {@link IllegalStateException} naming the error. An
 * {@code _error} answer or an error onStatus is not an exception: it reaches
 * {@link Listener#onError} / {@link Listener#onStatus}.
 *
 * <p>Not thread-safe; keep it on one connection or event loop.
 *
 * @since 0.1.0
 */
public final class ClientSession implements StreamDecoder {
    /** Outgoing chunk size. */
    public static final int CHUNK_SIZE = 4096;

    /** What the client reports; anomalies of the chunk stream ({@link RtmpAnomalyKind}) come to {@link #onAnomaly}. */
    public interface Listener extends DecoderListener<RtmpAnomalyKind> {
        /** connect was answered with _result. */
        default void onConnected(ClientSession session, RtmpCommand.Result result) {}

        /** The server accepted publish: {@link #sendMedia} may start. */
        default void onPublishStarted(ClientSession session, int streamId) {}

        /** The server accepted play: media follows. */
        default void onPlayStarted(ClientSession session, int streamId) {}

        /** Every onStatus, including the ones that lead to the calls above. */
        default void onStatus(ClientSession session, int streamId, RtmpCommand.OnStatus status) {}

        /** An _error answer, or an onStatus of level "error". */
        default void onError(ClientSession session, RtmpCommand command) {}

        /** An audio (8) or video (9) FLV tag body, valid only during the call. */
        default void onMedia(ClientSession session, int streamId, int messageTypeId, long timestamp, ByteBuffer body) {}

        /** A data message (onMetaData, |RtmpSampleAccess, …). */
        default void onData(ClientSession session, int streamId, long timestamp, DataMessage data) {}

        /** The played stream ended (Stream EOF, NetStream.Play.Stop or UnpublishNotify). */
        default void onStreamEnded(ClientSession session, int streamId) {}

        /** Any other command. */
        default void onCommand(ClientSession session, int streamId, RtmpCommand command) {}

        /** A protocol control or user control message from the server, after the session acted on it. */
        default void onControl(ClientSession session, ControlMessage message) {}

        /** Any other message (shared objects and unknown types), raw, valid only during the call. */
        default void onOtherMessage(ClientSession session, int streamId, int messageTypeId, long timestamp,
                ByteBuffer payload) {}
    }

    private enum State { HANDSHAKE, CONNECTING, CREATING_STREAM, STARTING, ACTIVE, ENDED }

    private final Listener listener;
    private final boolean publisher;
    private final String app;
    private final String tcUrl;
    private final String streamName;
    private final boolean digest;
    private final RtmpLimits limits;
    private final AmfLimits amfLimits;
    private final RandomGenerator random;
    private final DecoderState lifecycle = new DecoderState("ClientSession");
    private Connection connection;
    private State state = State.HANDSHAKE;
    private int streamId;
    private double nextTransactionId = 1;
    private double createStreamTransaction;

    /**
     * A session that will publish (or play) {@code streamName} in application {@code app}.
     *
     * @param tcUrl the URL for connect's tcUrl, e.g. {@code rtmp://host:1935/live}
     * @param digest true for the digest handshake (as Flash, OBS and ffmpeg do)
     */
    public ClientSession(Listener listener, boolean publisher, String app, String tcUrl, String streamName, boolean digest,
            RtmpLimits limits, AmfLimits amfLimits, RandomGenerator random) {
        this.listener = java.util.Objects.requireNonNull(listener, "listener");
        this.publisher = publisher;
        this.app = java.util.Objects.requireNonNull(app, "app");
        this.tcUrl = java.util.Objects.requireNonNull(tcUrl, "tcUrl");
        this.streamName = java.util.Objects.requireNonNull(streamName, "streamName");
        this.digest = digest;
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
        this.amfLimits = java.util.Objects.requireNonNull(amfLimits, "amfLimits");
        this.random = java.util.Objects.requireNonNull(random, "random");
        this.connection = newConnection();
    }

    private Connection newConnection() {
        return new Connection(false, random, digest, limits, amfLimits, new Connection.Listener() {
            @Override
            public void onHandshakeDone() {
                start();
            }

            @Override
            public void onMessage(int csid, long timestamp, int type, int sid, ByteBuffer payload, long offset) {
                handle(timestamp, type, sid, payload, offset);
            }

            @Override
            public void onAnomaly(Anomaly<RtmpAnomalyKind> anomaly) {
                listener.onAnomaly(anomaly);
            }
        });
    }

    /** A publisher with the digest handshake and default limits. */
    public static ClientSession publisher(String app, String tcUrl, String streamName, Listener listener) {
        return new ClientSession(listener, true, app, tcUrl, streamName, true, RtmpLimits.defaults(), AmfLimits.defaults(),
                new SecureRandom());
    }

    /** A player with the digest handshake and default limits. */
    public static ClientSession player(String app, String tcUrl, String streamName, Listener listener) {
        return new ClientSession(listener, false, app, tcUrl, streamName, true, RtmpLimits.defaults(), AmfLimits.defaults(),
                new SecureRandom());
    }

    /**
     * Consumes all of {@code in} (handshake, then chunks) and calls the listener.
     *
     * @throws RtmpException on malformed input
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
     * The server closed its side of the connection. The stream is not ended by this call (no
     * {@code onStreamEnded}). A second call does nothing.
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
     * Starts over as a new connection with the same settings: a new handshake (C0+C1 queued again,
     * drawn from the same random source), nothing else queued, no stream, position 0.
     */
    @Override
    public void reset() {
        lifecycle.reset();
        connection = newConnection();
        state = State.HANDSHAKE;
        streamId = 0;
        nextTransactionId = 1;
        createStreamTransaction = 0;
    }

    /** Bytes received since construction or {@link #reset()}, handshake included (what Acknowledgements count). */
    @Override
    public long position() {
        return connection.bytesReceived();
    }

    /**
     * The next buffer to send, or null. Ownership as {@link ServerSession#pollOutbound()}: the
     * buffer is handed over (keep or wrap it without a copy) and must not be written into.
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

    /** Whether the server answered the digest handshake with a digest. */
    public boolean isDigestHandshake() {
        return connection.handshakeDone() && connection.clientHandshake().isDigest();
    }

    /** Whether publish or play was accepted and the stream has not ended. */
    public boolean isActive() {
        return state == State.ACTIVE;
    }

    /** The message stream id createStream gave, or 0 before. */
    public int streamId() {
        return streamId;
    }

    /**
     * Sends an audio (8) or video (9) FLV tag body on the published stream; {@code body} is not moved.
     *
     * @throws IllegalStateException unless publishing
     */
    public void sendMedia(int messageTypeId, long timestamp, ByteBuffer body) {
        requirePublishing();
        connection.send(messageTypeId == MessageType.AUDIO ? Connection.CS_AUDIO : Connection.CS_VIDEO, timestamp,
                messageTypeId, streamId, body);
    }

    /** Sends {@code @setDataFrame onMetaData metadata} on the published stream. */
    public void sendMetaData(long timestamp, Amf0Value metadata) {
        requirePublishing();
        connection.sendData(streamId, timestamp, new DataMessage.MetaData(true, metadata));
    }

    /** Ends publishing or playing: FCUnpublish (publishers) and deleteStream. */
    public void close() {
        if (state == State.ACTIVE || state == State.STARTING) {
            if (publisher) {
                command(new RtmpCommand.StreamNameCommand("FCUnpublish", next(), streamName), 0);
            }
            command(new RtmpCommand.DeleteStream(next(), streamId), 0);
            state = State.ENDED;
        }
    }

    private void requirePublishing() {
        if (!publisher || state != State.ACTIVE) {
            throw new IllegalStateException("not publishing (state " + state + ")");
        }
    }

    private double next() {
        return nextTransactionId++;
    }

    private void command(RtmpCommand c, int sid) {
        connection.sendCommand(sid == 0 ? Connection.CS_COMMAND : Connection.CS_STREAM_COMMAND, sid, c.toAmf0());
    }

    private void start() {
        connection.setChunkSize(CHUNK_SIZE);
        RtmpCommand.Connect c = RtmpCommand.Connect.of(app, tcUrl);
        command(new RtmpCommand.Connect(next(), c.app(), c.flashVer(), c.tcUrl(), 0, List.of(), c.commandObject(), List.of()), 0);
        state = State.CONNECTING;
    }

    private void handle(long timestamp, int type, int sid, ByteBuffer payload, long offset) {
        switch (type) {
            case MessageType.AUDIO, MessageType.VIDEO -> listener.onMedia(this, sid, type, timestamp, payload);
            case MessageType.DATA_AMF0, MessageType.DATA_AMF3 ->
                    listener.onData(this, sid, timestamp, DataMessage.parse(type, payload, offset, connection.amfLimits));
            case MessageType.AGGREGATE -> AggregateMessage.split(timestamp, sid, payload, connection.limits, offset,
                    (AggregateMessage.LocatedListener) (ts, subType, subSid, body, bodyOffset) ->
                            handle(ts, subType, subSid, body, bodyOffset));
            case MessageType.SET_CHUNK_SIZE, MessageType.ABORT, MessageType.ACKNOWLEDGEMENT, MessageType.USER_CONTROL,
                    MessageType.WINDOW_ACKNOWLEDGEMENT_SIZE, MessageType.SET_PEER_BANDWIDTH -> {
                ControlMessage m = ControlMessage.parse(type, payload, offset);
                listener.onControl(this, m);
                if (m instanceof UserControlMessage u && u.eventType() == UserControlMessage.STREAM_EOF && !publisher
                        && u.eventData() == streamId && state == State.ACTIVE) {
                    ended();
                }
            }
            case MessageType.COMMAND_AMF0, MessageType.COMMAND_AMF3 ->
                    command(sid, RtmpCommand.parse(type, payload, offset, connection.amfLimits));
            default -> listener.onOtherMessage(this, sid, type, timestamp, payload);
        }
    }

    private void command(int sid, RtmpCommand c) {
        if (c instanceof RtmpCommand.Result r) {
            if (r.error()) {
                listener.onError(this, r);
            } else if (state == State.CONNECTING && r.transactionId() == 1) {
                listener.onConnected(this, r);
                if (publisher) {
                    command(new RtmpCommand.StreamNameCommand("releaseStream", next(), streamName), 0);
                    command(new RtmpCommand.StreamNameCommand("FCPublish", next(), streamName), 0);
                }
                createStreamTransaction = next();
                command(new RtmpCommand.CreateStream(createStreamTransaction), 0);
                state = State.CREATING_STREAM;
            } else if (state == State.CREATING_STREAM && r.transactionId() == createStreamTransaction) {
                Amf0Value id = r.info();
                streamId = id == null || Double.isNaN(id.asNumber()) ? 1 : (int) id.asNumber();
                if (publisher) {
                    command(new RtmpCommand.Publish(0, streamName, "live"), streamId);
                } else {
                    connection.sendControl(new UserControlMessage(UserControlMessage.SET_BUFFER_LENGTH, streamId & 0xFFFFFFFFL, 3000));
                    command(new RtmpCommand.Play(0, streamName, -2, -1, true), streamId);
                }
                state = State.STARTING;
            } else {
                listener.onCommand(this, sid, c);
            }
        } else if (c instanceof RtmpCommand.OnStatus s) {
            listener.onStatus(this, sid, s);
            String code = s.code() == null ? "" : s.code();
            if ("error".equals(s.level())) {
                listener.onError(this, s);
            } else if (state == State.STARTING && code.equals(publisher ? "NetStream.Publish.Start" : "NetStream.Play.Start")) {
                state = State.ACTIVE;
                if (publisher) {
                    listener.onPublishStarted(this, streamId);
                } else {
                    listener.onPlayStarted(this, streamId);
                }
            } else if (!publisher && state == State.ACTIVE
                    && (code.equals("NetStream.Play.Stop") || code.equals("NetStream.Play.UnpublishNotify"))) {
                ended();
            }
        } else {
            listener.onCommand(this, sid, c);
        }
    }

    private void ended() {
        state = State.ENDED;
        listener.onStreamEnded(this, streamId);
    }
}
