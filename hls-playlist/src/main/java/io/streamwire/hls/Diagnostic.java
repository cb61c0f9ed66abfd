package io.streamwire.hls;

import io.streamwire.core.Anomaly;
import java.util.Objects;

/**
 * One rule violation found by a lenient {@link PlaylistParser} or by {@link PlaylistValidator},
 * with the line and column a person needs to find it: the parser returns them in
 * {@link ParseResult#diagnostics()} (in strict mode the first is thrown as a
 * {@link PlaylistException} instead). A {@link PlaylistDecoder} reports the same problems to its
 * listener as {@link Anomaly anomalies} ({@link #toAnomaly()}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind which kind of rule is broken, and what the parser kept
 * @param field the tag or attribute at fault, e.g. {@code EXT-X-TARGETDURATION}
 * @param problem what is wrong
 * @param line 1-based line, or 0 when the playlist was built in code
 * @param column 1-based column, or 0
 * @param offset offset from the start of the playlist (bytes, or chars for text input), or -1 for
 *     a playlist built in code ({@link PlaylistValidator#validate(Playlist)}), which has no offsets
 * @param specRef the spec section, e.g. {@code RFC 8216bis §4.4.3.1}
 * @since 0.1.0
 */
public record Diagnostic(HlsAnomalyKind kind, String field, String problem, int line, int column, long offset,
        String specRef) {

    /** Checks the components. */
    public Diagnostic {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(problem, "problem");
    }

    /** The same problem as an exception (what strict mode throws). */
    public PlaylistException toException() {
        return new PlaylistException(field, problem, offset, line, column, specRef);
    }

    /**
     * The same problem in the shape every Streamwire decoder reports: the kind, the offset, and
     * this diagnostic's message without the offset as the detail (e.g.
     * {@code "EXTINF duration 5 rounds above EXT-X-TARGETDURATION 4 at line 3, column 9; RFC 8216bis §4.4.3.1"}).
     */
    public Anomaly<HlsAnomalyKind> toAnomaly() {
        String where = line > 0 ? " at line " + line + ", column " + column : "";
        return new Anomaly<>(kind, offset, field + " " + problem + where + (specRef != null ? "; " + specRef : ""));
    }

    @Override
    public String toString() {
        return toException().getMessage();
    }
}
