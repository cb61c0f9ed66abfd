package io.streamwire.flv;

/**
 * Hard limits and strictness of the FLV readers.
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>component</th><th>default</th><th>why</th></tr>
 *   <tr><td>{@code maxTagSize}</td><td>16 MiB</td><td>DataSize of one tag; the field's own
 *       maximum is 16 MiB - 1, and the decoder buffers at most one tag (plus 15 bytes) when a tag
 *       crosses feeds or while confirming a resync candidate</td></tr>
 *   <tr><td>{@code strict}</td><td>false</td><td>strict: an implausible tag header (unknown
 *       TagType, reserved bits, StreamID not 0) and a truncated final tag throw; lenient: the decoder
 *       resynchronises and reports anomalies ({@link FlvAnomalyKind})</td></tr>
 * </table>
 *
 * @param maxTagSize largest accepted DataSize, 0..16777215
 * @param strict throw instead of resynchronising
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record FlvLimits(int maxTagSize, boolean strict) {
    /** Default {@link #maxTagSize()}: the largest DataSize the 24-bit field can hold. */
    public static final int DEFAULT_MAX_TAG_SIZE = 0xFF_FFFF;

    private static final FlvLimits DEFAULTS = new FlvLimits(DEFAULT_MAX_TAG_SIZE, false);

    /** Checks ranges. */
    public FlvLimits {
        if (maxTagSize < 0 || maxTagSize > 0xFF_FFFF) {
            throw new IllegalArgumentException("maxTagSize " + maxTagSize + " out of 0..16777215");
        }
    }

    /** Lenient, 16 MiB tags. */
    public static FlvLimits defaults() {
        return DEFAULTS;
    }

    /** A copy with another {@link #maxTagSize()}. */
    public FlvLimits withMaxTagSize(int value) {
        return new FlvLimits(value, strict);
    }

    /** A copy with another {@link #strict()}. */
    public FlvLimits withStrict(boolean value) {
        return new FlvLimits(maxTagSize, value);
    }
}
