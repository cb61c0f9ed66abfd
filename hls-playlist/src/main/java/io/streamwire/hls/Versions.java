package io.streamwire.hls;

import java.util.List;

/**
 * The lowest EXT-X-VERSION a playlist's features need, RFC 8216bis §8 (RFC 8216 §7).
 *
 * <p>Immutable and thread-safe.
 */
final class Versions {
    private Versions() {}

    /** Each feature and the version it needs; the highest wins. */
    static int minimumVersion(Playlist playlist) {
        return minimumVersion(playlist, null);
    }

    /** {@code kinds}: each line's kind as the parser saw it (see {@link PlaylistValidator.Positions}), or null. */
    static int minimumVersion(Playlist playlist, byte[] kinds) {
        List<PlaylistLine> lines = playlist.lines();
        boolean iFramesOnly = playlist instanceof MediaPlaylist m && m.iFramesOnly();
        int v = 1;
        for (int i = 0, n = lines.size(); i < n; i++) {
            if (kinds != null && (kinds[i] == PlaylistValidator.KIND_URI || kinds[i] == PlaylistValidator.KIND_EXTINF && v >= 3)) {
                continue; // a URI line needs nothing; an EXTINF line at most version 3
            }
            PlaylistLine l = lines.get(i);
            if (l instanceof Uri) {
                continue;
            }
            if (l instanceof Extinf e) {
                if (v < 3 && e.isFractional()) {
                    v = 3;
                }
                continue; // not an attribute-list tag
            } else if (l instanceof ByteRange) {
                v = Math.max(v, 4);
            } else if (l instanceof MarkerTag m && m.tagName() == TagName.EXT_X_I_FRAMES_ONLY) {
                v = Math.max(v, 4);
            } else if (l instanceof Key k && !k.session()) {
                AttributeList a = k.attributes();
                if (a.has("IV")) {
                    v = Math.max(v, 2);
                }
                if (a.has("KEYFORMAT") || a.has("KEYFORMATVERSIONS") || "SAMPLE-AES".equals(k.method())) {
                    v = Math.max(v, 5);
                }
            } else if (l instanceof SegmentMap) {
                v = Math.max(v, iFramesOnly ? 5 : 6);
            } else if (l instanceof Media m) {
                String id = m.instreamId();
                if (id != null && id.startsWith("SERVICE")) {
                    v = Math.max(v, 7);
                }
            } else if (l instanceof Define d) {
                v = Math.max(v, d.queryParam() != null ? 11 : 8);
            } else if (l instanceof Skip s) {
                v = Math.max(v, s.attributes().has("RECENTLY-REMOVED-DATERANGES") ? 10 : 9);
            }
            TagName name = l.tagName();
            if (v < 12 && name != null && name.form() == TagName.Form.ATTRIBUTES && name != TagName.UNKNOWN) {
                AttributeList attributes = ((AttributeTag) l).attributes();
                for (int k = 0; k < attributes.size(); k++) {
                    if (attributes.get(k).name().startsWith("REQ-")) {
                        v = 12;
                    }
                }
            }
        }
        return v;
    }
}
