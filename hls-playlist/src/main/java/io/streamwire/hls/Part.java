package io.streamwire.hls;

/**
 * EXT-X-PART, RFC 8216bis §4.4.4.9: a partial segment (LL-HLS).
 *
 * <p>Immutable and thread-safe.
 *
 * @param attributes the attribute list, unknown attributes included
 * @since 0.1.0
 */
public record Part(AttributeList attributes) implements AttributeTag {
    public Part {
        java.util.Objects.requireNonNull(attributes, "attributes");
    }

    @Override
    public TagName tagName() {
        return TagName.EXT_X_PART;
    }

    /** URI (quoted-string), or null. */
    public String uri() {
        return attributes.quotedString("URI");
    }

    /** DURATION in seconds, NaN when absent. */
    public double duration() {
        return attributes.decimalFloat("DURATION");
    }

    /** INDEPENDENT=YES. */
    public boolean independent() {
        return "YES".equals(attributes.enumeratedString("INDEPENDENT"));
    }

    /** GAP=YES. */
    public boolean gap() {
        return "YES".equals(attributes.enumeratedString("GAP"));
    }

    /** BYTERANGE (quoted-string {@code n[@o]}), or null. */
    public ByteRange byteRange() {
        String v = attributes.quotedString("BYTERANGE");
        return v == null ? null : ByteRange.tryParse(v);
    }

    /** A part of {@code uri} lasting {@code seconds}. */
    public static Part of(String uri, double seconds, boolean independent) {
        AttributeList.Builder b = AttributeList.builder().decimal("DURATION", seconds).quoted("URI", uri);
        if (independent) {
            b.enumerated("INDEPENDENT", "YES");
        }
        return new Part(b.build());
    }
}
