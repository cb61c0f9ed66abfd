package io.streamwire.hls;

/**
 * A tag this parser does not know (or, in lenient mode, a known tag whose value could not be read),
 * kept where it was so it writes back unchanged (RFC 8216bis §4.1: clients ignore unknown tags).
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the tag name after {@code #}, e.g. {@code EXT-X-APPLE-FOO}
 * @param value the text after the first {@code :}, or null when there is none
 * @since 0.1.0
 */
public record UnknownTag(String text, String value) implements PlaylistTag {
    public UnknownTag {
        Checks.noLineBreak(text, "tag name");
        if (!text.startsWith("EXT") || text.indexOf(':') >= 0) {
            throw new IllegalArgumentException("tag name '" + text + "' must start with EXT and hold no ':'");
        }
        if (value != null) {
            Checks.noLineBreak(value, text);
        }
    }

    @Override
    public TagName tagName() {
        return TagName.UNKNOWN;
    }

    @Override
    public String name() {
        return text;
    }

    @Override
    public void appendTo(StringBuilder out) {
        out.append('#').append(text);
        if (value != null) {
            out.append(':').append(value);
        }
    }
}
