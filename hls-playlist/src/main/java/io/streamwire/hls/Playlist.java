package io.streamwire.hls;

import java.util.List;

/**
 * A playlist, RFC 8216bis §4: either a {@link MediaPlaylist} or a {@link MultivariantPlaylist}. The
 * parser decides which from the tags (§4.1: a playlist is one or the other).
 *
 * <p>The lines are the source of truth (tags, comments and URIs in order, unknown tags included);
 * the typed views are derived from them. Two playlists are equal when their lines are.
 *
 * <pre>{@code
 * Playlist p = Playlist.parse(text); // strict
 * if (p instanceof MediaPlaylist media) { ... media.segments() ... }
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public sealed interface Playlist permits MediaPlaylist, MultivariantPlaylist {

    /** Every line, in order; blank lines are not kept. */
    List<PlaylistLine> lines();

    /** EXT-X-VERSION, or 1 when absent (§4.4.1.2: absent means 1). */
    default int version() {
        for (PlaylistLine l : lines()) {
            if (l instanceof IntegerTag t && t.tagName() == TagName.EXT_X_VERSION) {
                return (int) Math.min(Integer.MAX_VALUE, t.value());
            }
        }
        return 1;
    }

    /** Whether EXT-X-VERSION is present. */
    default boolean hasVersionTag() {
        for (PlaylistLine l : lines()) {
            if (l instanceof IntegerTag t && t.tagName() == TagName.EXT_X_VERSION) {
                return true;
            }
        }
        return false;
    }

    /** The EXT-X-DEFINE tags, in order. */
    default List<Define> defines() {
        return Lines.all(lines(), Define.class);
    }

    /** EXT-X-START, or null. */
    default Start start() {
        return Lines.first(lines(), Start.class);
    }

    /** Whether EXT-X-INDEPENDENT-SEGMENTS is present. */
    default boolean independentSegments() {
        return lines().contains(MarkerTag.INDEPENDENT_SEGMENTS);
    }

    /** Canonical text (see {@link PlaylistWriter}). */
    default String write() {
        return PlaylistWriter.write(this);
    }

    /** Parses {@code text} strictly. */
    static Playlist parse(CharSequence text) {
        return PlaylistParser.strict().parse(text).playlist();
    }

    /**
     * The playlist holding {@code lines}: a media playlist unless they hold a multivariant-only tag
     * (EXT-X-STREAM-INF, EXT-X-MEDIA, ...) and no media-only tag.
     */
    static Playlist of(List<PlaylistLine> lines) {
        List<PlaylistLine> copy = List.copyOf(lines);
        return Lines.isMultivariant(copy) ? new MultivariantPlaylist(copy) : new MediaPlaylist(copy);
    }
}
