package io.streamwire.hls;

/**
 * A decimal-resolution attribute value, RFC 8216bis §4.2: {@code <width>x<height>}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param width horizontal pixel dimension, 0 or more
 * @param height vertical pixel dimension, 0 or more
 * @since 0.1.0
 */
public record Resolution(long width, long height) {
    public Resolution {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("resolution " + width + "x" + height + " is negative");
        }
    }

    /** Parses {@code 1280x720}; null when it is not a decimal-resolution. */
    public static Resolution tryParse(String text) {
        if (!AttributeType.DECIMAL_RESOLUTION.accepts(text, false)) {
            return null;
        }
        int x = text.indexOf('x');
        return new Resolution(Long.parseLong(text, 0, x, 10), Long.parseLong(text, x + 1, text.length(), 10));
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
