package io.streamwire.hls;

/**
 * EXT-X-MAP, RFC 8216bis §4.4.4.5: the media initialization section of the segments that follow.
 *
 * <p>Immutable and thread-safe.
 *
 * @param attributes the attribute list, unknown attributes included
 * @since 0.1.0
 */
public record SegmentMap(AttributeList attributes) implements AttributeTag {
    public SegmentMap {
        java.util.Objects.requireNonNull(attributes, "attributes");
    }

    @Override
    public TagName tagName() {
        return TagName.EXT_X_MAP;
    }

    /** URI (quoted-string), or null. */
    public String uri() {
        return attributes.quotedString("URI");
    }

    /** BYTERANGE (quoted-string {@code n[@o]}), or null. */
    public ByteRange byteRange() {
        String v = attributes.quotedString("BYTERANGE");
        return v == null ? null : ByteRange.tryParse(v);
    }

    /** A map of {@code uri}. */
    public static SegmentMap of(String uri) {
        return new SegmentMap(AttributeList.builder().quoted("URI", uri).build());
    }
}
