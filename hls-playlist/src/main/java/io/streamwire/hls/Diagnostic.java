package io.streamwire.hls;

/**
 * One rule violation found by the parser or {@link PlaylistValidator}: in strict mode the first
 * becomes a {@link PlaylistException}; in lenient mode they are returned beside the playlist.
 *
 * @param field the tag or attribute at fault, e.g. {@code EXT-X-TARGETDURATION}
 * @param problem what is wrong
 * @param line 1-based line, or 0 when the playlist was built in code
 * @param column 1-based column, or 0
 * @param offset offset from the start of the playlist (bytes, or chars for text input), or -1
 * @param specRef the spec section, e.g. {@code RFC 8216bis §4.4.3.1}
 *
 * <p>Immutable and thread-safe.
 * @since 0.1.0
 */
public record Diagnostic(String field, String problem, int line, int column, long offset, String specRef) {

    /** The same problem as an exception. */
    public PlaylistException toException() {
        return new PlaylistException(field, problem, offset, line, column, specRef);
    }

    @Override
    public String toString() {
        return toException().getMessage();
    }
}
