package io.streamwire.hls;

import io.streamwire.core.LimitExceededException;

/**
 * Bounds applied while parsing, so hostile playlists fail fast with a
 * {@link LimitExceededException} (module {@code "hls"}) instead of exhausting memory. The
 * exception's {@link LimitExceededException#limitName() limitName()} names the setting to raise
 * ({@code "PlaylistLimits.maxLineLength()"}); its field starts with the 1-based line where the
 * limit was passed ({@code "line 2 length"}), and its offset is where that line (or, for
 * {@code maxAttributes}, the attribute) starts.
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>limit</th><th>default</th><th>why</th></tr>
 *   <tr><td>{@code maxPlaylistBytes}</td><td>16 MiB</td><td>the largest real VOD playlists are a few MB</td></tr>
 *   <tr><td>{@code maxLineLength}</td><td>1 MiB</td><td>long DATERANGE/SCTE35 lines are a few KB; data: URIs can be larger</td></tr>
 *   <tr><td>{@code maxEntries}</td><td>1,000,000</td><td>lines kept (tags, comments, URIs); a 20,000-segment
 *       VOD playlist has about 40,000</td></tr>
 *   <tr><td>{@code maxAttributes}</td><td>256</td><td>attributes in one attribute list; the spec defines fewer than 40</td></tr>
 *   <tr><td>{@code maxVariables}</td><td>10,000</td><td>EXT-X-DEFINE tags</td></tr>
 *   <tr><td>{@code maxVariableExpansion}</td><td>16 MiB</td><td>characters produced by variable substitution in all</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxPlaylistBytes most bytes (or chars) in one playlist
 * @param maxLineLength most bytes in one line, terminator excluded
 * @param maxEntries most lines kept (tags, comments and URIs; blank lines are not kept)
 * @param maxAttributes most attributes in one attribute list
 * @param maxVariables most variable definitions
 * @param maxVariableExpansion most characters all substitutions may produce
 * @since 0.1.0
 */
public record PlaylistLimits(long maxPlaylistBytes, int maxLineLength, int maxEntries, int maxAttributes,
        int maxVariables, long maxVariableExpansion) {
    public static final long DEFAULT_MAX_PLAYLIST_BYTES = 16L << 20;
    public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 20;
    public static final int DEFAULT_MAX_ENTRIES = 1_000_000;
    public static final int DEFAULT_MAX_ATTRIBUTES = 256;
    public static final int DEFAULT_MAX_VARIABLES = 10_000;
    public static final long DEFAULT_MAX_VARIABLE_EXPANSION = 16L << 20;

    private static final PlaylistLimits DEFAULTS = new PlaylistLimits(DEFAULT_MAX_PLAYLIST_BYTES, DEFAULT_MAX_LINE_LENGTH,
            DEFAULT_MAX_ENTRIES, DEFAULT_MAX_ATTRIBUTES, DEFAULT_MAX_VARIABLES, DEFAULT_MAX_VARIABLE_EXPANSION);

    public PlaylistLimits {
        if (maxPlaylistBytes < 1 || maxLineLength < 1 || maxEntries < 0 || maxAttributes < 1 || maxVariables < 0
                || maxVariableExpansion < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /**
     * The exception for a passed limit: {@code setting} is the component's name
     * ({@code "maxLineLength"}), {@code field} what was counted, prefixed with its line when known.
     */
    static LimitExceededException exceeded(String field, String setting, long limit, long actual, long offset) {
        return new LimitExceededException("hls", field, "PlaylistLimits." + setting + "()", limit, actual, offset);
    }

    /** The defaults in the table above. */
    public static PlaylistLimits defaults() {
        return DEFAULTS;
    }

    public PlaylistLimits withMaxPlaylistBytes(long v) {
        return new PlaylistLimits(v, maxLineLength, maxEntries, maxAttributes, maxVariables, maxVariableExpansion);
    }

    public PlaylistLimits withMaxLineLength(int v) {
        return new PlaylistLimits(maxPlaylistBytes, v, maxEntries, maxAttributes, maxVariables, maxVariableExpansion);
    }

    public PlaylistLimits withMaxEntries(int v) {
        return new PlaylistLimits(maxPlaylistBytes, maxLineLength, v, maxAttributes, maxVariables, maxVariableExpansion);
    }

    public PlaylistLimits withMaxAttributes(int v) {
        return new PlaylistLimits(maxPlaylistBytes, maxLineLength, maxEntries, v, maxVariables, maxVariableExpansion);
    }

    public PlaylistLimits withMaxVariables(int v) {
        return new PlaylistLimits(maxPlaylistBytes, maxLineLength, maxEntries, maxAttributes, v, maxVariableExpansion);
    }

    public PlaylistLimits withMaxVariableExpansion(long v) {
        return new PlaylistLimits(maxPlaylistBytes, maxLineLength, maxEntries, maxAttributes, maxVariables, v);
    }
}
