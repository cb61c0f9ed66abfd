package io.streamwire.hls;

/**
 * A URI line, RFC 8216bis §4.1: a media segment, or in a multivariant playlist the variant after
 * EXT-X-STREAM-INF.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the URI after variable substitution, as written otherwise
 * @since 0.1.0
 */
public record Uri(String value) implements PlaylistLine {
    public Uri {
        Checks.noLineBreak(value, "URI");
        if (!hasValidEnds(value)) {
            throw new IllegalArgumentException("URI line '" + value + "' is empty, starts with '#' or has white space around it");
        }
    }

    /**
     * Whether {@code value} reads back as this URI line: not empty, not starting with {@code #}, no
     * space or tab at either end (a parser strips those), no line break.
     */
    public static boolean isValid(String value) {
        return value.indexOf('\n') < 0 && value.indexOf('\r') < 0 && hasValidEnds(value);
    }

    /** Not empty, not starting with {@code #}, no space or tab at either end. */
    private static boolean hasValidEnds(String value) {
        int n = value.length();
        if (n == 0 || value.charAt(0) == '#') {
            return false;
        }
        char first = value.charAt(0);
        char last = value.charAt(n - 1);
        return first != ' ' && first != '\t' && last != ' ' && last != '\t';
    }

    /** {@link TagName#URI}: a URI line is not a tag (never null, so a {@code switch} over it is safe). */
    @Override
    public TagName tagName() {
        return TagName.URI;
    }

    @Override
    public void appendTo(StringBuilder out) {
        out.append(value);
    }
}
