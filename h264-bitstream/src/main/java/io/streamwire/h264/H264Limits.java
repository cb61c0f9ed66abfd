package io.streamwire.h264;

/**
 * Hard limits for everything in this module that the input sizes; each is checked before any
 * allocation or loop it would size.
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>setting</th><th>default</th><th>why</th></tr>
 *   <tr><td>{@link #maxNalSize()}</td><td>8 MiB</td><td>a 4K intra picture at high bit rate stays
 *       under 4 MiB; anything longer is a lost start code</td></tr>
 *   <tr><td>{@link #maxNalUnitsPerAccessUnit()}</td><td>16,384</td><td>level 6.2 allows
 *       139,264 macroblocks, but real multi-slice streams use at most a few thousand slices (the
 *       JVT stream {@code jm_1080p_allslice} has 8,160)</td></tr>
 *   <tr><td>{@link #maxSeiPayloadSize()}</td><td>1 MiB</td><td>captions and x264's settings
 *       string are a few hundred bytes</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxNalSize the longest NAL unit, in bytes (escaped, header included), 1..2^31-1
 * @param maxNalUnitsPerAccessUnit the most NAL units in one access unit, 1..2^31-1
 * @param maxSeiPayloadSize the largest SEI payloadSize, 0..2^31-1
 *
 * @since 0.1.0
 */
public record H264Limits(int maxNalSize, int maxNalUnitsPerAccessUnit, int maxSeiPayloadSize) {
    /** 8 MiB. */
    public static final int DEFAULT_MAX_NAL_SIZE = 8 << 20;
    /** 16,384. */
    public static final int DEFAULT_MAX_NAL_UNITS_PER_ACCESS_UNIT = 16_384;
    /** 1 MiB. */
    public static final int DEFAULT_MAX_SEI_PAYLOAD_SIZE = 1 << 20;

    private static final H264Limits DEFAULTS = new H264Limits(
            DEFAULT_MAX_NAL_SIZE, DEFAULT_MAX_NAL_UNITS_PER_ACCESS_UNIT, DEFAULT_MAX_SEI_PAYLOAD_SIZE);

    /** Checks ranges. */
    public H264Limits {
        if (maxNalSize < 1 || maxNalUnitsPerAccessUnit < 1 || maxSeiPayloadSize < 0) {
            throw new IllegalArgumentException("limits out of range: " + maxNalSize + ", "
                    + maxNalUnitsPerAccessUnit + ", " + maxSeiPayloadSize);
        }
    }

    /** The defaults listed in the class table. */
    public static H264Limits defaults() {
        return DEFAULTS;
    }

    /** A copy with another {@link #maxNalSize()}. */
    public H264Limits withMaxNalSize(int value) {
        return new H264Limits(value, maxNalUnitsPerAccessUnit, maxSeiPayloadSize);
    }

    /** A copy with another {@link #maxNalUnitsPerAccessUnit()}. */
    public H264Limits withMaxNalUnitsPerAccessUnit(int value) {
        return new H264Limits(maxNalSize, value, maxSeiPayloadSize);
    }

    /** A copy with another {@link #maxSeiPayloadSize()}. */
    public H264Limits withMaxSeiPayloadSize(int value) {
        return new H264Limits(maxNalSize, maxNalUnitsPerAccessUnit, value);
    }
}
