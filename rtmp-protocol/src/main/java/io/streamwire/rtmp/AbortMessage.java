package io.streamwire.rtmp;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * Abort Message, §5.4.2: the receiver drops the partly received message on that chunk stream. Adobe RTMP Specification 1.0.
 * {@link ChunkDecoder} applies it; one naming a chunk stream with nothing to drop changes nothing
 * and is reported as {@link RtmpAnomalyKind#ABORT_WITHOUT_PARTIAL_MESSAGE}.
 *
 * <pre>
 * chunkStreamId (32)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param chunkStreamId chunk stream id, 32 bits
 *
 * @since 0.1.0
 */
public record AbortMessage(int chunkStreamId) implements ControlMessage {
    /**
     * The chunk stream id of an Abort Message payload (position to limit, not moved), as 32 bits.
     *
     * @param offset stream offset of the payload, for errors
     * @throws RtmpException if the payload has fewer than 4 bytes
     */
    static int readChunkStreamId(ByteBuffer payload, long offset) {
        if (payload.remaining() < 4) {
            throw new RtmpException("abort chunk stream id", "needs 4 bytes, got " + payload.remaining(), offset,
                    "RTMP 1.0 §5.4");
        }
        return BigEndian.getInt(payload, payload.position());
    }

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
