package io.streamwire.h265;

/**
 * Hard limits for everything in this module that the input sizes; each is checked before any
 * allocation or loop it would size.
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>setting</th><th>default</th><th>why</th></tr>
 *   <tr><td>{@link #maxNalSize()}</td><td>8 MiB</td><td>an 8K intra picture at high bit rate stays
 *       under 8 MiB; anything longer is a lost start code</td></tr>
 *   <tr><td>{@link #maxNalUnitsPerAccessUnit()}</td><td>4,096</td><td>level 6.2 allows at most 600
 *       slice segments per picture (Table A.8) and 22 × 20 tiles; parameter sets, SEI and the
 *       slices of several layers stay well below</td></tr>
 *   <tr><td>{@link #maxSeiPayloadSize()}</td><td>1 MiB</td><td>captions, HDR metadata and x265's
 *       settings string are a few hundred bytes to a few KB</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxNalSize the longest NAL unit, in bytes (escaped, header included), 2..2^31-1
 * @param maxNalUnitsPerAccessUnit the most NAL units in one access unit, 1..2^31-1
 * @param maxSeiPayloadSize the largest SEI payloadSize, 0..2^31-1
 *
 * @since 0.2.0
 */
public record H265Limits(int maxNalSize, int maxNalUnitsPerAccessUnit, int maxSeiPayloadSize) {
    /** 8 MiB. */
    public static final int DEFAULT_MAX_NAL_SIZE = 8 << 20;
    /** 4,096. */
    public static final int DEFAULT_MAX_NAL_UNITS_PER_ACCESS_UNIT = 4_096;
    /** 1 MiB. */
    public static final int DEFAULT_MAX_SEI_PAYLOAD_SIZE = 1 << 20;

    private static final H265Limits DEFAULTS = new H265Limits(
            DEFAULT_MAX_NAL_SIZE, DEFAULT_MAX_NAL_UNITS_PER_ACCESS_UNIT, DEFAULT_MAX_SEI_PAYLOAD_SIZE);

    /** Checks ranges. */
    public H265Limits {
        if (maxNalSize < 2 || maxNalUnitsPerAccessUnit < 1 || maxSeiPayloadSize < 0) {
            throw new IllegalArgumentException("limits out of range: " + maxNalSize + ", "
                    + maxNalUnitsPerAccessUnit + ", " + maxSeiPayloadSize);
        }
    }

    /** The defaults listed in the class table. */
    public static H265Limits defaults() {
        return DEFAULTS;
    }

    /** A copy with another {@link #maxNalSize()}. */
    public H265Limits withMaxNalSize(int value) {
        return new H265Limits(value, maxNalUnitsPerAccessUnit, maxSeiPayloadSize);
    }

    /** A copy with another {@link #maxNalUnitsPerAccessUnit()}. */
    public H265Limits withMaxNalUnitsPerAccessUnit(int value) {
        return new H265Limits(maxNalSize, value, maxSeiPayloadSize);
    }

    /** A copy with another {@link #maxSeiPayloadSize()}. */
    public H265Limits withMaxSeiPayloadSize(int value) {
        return new H265Limits(maxNalSize, maxNalUnitsPerAccessUnit, value);
    }
}
