package io.streamwire.hls;

import java.util.ArrayList;
import java.util.List;

/**
 * A multivariant playlist (formerly "master playlist"), RFC 8216bis §4.4.6: variant streams,
 * alternative renditions, I-frame streams, session data and keys, content steering.
 *
 * <p>Equality is on {@link #lines()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class MultivariantPlaylist implements Playlist {
    private final List<PlaylistLine> lines;
    private final List<Variant> variants;

    MultivariantPlaylist(List<PlaylistLine> lines) {
        this.lines = lines;
        List<Variant> out = new ArrayList<>();
        StreamInf pending = null;
        for (PlaylistLine l : lines) {
            if (l instanceof StreamInf s && !s.iFrame()) {
                pending = s;
            } else if (l instanceof Uri u && pending != null) {
                out.add(new Variant(pending, u.value()));
                pending = null;
            }
        }
        variants = List.copyOf(out);
    }

    /** Builds a multivariant playlist from its lines (no validation; see {@link PlaylistValidator}). */
    public static MultivariantPlaylist of(List<PlaylistLine> lines) {
        return new MultivariantPlaylist(List.copyOf(lines));
    }

    @Override
    public List<PlaylistLine> lines() {
        return lines;
    }

    /** Variant streams (EXT-X-STREAM-INF + URI), in order. */
    public List<Variant> variants() {
        return variants;
    }

    /** EXT-X-I-FRAME-STREAM-INF tags, in order. */
    public List<StreamInf> iFrameStreams() {
        List<StreamInf> out = new ArrayList<>();
        for (PlaylistLine l : lines) {
            if (l instanceof StreamInf s && s.iFrame()) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** EXT-X-MEDIA renditions, in order. */
    public List<Media> renditions() {
        return Lines.all(lines, Media.class);
    }

    /** EXT-X-SESSION-DATA tags, in order. */
    public List<SessionData> sessionData() {
        return Lines.all(lines, SessionData.class);
    }

    /** EXT-X-SESSION-KEY tags, in order. */
    public List<Key> sessionKeys() {
        List<Key> out = new ArrayList<>();
        for (PlaylistLine l : lines) {
            if (l instanceof Key k && k.session()) {
                out.add(k);
            }
        }
        return List.copyOf(out);
    }

    /** EXT-X-CONTENT-STEERING, or null. */
    public ContentSteering contentSteering() {
        return Lines.first(lines, ContentSteering.class);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultivariantPlaylist other && lines.equals(other.lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode();
    }

    @Override
    public String toString() {
        return "MultivariantPlaylist[" + variants.size() + " variants, " + lines.size() + " lines]";
    }
}
