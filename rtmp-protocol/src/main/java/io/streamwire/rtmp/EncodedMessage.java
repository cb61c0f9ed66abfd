package io.streamwire.rtmp;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * One message already cut into chunks, ready to be sent unchanged to many connections (relay
 * fan-out). The first chunk has a type-0 header, so the bytes are valid on any connection whatever it
 * sent before on that chunk stream; {@link ChunkEncoder#sendShared(EncodedMessage)} brings each
 * connection's encoder state up to date so its own later messages still compress.
 *
 * <p>The message stream id is written once, in the type-0 header of the first chunk (RTMP 1.0
 * §5.3.1.2.1, 4 bytes little-endian); the type-3 headers of the other chunks carry none (§5.3.1.2.4).
 * So the same chunks serve players whose play streams have other ids: such a connection sends
 * {@link #writeFirstHeader(int, ByteBuffer) its own copy of the first header} (at most 18 bytes)
 * followed by {@link #bytesAfterFirstHeader()}, and the payload is still not copied
 * ({@link ChunkEncoder#sendShared(EncodedMessage, int, ByteBuffer)}).
 *
 * <p>Immutable and thread-safe: {@link #bytes()} hands out a read-only duplicate each time.
 *
 * @since 0.1.0
 */
public final class EncodedMessage {
    private final ByteBuffer bytes;
    private final int chunkStreamId;
    private final long timestamp;
    private final int messageTypeId;
    private final int messageStreamId;
    private final int messageLength;
    private final int chunkSize;

    EncodedMessage(ByteBuffer bytes, int chunkStreamId, long timestamp, int messageTypeId, int messageStreamId,
            int messageLength, int chunkSize) {
        this.bytes = bytes.asReadOnlyBuffer();
        this.chunkStreamId = chunkStreamId;
        this.timestamp = timestamp;
        this.messageTypeId = messageTypeId;
        this.messageStreamId = messageStreamId;
        this.messageLength = messageLength;
        this.chunkSize = chunkSize;
    }

    /**
     * The payload put back together from the chunks (a copy), for a connection that cannot take the
     * shared bytes as they are (another stream id or chunk size).
     */
    public ByteBuffer payload() {
        int basic = chunkStreamId <= 63 ? 1 : chunkStreamId <= 319 ? 2 : 3;
        int ext = timestamp >= 0xFFFFFF ? 4 : 0;
        ByteBuffer out = ByteBuffer.allocate(messageLength);
        int at = bytes.position() + basic + 11 + ext;
        while (out.hasRemaining()) {
            int n = Math.min(chunkSize, out.remaining());
            out.put(out.position(), bytes, at, n).position(out.position() + n);
            at += n + basic + ext;
        }
        return out.flip();
    }

    /** The chunks, between position and limit of a fresh read-only duplicate. */
    public ByteBuffer bytes() {
        return bytes.duplicate();
    }

    /**
     * Size of the first chunk's basic and type-0 message headers (with the extended timestamp, if
     * any): 12 to 18 bytes.
     */
    public int firstHeaderSize() {
        return (chunkStreamId <= 63 ? 1 : chunkStreamId <= 319 ? 2 : 3) + 11 + (timestamp >= 0xFFFFFF ? 4 : 0);
    }

    /**
     * Writes the first chunk's headers as {@link #bytes()} has them, but with {@code messageStreamId}
     * in the message stream id field (RTMP 1.0 §5.3.1.2.1, little-endian), at {@code out}'s position.
     *
     * @throws java.nio.BufferOverflowException when fewer than {@link #firstHeaderSize()} bytes remain
     */
    public void writeFirstHeader(int messageStreamId, ByteBuffer out) {
        int n = firstHeaderSize();
        if (out.remaining() < n) {
            throw new java.nio.BufferOverflowException();
        }
        int at = out.position();
        out.put(at, bytes, bytes.position(), n);
        int basic = chunkStreamId <= 63 ? 1 : chunkStreamId <= 319 ? 2 : 3;
        BigEndian.putInt(out, at + basic + 7, Integer.reverseBytes(messageStreamId));
        out.position(at + n);
    }

    /**
     * The chunks after the first chunk's headers (payload and type-3 headers), between position and
     * limit of a fresh read-only duplicate: what follows {@link #writeFirstHeader}.
     */
    public ByteBuffer bytesAfterFirstHeader() {
        ByteBuffer rest = bytes.duplicate();
        return rest.position(rest.position() + firstHeaderSize());
    }

    /** Size of the chunks in bytes. */
    public int encodedSize() {
        return bytes.remaining();
    }

    /** The chunk stream id. */
    public int chunkStreamId() {
        return chunkStreamId;
    }

    /** Absolute timestamp, ms, 0..2^32-1. */
    public long timestamp() {
        return timestamp;
    }

    /** Message type id. */
    public int messageTypeId() {
        return messageTypeId;
    }

    /** Message stream id. */
    public int messageStreamId() {
        return messageStreamId;
    }

    /** Payload length. */
    public int messageLength() {
        return messageLength;
    }

    /** The chunk size the message was cut with; connections must use the same. */
    public int chunkSize() {
        return chunkSize;
    }
}
