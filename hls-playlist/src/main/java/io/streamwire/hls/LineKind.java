package io.streamwire.hls;

/**
 * What a playlist line is: RFC 8216 §4.1. Each line is a URI, blank, or starts with '#'; a line
 * that starts with '#EXT' is a tag, any other '#' line a comment.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum LineKind {
    /** A line starting with {@code #EXT}. */
    TAG,
    /** A line starting with {@code #} but not {@code #EXT}. */
    COMMENT,
    /** A URI line: a media segment, a variant or another playlist. */
    URI,
    /** An empty line, or one of white space only, which §4.1 says to ignore. */
    BLANK;

    /**
     * Classifies one line, given without its line terminator.
     *
     * @implNote White space alone counts as blank: §4.1 only names empty lines, but every client
     *     we know (and the videojs corpus's "whitespace" playlist) ignores such lines.
     */
    public static LineKind of(CharSequence line) {
        int n = line.length();
        if (n > 0 && line.charAt(0) == '#') {
            return n >= 4 && line.charAt(1) == 'E' && line.charAt(2) == 'X' && line.charAt(3) == 'T' ? TAG : COMMENT;
        }
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t') {
                return URI;
            }
        }
        return BLANK;
    }
}
