package io.streamwire.rtmp;

import io.streamwire.core.Anomaly;
import io.streamwire.core.DecoderListener;
import io.streamwire.core.StreamDecoder;
import io.streamwire.core.internal.BigEndian;
import io.streamwire.core.internal.DecoderState;
import io.streamwire.rtmp.internal.ChunkStreamState;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Push decoder of the RTMP chunk stream: Adobe RTMP Specification 1.0 §5.3 (chunking) and §5.4
 * (Set Chunk Size and Abort, which it applies itself). Turns chunks of any size, interleaved across
 * chunk streams, into whole messages.
 *
 * <p>Handles fmt 0-3 message headers, 1/2/3-byte chunk stream ids, timestamp deltas with 32-bit
 * wrap-around, and the Extended Timestamp (§5.3.1.3) including on type-3 chunks, whether or not the
 * peer repeats it there (see the implNote).
 *
 * <p>A {@link StreamDecoder}, with its lifecycle: {@link #feed(ByteBuffer)} consumes all of its
 * input and calls {@link Listener#onMessage} for every completed message; {@link #endOfInput()}
 * fails when the stream ends inside a chunk or a message; {@link #reset()} forgets every chunk
 * stream, as for a new connection. When a message arrives in one chunk inside one {@code feed}
 * buffer the payload is that buffer itself, positioned on the payload (zero-copy, no allocation);
 * otherwise it is reassembled into a per-chunk-stream buffer. Either way the payload is valid only
 * during the call. The result is identical however the input is split. A message cut short by a
 * new message header on its chunk stream is dropped and reported as
 * {@link RtmpAnomalyKind#MESSAGE_DROPPED}. An Abort Message drops the partial message of the chunk
 * stream it names; one that names a chunk stream with no partial message (unknown, idle, or out of
 * range) changes nothing and is reported as {@link RtmpAnomalyKind#ABORT_WITHOUT_PARTIAL_MESSAGE}.
 *
 * <p>Limits ({@link RtmpLimits}): chunk size, message length, number of chunk streams and the total
 * of messages being reassembled; reassembly buffers grow with the bytes received, so memory and work
 * stay linear in the input. Errors raise {@link RtmpException}, or core's
 * {@link io.streamwire.core.LimitExceededException} and
 * {@link io.streamwire.core.TruncatedInputException}, all with module "rtmp" and the stream offset;
 * the decoder then fails and later calls but {@code reset()} and {@code position()} throw
 * {@link IllegalStateException} naming the error.
 *
 * <pre>{@code
 * ChunkDecoder decoder = new ChunkDecoder((csid, timestamp, type, streamId, payload) -> handle(type, payload));
 * decoder.feed(bytesFromSocket);
 * }</pre>
 *
 * <p>Not thread-safe; keep it on one connection or event loop.
 *
 * @implNote After a header with an Extended Timestamp, a type-3 chunk is read as repeating it when
 *     its next four bytes equal that value (or the message's absolute timestamp); otherwise those
 *     bytes are payload. Peers that repeat the field (Flash, FMS, ffmpeg) and peers that do not both
 *     decode, past 2^24 ms (4 h 39 min). A type-3 chunk waits for more input only while the bytes
 *     that follow it are still a prefix of that value.
 *
 * @since 0.1.0
 */
public final class ChunkDecoder implements StreamDecoder {
    /** Receives whole messages, and anomalies ({@link RtmpAnomalyKind}). */
    @FunctionalInterface
    public interface Listener extends DecoderListener<RtmpAnomalyKind> {
        /**
         * A whole message. {@code payload} holds it between position and limit and is valid only
         * during this call: copy or slice-and-copy what you keep. Changes to its position or limit
         * are undone after the call.
         *
         * @param chunkStreamId the chunk stream it arrived on, 2..65599
         * @param timestamp absolute timestamp in ms, 0..2^32-1 (wraps)
         * @param messageTypeId message type id, 0..255 (see {@link MessageType})
         * @param messageStreamId message stream id (little-endian on the wire), as unsigned 32 bits in an int
         * @param payload the message payload
         */
        void onMessage(int chunkStreamId, long timestamp, int messageTypeId, int messageStreamId, ByteBuffer payload);
    }

    static final String SPEC_HEADER = "RTMP 1.0 §5.3.1.2";
    /** Default chunk size before any Set Chunk Size, §5.4.1. */
    public static final int DEFAULT_CHUNK_SIZE = 128;
    private static final int MAX_HEADER = 3 + 11 + 4;
    private static final int[] MESSAGE_HEADER_LENGTH = {11, 7, 3, 0};

    private enum State { READ_HEADER, READ_PAYLOAD }

    private final RtmpLimits limits;
    private final Listener listener;
    private final DecoderState lifecycle = new DecoderState("ChunkDecoder");
    private final ChunkStreamState[] low = new ChunkStreamState[64];
    private final Map<Integer, ChunkStreamState> high = new HashMap<>();
    private final byte[] carry = new byte[2 * MAX_HEADER];
    private final ByteBuffer carryBuffer = ByteBuffer.wrap(carry);
    private int carryLength;
    private int prefixLength;
    private int streams;
    private long bufferedBytes;
    private State state = State.READ_HEADER;
    private ChunkStreamState current;
    private int chunkRemaining;
    private int chunkSize = DEFAULT_CHUNK_SIZE;
    private long offset;
    /** Added to every reported offset: the bytes of the connection before the chunk stream (the handshake). */
    private long base;

    /** A decoder with {@link RtmpLimits#defaults()} that hands messages to {@code listener}. */
    public ChunkDecoder(Listener listener) {
        this(listener, RtmpLimits.defaults());
    }

    /** A decoder with {@code limits} that hands messages to {@code listener}. */
    public ChunkDecoder(Listener listener, RtmpLimits limits) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Consumes all of {@code in}, calling the listener for each completed message.
     *
     * @throws RtmpException on malformed input (fmt 1-3 with no previous header, bad Set Chunk Size,
     *     an Abort Message shorter than 4 bytes)
     * @throws io.streamwire.core.LimitExceededException past a setting of {@link RtmpLimits}
     * @throws IllegalStateException after {@link #endOfInput()} or an earlier failure
     */
    @Override
    public void feed(ByteBuffer in) {
        lifecycle.checkFeed();
        try {
            boolean progress = true;
            while (progress) {
                switch (state) {
                    case READ_HEADER -> progress = readHeader(in);
                    case READ_PAYLOAD -> progress = readPayload(in);
                    default -> throw new IllegalStateException(state.toString());
                }
            }
        } catch (Throwable t) {
            lifecycle.fail(t);
            throw t;
        }
    }

    /**
     * Declares the end of the input. A second call does nothing.
     *
     * @throws io.streamwire.core.TruncatedInputException when the input ended inside a chunk or a message
     * @throws IllegalStateException after an earlier failure
     */
    @Override
    public void endOfInput() {
        if (!lifecycle.beginEnd()) {
            return;
        }
        try {
            requireWholeMessages();
        } catch (Throwable t) {
            lifecycle.fail(t);
            throw t;
        }
    }

    private void requireWholeMessages() {
        boolean partial = carryLength > 0 || prefixLength > 0 || state == State.READ_PAYLOAD;
        if (!partial) {
            for (ChunkStreamState s : low) {
                partial |= s != null && s.inProgress;
            }
            for (ChunkStreamState s : high.values()) {
                partial |= s.inProgress;
            }
        }
        if (partial) {
            throw RtmpException.truncated("chunk", "input ended inside a chunk or message", base + offset, SPEC_HEADER);
        }
    }

    /** The chunk size in force for incoming chunks (128 until the peer sends Set Chunk Size). */
    public int chunkSize() {
        return chunkSize;
    }

    /**
     * Bytes fed since construction or the last {@link #reset()}; what an Acknowledgement reports
     * (§5.4.3) once added to the handshake's 3073.
     */
    @Override
    public long position() {
        return offset;
    }

    /**
     * For the sessions: the stream offset of this decoder's first byte within the connection (the
     * handshake's length), added to the offsets of its errors and anomalies; {@link #position()}
     * still counts from 0.
     */
    void startsAt(long streamOffset) {
        base = streamOffset;
    }

    /** Forgets every chunk stream and the chunk size, as after a new connection; position 0. */
    @Override
    public void reset() {
        lifecycle.reset();
        java.util.Arrays.fill(low, null);
        high.clear();
        carryLength = 0;
        prefixLength = 0;
        streams = 0;
        bufferedBytes = 0;
        state = State.READ_HEADER;
        current = null;
        chunkSize = DEFAULT_CHUNK_SIZE;
        offset = 0;
        base = 0;
    }

    private ChunkStreamState lookup(int csid) {
        return csid < 64 ? low[csid] : high.get(csid);
    }

    private boolean readHeader(ByteBuffer in) {
        ByteBuffer src;
        int take = 0;
        if (carryLength == 0) {
            src = in;
        } else {
            take = Math.min(in.remaining(), MAX_HEADER);
            in.get(in.position(), carry, carryLength, take);
            src = carryBuffer.limit(carryLength + take).position(0);
        }
        int length = parseHeader(src, src.position(), src.limit());
        if (length < 0) {
            if (carryLength == 0) {
                take = in.remaining();
                in.get(carry, 0, take);
            } else {
                in.position(in.position() + take);
            }
            carryLength += take;
            offset += take;
            return false;
        }
        if (carryLength == 0) {
            in.position(in.position() + length);
            offset += length;
        } else if (length >= carryLength) {
            in.position(in.position() + length - carryLength);
            offset += length - carryLength;
            carryLength = 0;
        } else {
            // type-3 chunk whose next bytes were payload, not a repeated Extended Timestamp
            prefixLength = carryLength - length;
            System.arraycopy(carry, length, carry, 0, prefixLength);
            carryLength = 0;
        }
        state = State.READ_PAYLOAD;
        return true;
    }

    /** Parses one chunk header at {@code at}; returns its length, or -1 when incomplete (no state changes then). */
    private int parseHeader(ByteBuffer src, int at, int limit) {
        if (at >= limit) {
            return -1;
        }
        int b0 = src.get(at) & 0xFF;
        int fmt = b0 >>> 6;
        int basic = ChunkBasicHeader.length(b0);
        int length = basic + MESSAGE_HEADER_LENGTH[fmt];
        if (limit - at < length) {
            return -1;
        }
        int csid = ChunkBasicHeader.chunkStreamId(src, at, basic);
        ChunkStreamState s = lookup(csid);
        long headerOffset = base + offset - carryLength; // carried bytes are counted in offset already
        if (fmt != 0 && s == null) {
            throw new RtmpException("chunk fmt", fmt + " on chunk stream " + csid + " that has no previous message header",
                    headerOffset, SPEC_HEADER);
        }
        int h = at + basic;
        long field = 0;
        boolean extended;
        long extendedValue = 0;
        if (fmt < 3) {
            field = readUnsignedMedium(src, h);
            extended = field == 0xFFFFFF;
            if (extended) {
                if (limit - at < length + 4) {
                    return -1;
                }
                extendedValue = BigEndian.getInt(src, at + length) & 0xFFFFFFFFL;
                length += 4;
            }
        } else {
            extended = false;
            if (s.extended) {
                long expected = s.inProgress ? s.timestamp : (s.timestamp + s.timestampDelta) & 0xFFFFFFFFL;
                int available = Math.min(4, limit - at - length);
                boolean maybe = prefixMatches(src, at + length, available, s.extendedValue)
                        || prefixMatches(src, at + length, available, expected);
                if (maybe && available < 4) {
                    return -1; // the next bytes may still turn out to be a repeated Extended Timestamp
                }
                if (maybe) {
                    length += 4;
                }
            }
        }
        // commit
        if (s == null) {
            if (streams >= limits.maxChunkStreams()) {
                throw RtmpException.limit("chunk stream id " + csid, "maxChunkStreams",
                        limits.maxChunkStreams(), streams + 1L, headerOffset);
            }
            s = new ChunkStreamState(csid);
            if (csid < 64) {
                low[csid] = s;
            } else {
                high.put(csid, s);
            }
            streams++;
        }
        if (fmt < 3) {
            if (s.inProgress) {
                // a new header before the message ended: the partial message is dropped
                listener.onAnomaly(new Anomaly<>(RtmpAnomalyKind.MESSAGE_DROPPED, headerOffset,
                        "chunk stream " + csid + ": " + s.received + " of " + s.messageLength + " bytes dropped"));
                discard(s);
            }
            long value = extended ? extendedValue : field;
            if (fmt <= 1) {
                int messageLength = readUnsignedMedium(src, h + 3);
                if (messageLength > limits.maxMessageLength()) {
                    throw RtmpException.limit("message length", "maxMessageLength",
                            limits.maxMessageLength(), messageLength, headerOffset + h + 3 - at);
                }
                s.messageLength = messageLength;
                s.messageTypeId = src.get(h + 6) & 0xFF;
            }
            if (fmt == 0) {
                s.messageStreamId = BigEndian.getIntLe(src, h + 7);
                s.timestamp = value;
            } else {
                s.timestamp = (s.timestamp + value) & 0xFFFFFFFFL;
            }
            s.timestampDelta = value;
            s.extended = extended;
            if (extended) {
                s.extendedValue = extendedValue;
            }
            s.hasHeader = true;
        } else if (!s.inProgress) {
            s.timestamp = (s.timestamp + s.timestampDelta) & 0xFFFFFFFFL;
        }
        if (!s.inProgress) {
            s.inProgress = true;
            s.received = 0;
        }
        current = s;
        chunkRemaining = Math.min(chunkSize, s.messageLength - s.received);
        return length;
    }

    private boolean readPayload(ByteBuffer in) {
        ChunkStreamState s = current;
        int length = s.messageLength;
        if (s.received == 0 && chunkRemaining == length && prefixLength == 0 && in.remaining() >= length) {
            int start = in.position();
            int end = start + length;
            int oldLimit = in.limit();
            offset += length;
            s.inProgress = false;
            state = State.READ_HEADER;
            try {
                in.limit(end);
                deliver(s, in);
            } finally {
                in.limit(oldLimit).position(end);
            }
            return true;
        }
        if (!s.reserved) {
            if (bufferedBytes + length > limits.maxBufferedBytes()) {
                throw RtmpException.limit("message length", "maxBufferedBytes", limits.maxBufferedBytes(),
                        bufferedBytes + length, base + offset - prefixLength);
            }
            bufferedBytes += length;
            s.reserved = true;
        }
        if (prefixLength > 0) {
            int n = Math.min(prefixLength, chunkRemaining);
            if (n > 0) {
                s.ensureCapacity(s.received + n, length);
                System.arraycopy(carry, 0, s.buffer, s.received, n);
            }
            System.arraycopy(carry, n, carry, 0, prefixLength - n);
            prefixLength -= n;
            s.received += n;
            chunkRemaining -= n; // already counted in offset when it was carried
            if (prefixLength > 0) {
                // the chunk ended inside the carried bytes: the rest starts the next chunk header
                carryLength = prefixLength;
                prefixLength = 0;
            }
        }
        int n = Math.min(in.remaining(), chunkRemaining);
        if (n > 0) {
            s.ensureCapacity(s.received + n, length);
            in.get(s.buffer, s.received, n);
            s.received += n;
            chunkRemaining -= n;
            offset += n;
        }
        if (chunkRemaining > 0) {
            return false;
        }
        state = State.READ_HEADER;
        if (s.received == length) {
            s.inProgress = false;
            release(s);
            ByteBuffer view = length == 0 ? ByteBuffer.allocate(0) : s.view.limit(length).position(0);
            deliver(s, view);
            s.trim();
        }
        return true;
    }

    private void deliver(ChunkStreamState s, ByteBuffer payload) {
        int type = s.messageTypeId;
        if (type == MessageType.SET_CHUNK_SIZE || type == MessageType.ABORT) {
            long at = base + offset - payload.remaining(); // the payload's first byte: the whole message is counted
            if (type == MessageType.SET_CHUNK_SIZE) {
                int size = SetChunkSize.readChunkSize(payload, at);
                if (SetChunkSize.highBitSet(payload)) { // must be zero, §5.4.1; ignored
                    listener.onAnomaly(new Anomaly<>(RtmpAnomalyKind.CHUNK_SIZE_HIGH_BIT, at,
                            String.format("chunk size 0x%08X", size | 0x8000_0000)));
                }
                if (size > limits.maxChunkSize()) {
                    throw RtmpException.limit("set chunk size", "maxChunkSize", limits.maxChunkSize(), size, at);
                }
                chunkSize = size;
            } else {
                int value = AbortMessage.readChunkStreamId(payload, at);
                ChunkStreamState target = value >= ChunkBasicHeader.MIN_CHUNK_STREAM_ID
                        && value <= ChunkBasicHeader.MAX_CHUNK_STREAM_ID ? lookup(value) : null;
                if (target != null && target.inProgress && target != s) {
                    discard(target);
                } else {
                    // §5.4.2 only asks to discard a partial message: with none, there is nothing to do
                    listener.onAnomaly(new Anomaly<>(RtmpAnomalyKind.ABORT_WITHOUT_PARTIAL_MESSAGE, at,
                            "chunk stream " + Integer.toUnsignedString(value) + ": "
                                    + (target == null ? "unknown" : "no partial message")));
                }
            }
        }
        listener.onMessage(s.chunkStreamId, s.timestamp, type, s.messageStreamId, payload);
    }

    private void discard(ChunkStreamState s) {
        s.inProgress = false;
        s.received = 0;
        release(s);
        s.trim();
    }

    private void release(ChunkStreamState s) {
        if (s.reserved) {
            bufferedBytes -= s.messageLength;
            s.reserved = false;
        }
    }

    private static boolean prefixMatches(ByteBuffer src, int at, int available, long value) {
        for (int i = 0; i < available; i++) {
            if ((src.get(at + i) & 0xFF) != (int) (value >>> (24 - 8 * i) & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static int readUnsignedMedium(ByteBuffer src, int at) {
        return (src.get(at) & 0xFF) << 16 | (src.get(at + 1) & 0xFF) << 8 | src.get(at + 2) & 0xFF;
    }
}
