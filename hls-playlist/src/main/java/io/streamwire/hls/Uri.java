package io.streamwire.hls;

/**
 * A URI line, RFC 8216bis §4.1: a media segment, or in a multivariant playlist the variant after
 * EXT-X-STREAM-INF.
 *
 * @param value the URI after variable substitution, as written otherwise
 *
 * <p>Immutable and thread-safe.
 * @since 0.1.0
 */
public record Uri(String value) implements PlaylistLine {
    public Uri {
        Checks.noLineBreak(value, "URI");
        if (value.isEmpty() || value.charAt(0) == '#' || value.isBlank()) {
            throw new IllegalArgumentException("URI line '" + value + "' is empty or starts with '#'");
        }
    }

    @Override
    public void appendTo(StringBuilder out) {
        out.append(value);
    }
}
