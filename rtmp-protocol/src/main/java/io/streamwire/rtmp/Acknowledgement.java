package io.streamwire.rtmp;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * Acknowledgement, §5.4.3: the bytes received so far (wrapping at 2^32). Adobe RTMP Specification 1.0.
 *
 * <pre>
 * sequenceNumber (32)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param sequenceNumber sequence number, 32 bits unsigned
 *
 * @since 0.1.0
 */
public record Acknowledgement(long sequenceNumber) implements ControlMessage {
    /** Checks ranges. */
    public Acknowledgement {
        if (sequenceNumber < 0 || sequenceNumber > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("sequenceNumber " + sequenceNumber + " out of range");
        }
    }

    @Override
    public int messageTypeId() {
        return MessageType.ACKNOWLEDGEMENT;
    }

    @Override
    public int encodedSize() {
        return 4;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        BigEndian.putIntRelative(out, (int) sequenceNumber);
    }
}
