package io.streamwire.hls;

import java.util.List;

/**
 * What a parse produced: the playlist and, in lenient mode, the rule violations found (empty for a
 * strict parse, which throws on the first).
 *
 * @param playlist the playlist
 * @param diagnostics rule violations in line order
 *
 * <p>Immutable and thread-safe.
 * @since 0.1.0
 */
public record ParseResult(Playlist playlist, List<Diagnostic> diagnostics) {
    public ParseResult {
        java.util.Objects.requireNonNull(playlist, "playlist");
        diagnostics = List.copyOf(diagnostics);
    }
}
