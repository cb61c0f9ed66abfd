package io.streamwire.examples.origin;

import io.streamwire.hls.BlockingReload;
import io.streamwire.hls.Extinf;
import io.streamwire.hls.IntegerTag;
import io.streamwire.hls.MarkerTag;
import io.streamwire.hls.MediaPlaylist;
import io.streamwire.hls.Part;
import io.streamwire.hls.PlaylistLine;
import io.streamwire.hls.SegmentMap;
import io.streamwire.hls.TagName;
import io.streamwire.hls.Uri;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Adds EXT-X-MAP (RFC 8216bis-16 §4.4.4.5) to the playlists that {@code LivePlaylistBuilder} renders,
 * for a rendition whose media initialization section changes (a new init segment after a codec
 * change or a republish): before the first segment or part of the window (or the first one after
 * EXT-X-SKIP in a delta update) and before the first segment or part of each new init segment, so
 * every segment and part has the right map even after the segment that introduced it left the window.
 * EXT-X-VERSION is raised to 6 when needed (§7: EXT-X-MAP in a playlist without EXT-X-I-FRAMES-ONLY).
 *
 * <p>The builder writes a pending EXT-X-DISCONTINUITY only with its segment's EXTINF; the parts of
 * that segment, listed before it is complete, get it here, so a player that loads those parts knows
 * the timestamps and the init segment change there (§4.4.2.3).
 *
 * @implNote The builder keeps one EXT-X-MAP for the whole playlist; per-segment maps would belong in
 *     it. Segments and parts are matched to their media sequence number by their URIs
 *     ({@code <key>/<msn>.m4s}, {@code <key>/<msn>.<part>.m4s}).
 *
 * <p>Thread-safe (stateless).
 */
final class CmafPlaylist {
    private static final int MAP_VERSION = 6;

    private CmafPlaylist() {}

    /** The media sequence number in a segment or part URI of this packager, or -1. */
    static long msnOf(String uri) {
        int slash = uri.lastIndexOf('/');
        int dot = uri.indexOf('.', slash + 1);
        if (dot < 0) {
            return -1;
        }
        try {
            return Long.parseLong(uri.substring(slash + 1, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * {@code playlist} with the maps added.
     *
     * @param initUri the init segment URI of a media sequence number (null: none known)
     * @param openMsn the media sequence number of the segment in progress
     * @param openDiscontinuity whether the segment in progress starts with EXT-X-DISCONTINUITY
     */
    static MediaPlaylist withMaps(MediaPlaylist playlist, LongFunction<String> initUri, long openMsn,
            boolean openDiscontinuity) {
        List<PlaylistLine> in = playlist.lines();
        List<PlaylistLine> out = new ArrayList<>(in.size() + 4);
        String current = null;
        boolean added = false;
        for (int i = 0; i < in.size(); i++) {
            PlaylistLine line = in.get(i);
            long msn = -1;
            boolean pending = false;
            if (line instanceof Part p) {
                msn = msnOf(p.uri());
                pending = msn == openMsn;
            } else if (line instanceof Extinf && i + 1 < in.size() && in.get(i + 1) instanceof Uri u) {
                msn = msnOf(u.value());
            }
            if (msn >= 0) {
                String uri = initUri.apply(msn);
                boolean firstPending = pending && (out.isEmpty() || !(out.get(out.size() - 1) instanceof Part prev)
                        || msnOf(prev.uri()) != openMsn);
                if (firstPending && openDiscontinuity) {
                    out.add(MarkerTag.DISCONTINUITY);
                }
                if (uri != null && !uri.equals(current)) {
                    out.add(SegmentMap.of(uri));
                    current = uri;
                    added = true;
                }
            }
            out.add(line);
        }
        if (added && playlist.version() < MAP_VERSION) {
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i) instanceof IntegerTag t && t.tagName() == TagName.EXT_X_VERSION) {
                    out.set(i, IntegerTag.version(MAP_VERSION));
                }
            }
        }
        return MediaPlaylist.of(out);
    }

    /** {@code answer} with the maps added to its playlist. */
    static BlockingReload.Answer withMaps(BlockingReload.Answer answer, LongFunction<String> initUri, long openMsn,
            boolean openDiscontinuity) {
        if (answer.playlist() == null) {
            return answer;
        }
        return new BlockingReload.Answer(answer.status(), withMaps(answer.playlist(), initUri, openMsn, openDiscontinuity));
    }
}
