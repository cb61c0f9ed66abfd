package io.streamwire.hls;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes playlists in canonical form: UTF-8 without byte order mark, {@code \n} after every line,
 * blank lines left out, each tag as {@code #NAME} or {@code #NAME:value}, EXTINF as
 * {@code #EXTINF:<duration>,<title>}, attribute lists as {@code NAME=VALUE} joined by commas with
 * quoted-strings in double quotes (so the BYTERANGE of EXT-X-PART and EXT-X-MAP stays quoted),
 * numbers as given or, when built from a {@code double}, in the shortest decimal that reads back
 * the same. Writing what the parser read from a canonical playlist gives the same bytes; any other
 * playlist comes back semantically identical.
 *
 * <p>{@link #minimumVersion(Playlist)} computes the lowest EXT-X-VERSION the features need (§8) and
 * {@link #withMinimumVersion(Playlist)} sets it.
 *
 * <p>Thread-safe (stateless).
 *
 * @since 0.1.0
 */
public final class PlaylistWriter {
    private PlaylistWriter() {}

    /** The canonical text. */
    public static String write(Playlist playlist) {
        StringBuilder out = new StringBuilder(estimate(playlist));
        writeTo(playlist, out);
        return out.toString();
    }

    /** Appends the canonical text to {@code out}. */
    public static void writeTo(Playlist playlist, StringBuilder out) {
        List<PlaylistLine> lines = playlist.lines();
        for (int i = 0, n = lines.size(); i < n; i++) {
            PlaylistLine line = lines.get(i);
            // the two lines of every segment first: keeps the hot loop off the megamorphic appendTo call
            if (line instanceof Uri u) {
                out.append(u.value());
            } else if (line instanceof Extinf e) {
                out.append("#EXTINF:").append(e.duration()).append(',').append(e.title());
            } else {
                line.appendTo(out);
            }
            out.append('\n');
        }
    }

    /** The canonical text as UTF-8 bytes. */
    public static byte[] toBytes(Playlist playlist) {
        return write(playlist).getBytes(StandardCharsets.UTF_8);
    }

    private static int estimate(Playlist playlist) {
        return (int) Math.min(Integer.MAX_VALUE - 16, 64L + 96L * playlist.lines().size());
    }

    /** The lowest EXT-X-VERSION the playlist's features need, RFC 8216bis §8. */
    public static int minimumVersion(Playlist playlist) {
        return Versions.minimumVersion(playlist);
    }

    /**
     * The playlist with EXT-X-VERSION set to {@link #minimumVersion}: the tag is replaced in place,
     * or inserted after EXTM3U; for version 1 an absent tag stays absent.
     */
    public static Playlist withMinimumVersion(Playlist playlist) {
        int v = minimumVersion(playlist);
        List<PlaylistLine> lines = new ArrayList<>(playlist.lines());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) instanceof IntegerTag t && t.tagName() == TagName.EXT_X_VERSION) {
                lines.set(i, IntegerTag.version(v));
                return Playlist.of(lines);
            }
        }
        if (v > 1) {
            int at = !lines.isEmpty() && MarkerTag.EXTM3U.equals(lines.get(0)) ? 1 : 0;
            lines.add(at, IntegerTag.version(v));
        }
        return Playlist.of(lines);
    }
}
