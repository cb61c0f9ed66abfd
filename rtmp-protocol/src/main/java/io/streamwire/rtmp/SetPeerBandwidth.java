package io.streamwire.rtmp;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * Set Peer Bandwidth, Adobe RTMP Specification 1.0 §5.4.5: limits the peer's output bandwidth by
 * limiting its acknowledgement window.
 *
 * <pre>
 * acknowledgement window size (32) | limit type (8)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param windowSize acknowledgement window size, 32 bits unsigned
 * @param limitType limit type, 8 bits: {@link #HARD}, {@link #SOFT}, {@link #DYNAMIC}; other values kept
 *
 * @since 0.1.0
 */
public record SetPeerBandwidth(long windowSize, int limitType) implements ControlMessage {
    /** Hard: the peer should limit its output to the window size. */
    public static final int HARD = 0;
    /** Soft: limit to the window size or the current limit, whichever is smaller. */
    public static final int SOFT = 1;
    /** Dynamic: hard if the previous limit was hard, else ignore. */
    public static final int DYNAMIC = 2;

    /** Checks ranges. */
    public SetPeerBandwidth {
        if (windowSize < 0 || windowSize > 0xFFFFFFFFL || limitType >>> 8 != 0) {
            throw new IllegalArgumentException("window " + windowSize + " / limit type " + limitType + " out of range");
        }
    }

    /** Whether the limit type is 0, 1 or 2. */
    public boolean isKnownLimitType() {
        return limitType <= DYNAMIC;
    }

    @Override
    public int messageTypeId() {
        return MessageType.SET_PEER_BANDWIDTH;
    }

    @Override
    public int encodedSize() {
        return 5;
    }

    @Override
    public void writeTo(ByteBuffer out) {
        BigEndian.putIntRelative(out, (int) windowSize).put((byte) limitType);
    }
}
