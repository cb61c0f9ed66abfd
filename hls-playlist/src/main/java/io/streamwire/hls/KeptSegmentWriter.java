package io.streamwire.hls;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a segment kept by {@link MediaPlaylistEditor} so that it gets the state it had: the tags
 * that bring the state in effect back to what it was before the segment (RFC 8216bis §4.4.4), then
 * the segment's own lines, with an implicit EXT-X-BYTERANGE offset made explicit when it would move.
 *
 * <p>Stateless; thread-safe.
 */
final class KeptSegmentWriter {
    private KeptSegmentWriter() {}

    /** The segment's lines, preceded by what brings the state to the one it had and with its own tags fixed. */
    static void write(List<PlaylistLine> out, SegmentBuilder state, MediaPlaylistEditor.Kept k, int index) {
        MediaSegment s = k.segment();
        List<PlaylistLine> own = s.lines();
        boolean ownDiscontinuity = false;
        boolean ownMap = false;
        boolean ownBitrate = false;
        boolean ownDate = false;
        List<Key> keys = state.keys();
        ByteRange lastRange = null;
        for (PlaylistLine l : own) {
            if (l instanceof MarkerTag m && m.tagName() == TagName.EXT_X_DISCONTINUITY) {
                ownDiscontinuity = true;
            } else if (l instanceof SegmentMap) {
                ownMap = true;
            } else if (l instanceof IntegerTag t && t.tagName() == TagName.EXT_X_BITRATE) {
                ownBitrate = true;
            } else if (l instanceof ProgramDateTime p && p.instant() != null) {
                ownDate = true;
            } else if (l instanceof Key key && !key.session()) {
                keys = SegmentBuilder.afterKey(keys, key);
            } else if (l instanceof ByteRange r) {
                lastRange = r;
            }
        }
        if (k.discontinuity() && !ownDiscontinuity) {
            emit(out, state, MarkerTag.DISCONTINUITY);
        }
        if (!keys.equals(s.keys())) {
            for (Key key : keysFrom(state.keys(), k.keysBefore())) {
                emit(out, state, key);
            }
        }
        if (!ownMap && !Objects.equals(state.map(), s.map())) {
            if (s.map() == null) {
                throw inexpressible(index, s, "has no EXT-X-MAP but follows one");
            }
            emit(out, state, s.map());
        }
        if (!ownBitrate && state.bitrate() != s.bitrate()) {
            if (s.bitrate() < 0) {
                throw inexpressible(index, s, "has no EXT-X-BITRATE but follows one");
            }
            emit(out, state, new IntegerTag(TagName.EXT_X_BITRATE, s.bitrate()));
        }
        if (!ownDate && !Objects.equals(state.nextProgramDateTime(), s.programDateTime())) {
            if (s.programDateTime() == null) {
                throw inexpressible(index, s, "has no program date time but follows one");
            }
            emit(out, state, dateTag(s.programDateTime()));
        }
        boolean fixRange = lastRange != null && !lastRange.hasOffset()
                && state.impliedRangeOffset(s.uri()) != s.byteRangeOffset(); // -1: not allowed here any more
        for (PlaylistLine l : own) {
            if (l instanceof MarkerTag m && m.tagName() == TagName.EXT_X_DISCONTINUITY && !k.discontinuity()) {
                continue;
            }
            if (fixRange && l == lastRange) {
                l = new ByteRange(s.byteRangeLength(), s.byteRangeOffset());
            }
            emit(out, state, l);
        }
    }

    /** EXT-X-KEY lines that turn {@code from} into {@code to} under the parser's rule. */
    private static List<Key> keysFrom(List<Key> from, List<Key> to) {
        List<Key> step = new ArrayList<>();
        List<Key> now = from;
        for (Key k : to) {
            if (!now.contains(k)) {
                step.add(k);
                now = SegmentBuilder.afterKey(now, k);
            }
        }
        if (now.equals(to)) {
            return step;
        }
        List<Key> reset = new ArrayList<>(to.size() + 1);
        reset.add(Key.of("NONE", null));
        reset.addAll(to);
        return reset;
    }

    /** A date tag with the instant's full precision (an extrapolated date may have microseconds). */
    private static ProgramDateTime dateTag(Instant instant) {
        return new ProgramDateTime(DateTimeFormatter.ISO_INSTANT.format(instant));
    }

    static void emit(List<PlaylistLine> out, SegmentBuilder state, PlaylistLine line) {
        out.add(line);
        state.accept(line, out.size() - 1);
    }

    private static IllegalArgumentException inexpressible(int index, MediaSegment s, String what) {
        return new IllegalArgumentException("segment " + index + " (" + s.uri() + ") " + what
                + ": no HLS tag can end it (RFC 8216bis §4.4.4); move or remove it");
    }
}
