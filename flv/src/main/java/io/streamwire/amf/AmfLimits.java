package io.streamwire.amf;

/**
 * Hard limits for AMF0 and AMF3 readers, checked before anything is allocated or looped over.
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>component</th><th>default</th><th>why</th></tr>
 *   <tr><td>{@code maxDepth}</td><td>64</td><td>nesting of objects and arrays; real RTMP commands
 *       and onMetaData nest 2-3 deep, and the reader's stack is sized by it</td></tr>
 *   <tr><td>{@code maxElements}</td><td>1,048,576</td><td>entries of one array, object, vector
 *       or dictionary (a keyframes index of a 24 h recording at 1 s GOPs holds 86,400)</td></tr>
 *   <tr><td>{@code maxStringBytes}</td><td>16 MiB</td><td>one string, XML document or
 *       ByteArray; also bounded by the bytes remaining</td></tr>
 *   <tr><td>{@code maxReferences}</td><td>1,048,576</td><td>entries of each reference table
 *       (AMF0 objects, AMF3 strings, objects and traits)</td></tr>
 * </table>
 *
 * <p>Every declared length or count is also checked against the bytes that remain (each element
 * takes at least one byte), so a hostile count never allocates.
 *
 * @param maxDepth maximum nesting depth of complex values, 1..1024 (readers recurse)
 * @param maxElements maximum entries in one complex value, at least 0
 * @param maxStringBytes maximum bytes of one string, XML document or byte array, at least 0
 * @param maxReferences maximum entries of one reference table, at least 0
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record AmfLimits(int maxDepth, int maxElements, int maxStringBytes, int maxReferences) {
    /** Default {@link #maxDepth()}. */
    public static final int DEFAULT_MAX_DEPTH = 64;
    /** Default {@link #maxElements()}. */
    public static final int DEFAULT_MAX_ELEMENTS = 1 << 20;
    /** Default {@link #maxStringBytes()}. */
    public static final int DEFAULT_MAX_STRING_BYTES = 16 << 20;
    /** Default {@link #maxReferences()}. */
    public static final int DEFAULT_MAX_REFERENCES = 1 << 20;

    private static final AmfLimits DEFAULTS =
            new AmfLimits(DEFAULT_MAX_DEPTH, DEFAULT_MAX_ELEMENTS, DEFAULT_MAX_STRING_BYTES, DEFAULT_MAX_REFERENCES);

    /** Checks ranges. */
    public AmfLimits {
        if (maxDepth < 1 || maxDepth > 1024 || maxElements < 0 || maxStringBytes < 0 || maxReferences < 0) {
            throw new IllegalArgumentException("AMF limits out of range: " + maxDepth + ", " + maxElements + ", "
                    + maxStringBytes + ", " + maxReferences);
        }
    }

    /** The defaults listed in the class table. */
    public static AmfLimits defaults() {
        return DEFAULTS;
    }

    /** A copy with another {@link #maxDepth()}. */
    public AmfLimits withMaxDepth(int value) {
        return new AmfLimits(value, maxElements, maxStringBytes, maxReferences);
    }

    /** A copy with another {@link #maxElements()}. */
    public AmfLimits withMaxElements(int value) {
        return new AmfLimits(maxDepth, value, maxStringBytes, maxReferences);
    }

    /** A copy with another {@link #maxStringBytes()}. */
    public AmfLimits withMaxStringBytes(int value) {
        return new AmfLimits(maxDepth, maxElements, value, maxReferences);
    }

    /** A copy with another {@link #maxReferences()}. */
    public AmfLimits withMaxReferences(int value) {
        return new AmfLimits(maxDepth, maxElements, maxStringBytes, value);
    }
}
