package io.streamwire.hls;

/**
 * EXT-X-SESSION-DATA, RFC 8216bis §4.4.6.4: arbitrary session data.
 *
 * <p>Immutable and thread-safe.
 *
 * @param attributes the attribute list, unknown attributes included
 * @since 0.1.0
 */
public record SessionData(AttributeList attributes) implements AttributeTag {
    public SessionData {
        java.util.Objects.requireNonNull(attributes, "attributes");
    }

    @Override
    public TagName tagName() {
        return TagName.EXT_X_SESSION_DATA;
    }

    /** DATA-ID. */
    public String dataId() {
        return attributes.quotedString("DATA-ID");
    }

    /** VALUE, or null. */
    public String value() {
        return attributes.quotedString("VALUE");
    }

    /** URI, or null. */
    public String uri() {
        return attributes.quotedString("URI");
    }

    /** FORMAT (JSON or RAW), or null. */
    public String format() {
        return attributes.enumeratedString("FORMAT");
    }

    /** LANGUAGE, or null. */
    public String language() {
        return attributes.quotedString("LANGUAGE");
    }
}
