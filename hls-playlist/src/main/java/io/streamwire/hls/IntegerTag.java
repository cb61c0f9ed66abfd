package io.streamwire.hls;

/**
 * A tag whose value is one decimal-integer: EXT-X-VERSION (§4.4.1.2), EXT-X-TARGETDURATION
 * (§4.4.3.1), EXT-X-MEDIA-SEQUENCE (§4.4.3.2), EXT-X-DISCONTINUITY-SEQUENCE (§4.4.3.3),
 * EXT-X-BITRATE (§4.4.4.8, kbit/s).
 *
 * <p>Immutable and thread-safe.
 *
 * @param tagName one of the tags of {@link TagName.Form#INTEGER}
 * @param value the decimal-integer, 0 to 2^63-1
 * @since 0.1.0
 */
public record IntegerTag(TagName tagName, long value) implements PlaylistTag {
    public IntegerTag {
        if (tagName.form() != TagName.Form.INTEGER) {
            throw new IllegalArgumentException(tagName + " is not an integer tag");
        }
        Checks.nonNegative(value, tagName.text());
    }

    /** EXT-X-VERSION. */
    public static IntegerTag version(int v) {
        return new IntegerTag(TagName.EXT_X_VERSION, v);
    }

    /** EXT-X-TARGETDURATION in seconds. */
    public static IntegerTag targetDuration(long seconds) {
        return new IntegerTag(TagName.EXT_X_TARGETDURATION, seconds);
    }

    /** EXT-X-MEDIA-SEQUENCE. */
    public static IntegerTag mediaSequence(long msn) {
        return new IntegerTag(TagName.EXT_X_MEDIA_SEQUENCE, msn);
    }

    /** EXT-X-DISCONTINUITY-SEQUENCE. */
    public static IntegerTag discontinuitySequence(long dsn) {
        return new IntegerTag(TagName.EXT_X_DISCONTINUITY_SEQUENCE, dsn);
    }

    @Override
    public void appendTo(StringBuilder out) {
        out.append('#').append(tagName.text()).append(':').append(value);
    }
}
