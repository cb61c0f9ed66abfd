package io.streamwire.hls;

import java.util.List;

/**
 * What a {@link PlaylistParser} parse produced: the playlist and, in lenient mode, the rule
 * violations found (empty for a strict parse, which throws on the first).
 *
 * <p>Immutable and thread-safe.
 *
 * @param playlist the playlist
 * @param diagnostics rule violations: those found line by line, then those of the playlist-wide
 *     rules, each group in line order
 * @since 0.1.0
 */
public record ParseResult(Playlist playlist, List<Diagnostic> diagnostics) {
    /** Checks and copies the components. */
    public ParseResult {
        java.util.Objects.requireNonNull(playlist, "playlist");
        diagnostics = List.copyOf(diagnostics);
    }
}
