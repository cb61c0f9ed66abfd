package io.streamwire.rtmp;

import java.nio.ByteBuffer;

/**
 * One message already cut into chunks, ready to be sent unchanged to many connections (relay
 * fan-out). The first chunk has a type-0 header, so the bytes are valid on any connection whatever it
 * sent before on that chunk stream; {@link ChunkEncoder#sendShared(EncodedMessage)} brings each
 * connection's encoder state up to date so its own later messages still compress.
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
