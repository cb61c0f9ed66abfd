package io.streamwire.rtmp;

import io.streamwire.flv.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * Abort Message, §5.4.2: the receiver drops the partly received message on that chunk stream. Adobe RTMP Specification 1.0.
 *
 * <pre>
 * chunkStreamId (32)
 * </pre>
 *
 * @param chunkStreamId chunk stream id, 32 bits
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record AbortMessage(int chunkStreamId) implements ControlMessage {
    @Override
    public int messageTypeId() {
        return MessageType.ABORT;
    }

    @Override
    public int encodedSize() {
        return 4;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        BigEndian.putIntRelative(out, chunkStreamId);
    }
}
