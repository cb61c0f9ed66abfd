package io.streamwire.aac;

/**
 * Hard limits the decoders check before buffering or allocating.
 *
 * <table>
 *   <caption>Limits and their defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>why</th></tr>
 *   <tr><td>{@link #maxFrameSize()}</td><td>8191</td><td>the largest aac_frame_length (13 bits)
 *       and LOAS audioMuxLengthBytes + 3; lower it to reject implausible frames early</td></tr>
 *   <tr><td>{@link #maxId3TagSize()}</td><td>1 MiB</td><td>HLS packed audio carries a 73-byte
 *       PRIV timestamp; tags with cover art stay well below this</td></tr>
 *   <tr><td>{@link #maxResyncDistance()}</td><td>64 KiB</td><td>bytes discarded in one run while
 *       hunting for sync before the stream is declared not ADTS/LOAS</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxFrameSize largest frame accepted, 7..8194 bytes
 * @param maxId3TagSize largest ID3v2 tag (header, body and footer) accepted, at least 10 bytes
 * @param maxResyncDistance most bytes discarded in one run while hunting for sync, at least 1
 *
 * @since 0.1.0
 */
public record AacLimits(int maxFrameSize, int maxId3TagSize, int maxResyncDistance) {
    /** Default {@link #maxFrameSize()}. */
    public static final int DEFAULT_MAX_FRAME_SIZE = 8191;
    /** Default {@link #maxId3TagSize()}. */
    public static final int DEFAULT_MAX_ID3_TAG_SIZE = 1 << 20;
    /** Default {@link #maxResyncDistance()}. */
    public static final int DEFAULT_MAX_RESYNC_DISTANCE = 64 << 10;

    /** Checks the ranges. */
    public AacLimits {
        if (maxFrameSize < 7 || maxFrameSize > 8194) {
            throw new IllegalArgumentException("maxFrameSize " + maxFrameSize + " out of range 7..8194");
        }
        if (maxId3TagSize < 10) {
            throw new IllegalArgumentException("maxId3TagSize " + maxId3TagSize + " below 10");
        }
        if (maxResyncDistance < 1) {
            throw new IllegalArgumentException("maxResyncDistance " + maxResyncDistance + " below 1");
        }
    }

    /** The defaults listed in the table above. */
    public static AacLimits defaults() {
        return new AacLimits(DEFAULT_MAX_FRAME_SIZE, DEFAULT_MAX_ID3_TAG_SIZE, DEFAULT_MAX_RESYNC_DISTANCE);
    }

    /** A copy with another {@link #maxFrameSize()}. */
    public AacLimits withMaxFrameSize(int value) {
        return new AacLimits(value, maxId3TagSize, maxResyncDistance);
    }

    /** A copy with another {@link #maxId3TagSize()}. */
    public AacLimits withMaxId3TagSize(int value) {
        return new AacLimits(maxFrameSize, value, maxResyncDistance);
    }

    /** A copy with another {@link #maxResyncDistance()}. */
    public AacLimits withMaxResyncDistance(int value) {
        return new AacLimits(maxFrameSize, maxId3TagSize, value);
    }
}
