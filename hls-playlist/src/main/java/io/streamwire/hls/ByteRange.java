package io.streamwire.hls;

/**
 * EXT-X-BYTERANGE, RFC 8216bis §4.4.4.2: {@code <n>[@<o>]}; the same syntax is the BYTERANGE
 * attribute of EXT-X-MAP and EXT-X-PART.
 *
 * <p>Immutable and thread-safe.
 *
 * @param length the sub-range length in bytes
 * @param offset the start offset, or -1 when absent (the range then follows the previous one)
 * @since 0.1.0
 */
public record ByteRange(long length, long offset) implements PlaylistTag {
    public ByteRange {
        Checks.nonNegative(length, "BYTERANGE length");
        if (offset < -1) {
            throw new IllegalArgumentException("BYTERANGE offset " + offset + " is negative");
        }
    }

    /** Parses {@code n[@o]}; null when it is not that. */
    public static ByteRange tryParse(String text) {
        int at = text.indexOf('@');
        int end = at < 0 ? text.length() : at;
        if (!AttributeType.isDecimalInteger(text, 0, end) || end > 18
                || (at >= 0 && (!AttributeType.isDecimalInteger(text, at + 1, text.length()) || text.length() - at - 1 > 18))) {
            return null;
        }
        long length = Long.parseLong(text, 0, end, 10);
        long offset = at < 0 ? -1 : Long.parseLong(text, at + 1, text.length(), 10);
        return new ByteRange(length, offset);
    }

    /** Whether the offset is given. */
    public boolean hasOffset() {
        return offset >= 0;
    }

    /** {@code n[@o]}. */
    public String text() {
        return offset < 0 ? Long.toString(length) : length + "@" + offset;
    }

    @Override
    public TagName tagName() {
        return TagName.EXT_X_BYTERANGE;
    }

    @Override
    public void appendTo(StringBuilder out) {
        out.append("#EXT-X-BYTERANGE:").append(length);
        if (offset >= 0) {
            out.append('@').append(offset);
        }
    }
}
