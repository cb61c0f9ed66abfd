package io.streamwire.hls;

/**
 * EXT-X-PRELOAD-HINT, RFC 8216bis §4.4.5.3: a resource the client should request ahead of time.
 *
 * <p>Immutable and thread-safe.
 *
 * @param attributes the attribute list, unknown attributes included
 * @since 0.1.0
 */
public record PreloadHint(AttributeList attributes) implements AttributeTag {
    public PreloadHint {
        java.util.Objects.requireNonNull(attributes, "attributes");
    }

    @Override
    public TagName tagName() {
        return TagName.EXT_X_PRELOAD_HINT;
    }

    /** TYPE (PART or MAP), or null. */
    public String type() {
        return attributes.enumeratedString("TYPE");
    }

    /** URI (quoted-string), or null. */
    public String uri() {
        return attributes.quotedString("URI");
    }

    /** BYTERANGE-START, 0 when absent. */
    public long byteRangeStart() {
        return attributes.decimalInteger("BYTERANGE-START", 0);
    }

    /** BYTERANGE-LENGTH, -1 when absent (to the end of the resource). */
    public long byteRangeLength() {
        return attributes.decimalInteger("BYTERANGE-LENGTH", -1);
    }

    /** A hint for the next part at {@code uri}. */
    public static PreloadHint part(String uri) {
        return new PreloadHint(AttributeList.builder().enumerated("TYPE", "PART").quoted("URI", uri).build());
    }
}
