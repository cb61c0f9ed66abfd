package io.streamwire.rtmp;

import io.streamwire.core.internal.BigEndian;
import io.streamwire.rtmp.internal.ChunkStreamState;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Cuts messages into chunks: Adobe RTMP Specification 1.0 §5.3. For each message it picks the
 * smallest message header from the previous message on that chunk stream (§5.3.1.2): type 0 for a
 * new stream id or a timestamp going backwards, type 1 when length or type changed, type 2 when only
 * the timestamp delta changed, type 3 when the delta repeats too. Timestamps and deltas of 2^24-1 ms
 * or more go in the Extended Timestamp field (§5.3.1.3), repeated on every type-3 chunk that follows,
 * as Flash Media Server and ffmpeg do.
 *
 * <p>{@link #encodeShared} cuts a message once for many connections (relay fan-out); each
 * connection's encoder then takes it with {@link #sendShared}.
 *
 * <p>The caller's payload buffer is read with absolute gets: its position and limit do not move.
 *
 * <p>Not thread-safe; keep it on one connection or event loop.
 *
 * @implNote A type-3 header never starts a message right after a type-0 header: peers disagree on
 *     whether the delta is then the absolute timestamp, so a type-2 header is written instead.
 *
 * @since 0.1.0
 */
public final class ChunkEncoder {
    private final Map<Integer, ChunkStreamState> streams = new HashMap<>();
    private final ChunkStreamState[] low = new ChunkStreamState[64];
    private int chunkSize = ChunkDecoder.DEFAULT_CHUNK_SIZE;

    /** An encoder at the default chunk size of 128. */
    public ChunkEncoder() {}

    /** The chunk size messages are cut with. */
    public int chunkSize() {
        return chunkSize;
    }

    /**
     * Changes the outgoing chunk size; the peer must be told first with a Set Chunk Size message,
     * e.g. {@link #writeSetChunkSize}.
     *
     * @throws IllegalArgumentException unless 1..2^31-1
     */
    public void setChunkSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size " + size + " (expected: 1..2^31-1)");
        }
        chunkSize = size;
    }

    /** Writes a Set Chunk Size message (chunk stream 2, stream 0) and then switches to {@code size}. */
    public void writeSetChunkSize(int size, ByteBuffer out) {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size " + size + " (expected: 1..2^31-1)");
        }
        ByteBuffer body = ByteBuffer.allocate(4).putInt(0, size);
        encode(2, 0, MessageType.SET_CHUNK_SIZE, 0, body, out);
        chunkSize = size;
    }

    /** Bytes {@link #encode} would write for this message given the current state. */
    public int encodedSize(int chunkStreamId, long timestamp, int messageTypeId, int messageStreamId, int length) {
        ChunkStreamState s = state(chunkStreamId, false);
        int fmt = chooseFmt(s, timestamp, messageTypeId, messageStreamId, length);
        boolean ext = extended(s, fmt, timestamp);
        return size(chunkStreamId, fmt, ext, length, chunkSize);
    }

    /**
     * Writes {@code payload} (position to limit, not moved) as chunks into {@code out}.
     *
     * @return bytes written
     * @throws IllegalArgumentException for ids or lengths out of range
     * @throws java.nio.BufferOverflowException when {@code out} is too small (see {@link #encodedSize})
     */
    public int encode(int chunkStreamId, long timestamp, int messageTypeId, int messageStreamId, ByteBuffer payload,
            ByteBuffer out) {
        check(chunkStreamId, timestamp, messageTypeId, payload.remaining());
        ChunkStreamState s = state(chunkStreamId, true);
        int length = payload.remaining();
        int fmt = chooseFmt(s, timestamp, messageTypeId, messageStreamId, length);
        boolean ext = extended(s, fmt, timestamp);
        long value = fmt == 0 ? timestamp : fmt == 3 ? s.timestampDelta : (timestamp - s.timestamp) & 0xFFFFFFFFL;
        long extValue = fmt == 3 ? s.extendedValue : value;
        if (out.remaining() < size(chunkStreamId, fmt, ext, length, chunkSize)) {
            throw new java.nio.BufferOverflowException();
        }
        int start = out.position();
        write(out, chunkStreamId, fmt, ext, value, extValue, length, messageTypeId, messageStreamId, payload, chunkSize);
        s.hasHeader = true;
        s.timestamp = timestamp;
        if (fmt != 3) {
            s.timestampDelta = value;
            s.extended = ext;
            s.extendedValue = value;
            s.inProgress = fmt == 0; // marks "delta came from a type-0 header"
        }
        s.messageLength = length;
        s.messageTypeId = messageTypeId;
        s.messageStreamId = messageStreamId;
        return out.position() - start;
    }

    /** {@link #encode} into a new heap buffer, flipped for reading. */
    public ByteBuffer encode(int chunkStreamId, long timestamp, int messageTypeId, int messageStreamId, ByteBuffer payload) {
        ByteBuffer out = ByteBuffer.allocate(encodedSize(chunkStreamId, timestamp, messageTypeId, messageStreamId,
                payload.remaining()));
        encode(chunkStreamId, timestamp, messageTypeId, messageStreamId, payload, out);
        return out.flip();
    }

    /**
     * Cuts a message once, with a type-0 first header and this encoder's chunk size, without touching
     * this encoder's state; hand it to every connection's {@link #sendShared}.
     */
    public EncodedMessage encodeShared(int chunkStreamId, long timestamp, int messageTypeId, int messageStreamId,
            ByteBuffer payload) {
        return encodeShared(chunkStreamId, timestamp, messageTypeId, messageStreamId, payload, ByteBuffer::allocate);
    }

    /**
     * {@link #encodeShared(int, long, int, int, ByteBuffer)} into a buffer of the caller's choice:
     * {@code allocate} is asked once for a buffer with at least the given number of bytes remaining,
     * e.g. {@code ByteBuffer::allocateDirect}, so that a network transport sends the chunks to every
     * connection without copying them into native memory first. The message keeps the buffer; the
     * caller must not change its bytes afterwards.
     *
     * @throws IllegalArgumentException when the buffer has fewer bytes remaining than asked for, or
     *     as {@link #encodeShared(int, long, int, int, ByteBuffer)}
     * @since 0.1.0
     */
    public EncodedMessage encodeShared(int chunkStreamId, long timestamp, int messageTypeId, int messageStreamId,
            ByteBuffer payload, IntFunction<ByteBuffer> allocate) {
        int length = payload.remaining();
        check(chunkStreamId, timestamp, messageTypeId, length);
        boolean ext = timestamp >= 0xFFFFFF;
        int size = size(chunkStreamId, 0, ext, length, chunkSize);
        ByteBuffer given = allocate.apply(size);
        if (given == null || given.isReadOnly() || given.remaining() < size) {
            throw new IllegalArgumentException("allocate gave " + (given == null ? "null"
                    : given.isReadOnly() ? "a read-only buffer" : given.remaining() + " bytes") + " for " + size);
        }
        ByteBuffer out = given.slice(given.position(), size);
        write(out, chunkStreamId, 0, ext, timestamp, timestamp, length, messageTypeId, messageStreamId, payload, chunkSize);
        return new EncodedMessage(out.flip(), chunkStreamId, timestamp, messageTypeId, messageStreamId, length, chunkSize);
    }

    /**
     * Takes a shared message for this connection: returns its bytes (a read-only duplicate, nothing
     * copied) and records it as the last message on its chunk stream.
     *
     * @throws IllegalArgumentException when it was cut with another chunk size
     */
    public ByteBuffer sendShared(EncodedMessage message) {
        record(message, message.messageStreamId());
        return message.bytes();
    }

    /**
     * Takes a shared message for this connection on another message stream id: writes the first
     * chunk's headers with {@code messageStreamId} (the only place a chunk carries the stream id, RTMP
     * 1.0 §5.3.1.2.1; the following type-3 chunks have none, §5.3.1.2.4) into {@code firstHeaderOut}
     * ({@link EncodedMessage#firstHeaderSize()} bytes), records the message as the last one on its
     * chunk stream, and returns the rest of the shared chunks (a read-only duplicate, nothing copied).
     * Send the header, then the returned bytes. With the message's own stream id the result is the
     * same bytes as {@link #sendShared(EncodedMessage)}.
     *
     * @throws IllegalArgumentException when it was cut with another chunk size
     * @throws java.nio.BufferOverflowException when {@code firstHeaderOut} is too small (then
     *     nothing is recorded)
     */
    public ByteBuffer sendShared(EncodedMessage message, int messageStreamId, ByteBuffer firstHeaderOut) {
        checkChunkSize(message);
        message.writeFirstHeader(messageStreamId, firstHeaderOut);
        record(message, messageStreamId);
        return message.bytesAfterFirstHeader();
    }

    private void checkChunkSize(EncodedMessage message) {
        if (message.chunkSize() != chunkSize) {
            throw new IllegalArgumentException("shared message cut with chunk size " + message.chunkSize()
                    + ", this connection uses " + chunkSize);
        }
    }

    private void record(EncodedMessage message, int messageStreamId) {
        checkChunkSize(message);
        ChunkStreamState s = state(message.chunkStreamId(), true);
        s.hasHeader = true;
        s.timestamp = message.timestamp();
        s.timestampDelta = message.timestamp();
        s.extended = message.timestamp() >= 0xFFFFFF;
        s.extendedValue = message.timestamp();
        s.inProgress = true;
        s.messageLength = message.messageLength();
        s.messageTypeId = message.messageTypeId();
        s.messageStreamId = messageStreamId;
    }

    private static void check(int chunkStreamId, long timestamp, int messageTypeId, int length) {
        if (chunkStreamId < 2 || chunkStreamId > ChunkBasicHeader.MAX_CHUNK_STREAM_ID || timestamp < 0
                || timestamp > 0xFFFFFFFFL || messageTypeId >>> 8 != 0 || length > 0xFFFFFF) {
            throw new IllegalArgumentException("cs id " + chunkStreamId + ", timestamp " + timestamp + ", type "
                    + messageTypeId + ", length " + length + " out of range");
        }
    }

    private ChunkStreamState state(int csid, boolean create) {
        ChunkStreamState s = csid < 64 ? low[csid] : streams.get(csid);
        if (s == null && create) {
            s = new ChunkStreamState(csid);
            if (csid < 64) {
                low[csid] = s;
            } else {
                streams.put(csid, s);
            }
        }
        return s;
    }

    private static int chooseFmt(ChunkStreamState s, long timestamp, int type, int streamId, int length) {
        if (s == null || !s.hasHeader || s.messageStreamId != streamId || timestamp < s.timestamp) {
            return 0;
        }
        if (s.messageLength != length || s.messageTypeId != type) {
            return 1;
        }
        long delta = timestamp - s.timestamp;
        if (delta != s.timestampDelta || s.inProgress) {
            return 2;
        }
        return 3;
    }

    private static boolean extended(ChunkStreamState s, int fmt, long timestamp) {
        return switch (fmt) {
            case 0 -> timestamp >= 0xFFFFFF;
            case 3 -> s.extended;
            default -> timestamp - s.timestamp >= 0xFFFFFF;
        };
    }

    private static int basicSize(int csid) {
        return csid <= 63 ? 1 : csid <= 319 ? 2 : 3;
    }

    private static int size(int csid, int fmt, boolean ext, int length, int chunkSize) {
        int basic = basicSize(csid);
        int extra = ext ? 4 : 0;
        int chunks = length == 0 ? 1 : (length + chunkSize - 1) / chunkSize;
        long total = (long) basic + new int[] {11, 7, 3, 0}[fmt] + extra + (long) (chunks - 1) * (basic + extra) + length;
        return Math.toIntExact(total);
    }

    private static void write(ByteBuffer out, int csid, int fmt, boolean ext, long value, long extValue, int length,
            int type, int streamId, ByteBuffer payload, int chunkSize) {
        new ChunkBasicHeader(fmt, csid).writeTo(out);
        if (fmt < 3) {
            int field = ext ? 0xFFFFFF : (int) value;
            out.put((byte) (field >>> 16)).put((byte) (field >>> 8)).put((byte) field);
            if (fmt < 2) {
                out.put((byte) (length >>> 16)).put((byte) (length >>> 8)).put((byte) length).put((byte) type);
                if (fmt == 0) {
                    BigEndian.putIntRelative(out, Integer.reverseBytes(streamId));
                }
            }
        }
        if (ext) {
            BigEndian.putIntRelative(out, (int) extValue);
        }
        int from = payload.position();
        int done = 0;
        while (true) {
            int n = Math.min(chunkSize, length - done);
            out.put(out.position(), payload, from + done, n);
            out.position(out.position() + n);
            done += n;
            if (done >= length) {
                return;
            }
            new ChunkBasicHeader(3, csid).writeTo(out);
            if (ext) {
                BigEndian.putIntRelative(out, (int) extValue);
            }
        }
    }
}
