package io.streamwire.rtmp;

import io.streamwire.amf.Amf0Command;
import io.streamwire.amf.AmfLimits;
import io.streamwire.core.Anomaly;
import io.streamwire.rtmp.internal.HandshakeDigest;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * What client and server sessions share: handshake, chunk decoder and encoder, the outbound queue,
 * and the automatic protocol control of RTMP 1.0 §5.4 (acknowledgements, ping answers, window size).
 * One per connection: a session's {@code reset()} makes a new one. The sessions keep the
 * {@link io.streamwire.core.StreamDecoder} lifecycle. Package-private; not thread-safe.
 */
final class Connection {
    /** Chunk streams used for sending, as FMS and nginx use them. */
    static final int CS_CONTROL = 2;
    static final int CS_COMMAND = 3;
    static final int CS_STREAM_COMMAND = 5;
    static final int CS_AUDIO = 6;
    static final int CS_VIDEO = 7;
    static final int CS_DATA = 5;

    /** The session's side of the connection. */
    interface Listener {
        void onHandshakeDone();

        void onMessage(int csid, long timestamp, int type, int streamId, ByteBuffer payload, long offset);

        void onAnomaly(Anomaly<RtmpAnomalyKind> anomaly);
    }

    final RtmpLimits limits;
    final AmfLimits amfLimits;
    private final ServerHandshake serverHandshake;
    private final ClientHandshake clientHandshake;
    final ChunkDecoder decoder;
    final ChunkEncoder encoder = new ChunkEncoder();
    private final Listener handler;
    private final ArrayDeque<ByteBuffer> outbound = new ArrayDeque<>();
    private ByteBuffer open = ByteBuffer.allocate(4096);
    private boolean handshakeDone;
    private long handshakeBytes;
    private long ackWindow;
    private long lastAck;
    private long bytesSent;
    private long peerAcknowledged;

    Connection(boolean server, java.util.random.RandomGenerator random, boolean digest, RtmpLimits limits,
            AmfLimits amfLimits, Listener handler) {
        this.limits = limits;
        this.amfLimits = amfLimits;
        this.handler = handler;
        this.serverHandshake = server ? new ServerHandshake(random) : null;
        this.clientHandshake = server ? null : new ClientHandshake(digest, random);
        this.decoder = new ChunkDecoder(new ChunkDecoder.Listener() {
            @Override
            public void onMessage(int csid, long ts, int type, int sid, ByteBuffer payload) {
                dispatch(csid, ts, type, sid, payload);
            }

            @Override
            public void onAnomaly(Anomaly<RtmpAnomalyKind> anomaly) {
                handler.onAnomaly(anomaly); // offsets counted from the connection's start (startsAt)
            }
        }, limits);
        if (clientHandshake != null) {
            queue(clientHandshake.takeOutbound());
        }
    }

    /** Handshake, then chunks: consumes all of {@code in}. The session fails itself on an exception. */
    void feed(ByteBuffer in) {
        if (!handshakeDone) {
            int before = in.position();
            boolean done;
            try {
                done = serverHandshake != null ? serverHandshake.read(in) : clientHandshake.read(in);
            } finally {
                handshakeBytes += in.position() - before;
            }
            queue(serverHandshake != null ? serverHandshake.takeOutbound() : clientHandshake.takeOutbound());
            if (!done) {
                return;
            }
            handshakeDone = true;
            decoder.startsAt(handshakeBytes);
            handler.onHandshakeDone();
        }
        decoder.feed(in);
        long received = bytesReceived();
        if (ackWindow > 0 && received - lastAck >= ackWindow) {
            lastAck = received;
            sendControl(new Acknowledgement(received & 0xFFFFFFFFL));
        }
    }

    /**
     * The peer closed its side: fails when the stream ended inside the handshake (after some of it)
     * or inside a chunk or message.
     */
    void endOfInput() {
        if (!handshakeDone) {
            if (handshakeBytes > 0) {
                throw RtmpException.truncated(serverHandshake != null ? "handshake C0+C1+C2" : "handshake S0+S1+S2",
                        "needs " + (1 + 2 * HandshakeDigest.SIZE) + " bytes, " + handshakeBytes + " arrived",
                        handshakeBytes, ServerHandshake.SPEC);
            }
            return;
        }
        decoder.endOfInput();
    }

    boolean handshakeDone() {
        return handshakeDone;
    }

    ServerHandshake serverHandshake() {
        return serverHandshake;
    }

    ClientHandshake clientHandshake() {
        return clientHandshake;
    }

    /** Bytes received: handshake and chunk stream. */
    long bytesReceived() {
        return handshakeBytes + decoder.position();
    }

    long bytesSent() {
        return bytesSent;
    }

    long peerAcknowledged() {
        return peerAcknowledged;
    }

    private void dispatch(int csid, long ts, int type, int sid, ByteBuffer payload) {
        long offset = handshakeBytes + decoder.position() - payload.remaining();
        switch (type) {
            case MessageType.WINDOW_ACKNOWLEDGEMENT_SIZE, MessageType.ACKNOWLEDGEMENT, MessageType.USER_CONTROL,
                    MessageType.SET_PEER_BANDWIDTH -> {
                ControlMessage control = ControlMessage.parse(type, payload, offset);
                if (control instanceof WindowAcknowledgementSize w) {
                    ackWindow = w.windowSize();
                } else if (control instanceof Acknowledgement a) {
                    peerAcknowledged = a.sequenceNumber();
                } else if (control instanceof UserControlMessage u && u.eventType() == UserControlMessage.PING_REQUEST) {
                    sendControl(new UserControlMessage(UserControlMessage.PING_RESPONSE, u.eventData(), 0));
                }
            }
            default -> { }
        }
        handler.onMessage(csid, ts, type, sid, payload, offset);
    }

    // ---- outbound

    /** Ensures {@code n} bytes of room in the open buffer. */
    private ByteBuffer room(int n) {
        if (open.remaining() < n) {
            if (open.position() > 0) {
                outbound.add(open.flip());
            }
            open = ByteBuffer.allocate(Math.max(4096, n));
        }
        return open;
    }

    private void queue(ByteBuffer bytes) {
        if (!bytes.hasRemaining()) {
            return;
        }
        if (open.position() > 0) {
            outbound.add(open.flip());
            open = ByteBuffer.allocate(4096);
        }
        bytesSent += bytes.remaining();
        outbound.add(bytes);
    }

    void send(int csid, long timestamp, int type, int streamId, ByteBuffer payload) {
        int size = encoder.encodedSize(csid, timestamp, type, streamId, payload.remaining());
        bytesSent += encoder.encode(csid, timestamp, type, streamId, payload, room(size));
    }

    void sendShared(EncodedMessage message) {
        queue(encoder.sendShared(message));
    }

    /** The shared chunks with this player's stream id in the first header: a small header, then the shared bytes. */
    void sendShared(EncodedMessage message, int streamId) {
        ByteBuffer header = ByteBuffer.allocate(message.firstHeaderSize());
        ByteBuffer rest = encoder.sendShared(message, streamId, header);
        queue(header.flip());
        queue(rest);
    }

    void sendControl(ControlMessage message) {
        send(CS_CONTROL, 0, message.messageTypeId(), 0, message.toPayload());
    }

    void setChunkSize(int size) {
        sendControl(new SetChunkSize(size));
        encoder.setChunkSize(size);
    }

    void sendCommand(int csid, int streamId, Amf0Command command) {
        send(csid, 0, MessageType.COMMAND_AMF0, streamId, ByteBuffer.wrap(command.toByteArray()));
    }

    void sendData(int streamId, long timestamp, DataMessage data) {
        send(CS_DATA, timestamp, MessageType.DATA_AMF0, streamId, ByteBuffer.wrap(data.toByteArray()));
    }

    ByteBuffer pollOutbound() {
        ByteBuffer next = outbound.poll();
        if (next == null && open.position() > 0) {
            next = open.flip();
            open = ByteBuffer.allocate(4096);
        }
        return next;
    }

    boolean hasOutbound() {
        return !outbound.isEmpty() || open.position() > 0;
    }
}
