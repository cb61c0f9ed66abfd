package io.streamwire.hls;

/**
 * One line of a playlist, RFC 8216bis §4.1: a tag, a comment or a URI. Blank lines are not kept
 * (the spec says to ignore them).
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public sealed interface PlaylistLine permits PlaylistTag, Comment, Uri {
    /**
     * Which tag this line is: {@link TagName#UNKNOWN} for unknown tags, {@link TagName#URI} for a
     * URI line, {@link TagName#COMMENT} for a comment; never null, so {@code switch
     * (line.tagName())} covers every line. (A virtual call is much cheaper than
     * {@code instanceof PlaylistTag} in hot loops.)
     */
    TagName tagName();

    /** Appends the line in canonical form, without a line terminator. */
    void appendTo(StringBuilder out);
}
