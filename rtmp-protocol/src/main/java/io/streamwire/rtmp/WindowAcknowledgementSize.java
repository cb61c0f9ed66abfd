package io.streamwire.rtmp;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * Window Acknowledgement Size, §5.4.4: how many bytes the sender may receive before it expects an Acknowledgement. Adobe RTMP Specification 1.0.
 *
 * <pre>
 * windowSize (32)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param windowSize acknowledgement window size, 32 bits unsigned
 *
 * @since 0.1.0
 */
public record WindowAcknowledgementSize(long windowSize) implements ControlMessage {
    /** Checks ranges. */
    public WindowAcknowledgementSize {
        if (windowSize < 0 || windowSize > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("windowSize " + windowSize + " out of range");
        }
    }

    @Override
    public int messageTypeId() {
        return MessageType.WINDOW_ACKNOWLEDGEMENT_SIZE;
    }

    @Override
    public int encodedSize() {
        return 4;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        BigEndian.putIntRelative(out, (int) windowSize);
    }
}
