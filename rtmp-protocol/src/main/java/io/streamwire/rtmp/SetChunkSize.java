package io.streamwire.rtmp;

import io.streamwire.flv.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * Set Chunk Size, §5.4.1: the largest chunk payload the sender will use from now on. Adobe RTMP Specification 1.0.
 *
 * <pre>
 * chunkSize (32)
 * </pre>
 *
 * @param chunkSize chunk size, 31 bits (the top bit is zero), 1..2^31-1
 *
 * <p>Immutable and thread-safe.
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
