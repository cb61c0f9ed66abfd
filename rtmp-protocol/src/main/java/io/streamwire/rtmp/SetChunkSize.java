package io.streamwire.rtmp;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * Set Chunk Size, §5.4.1: the largest chunk payload the sender will use from now on. Adobe RTMP Specification 1.0.
 *
 * <pre>
 * chunkSize (32)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param chunkSize chunk size, 31 bits (the top bit is zero), 1..2^31-1
 *
 * @since 0.1.0
 */
public record SetChunkSize(int chunkSize) implements ControlMessage {
    /** Checks ranges. */
    public SetChunkSize {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize " + chunkSize + " out of range");
        }
    }

    /**
     * The chunk size of a Set Chunk Size payload (position to limit, not moved): the one place the
     * payload is read, by {@link ControlMessage#parse} and by the {@link ChunkDecoder}, which applies
     * it without allocating. Bit 31 must be zero (§5.4.1); it is ignored when set.
     *
     * @param offset stream offset of the payload, for errors
     * @return 1..2^31-1
     * @throws RtmpException if the payload has fewer than 4 bytes or the size is 0
     */
    static int readChunkSize(ByteBuffer payload, long offset) {
        if (payload.remaining() < 4) {
            throw new RtmpException("set chunk size", "needs 4 bytes, got " + payload.remaining(), offset, "RTMP 1.0 §5.4");
        }
        int size = BigEndian.getInt(payload, payload.position()) & 0x7FFFFFFF;
        if (size == 0) {
            throw new RtmpException("set chunk size", "0 is out of range (expected: 1..2^31-1)", offset, "RTMP 1.0 §5.4.1");
        }
        return size;
    }

    /** Whether bit 31 of a Set Chunk Size payload of at least 4 bytes, which must be zero, is set. */
    static boolean highBitSet(ByteBuffer payload) {
        return BigEndian.getInt(payload, payload.position()) < 0;
    }

    @Override
    public int messageTypeId() {
        return MessageType.SET_CHUNK_SIZE;
    }

    @Override
    public int encodedSize() {
        return 4;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        BigEndian.putIntRelative(out, chunkSize);
    }
}
