package io.streamwire.hls;

/**
 * A comment line, RFC 8216bis §4.1: {@code #} followed by anything but {@code EXT}.
 *
 * @param text the text after {@code #}
 *
 * <p>Immutable and thread-safe.
 * @since 0.1.0
 */
public record Comment(String text) implements PlaylistLine {
    public Comment {
        Checks.noLineBreak(text, "comment");
        if (text.startsWith("EXT")) {
            throw new IllegalArgumentException("a comment cannot start with EXT (it would be a tag)");
        }
    }

    /** Null: a comment is not a tag. */
    @Override
    public TagName tagName() {
        return null;
    }

    @Override
    public void appendTo(StringBuilder out) {
        out.append('#').append(text);
    }
}
