package io.streamwire.hls;

/**
 * A comment line, RFC 8216bis §4.1: {@code #} followed by anything but {@code EXT}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the text after {@code #}
 * @since 0.1.0
 */
public record Comment(String text) implements PlaylistLine {
    public Comment {
        Checks.noLineBreak(text, "comment");
        if (text.startsWith("EXT")) {
            throw new IllegalArgumentException("a comment cannot start with EXT (it would be a tag)");
        }
    }

    /** {@link TagName#COMMENT}: a comment is not a tag (never null, so a {@code switch} over it is safe). */
    @Override
    public TagName tagName() {
        return TagName.COMMENT;
    }

    @Override
    public void appendTo(StringBuilder out) {
        out.append('#').append(text);
    }
}
