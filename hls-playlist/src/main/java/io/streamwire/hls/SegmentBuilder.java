package io.streamwire.hls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a media playlist's {@link MediaSegment}s line by line, tracking the state in effect for
 * each (RFC 8216bis §4.4.4, §6.2.2, §6.3.2): media and discontinuity sequence numbers, keys, map,
 * byte ranges, program date time, gap, bitrate and parts. The parser feeds it while the lines are
 * being read; {@link MediaPlaylist} feeds it the lines of a playlist built in code.
 *
 * <p>The sequence numbers start from the playlist's EXT-X-MEDIA-SEQUENCE and
 * EXT-X-DISCONTINUITY-SEQUENCE as known when the first URI line arrives ({@link #mediaSequenceBase},
 * {@link #discontinuitySequenceBase}); a playlist whose tags come later is rebuilt from its lines.
 *
 * <p>Not thread-safe.
 */
final class SegmentBuilder {
    private final List<PlaylistLine> lines;
    private final MediaPlaylist.Summary summary;
    private final List<MediaSegment> out;
    private final List<Part> pending = new ArrayList<>();
    private boolean started;
    private long mediaSequenceBase;
    private long discontinuitySequenceBase;
    private long msn;
    private long dsn;
    private boolean discontinuity;
    private List<Key> keys = List.of();
    private SegmentMap map;
    private Extinf extinf;
    private ByteRange range;
    private long nextRangeOffset;
    private String lastRangeUri;
    private String previousSegmentRangeUri;
    private Instant pdtBase;
    private long sincePdtMicros;
    private boolean pdtHere;
    private boolean gap;
    private long bitrate = -1;
    private int first;
    private int accepted;
    // the parser hands out one string per distinct duration: the last two and their microseconds
    private String memoText0;
    private String memoText1;
    private long memoMicros0;
    private long memoMicros1;

    /**
     * @param lines the list the lines are (or will be) in, for each segment's {@code lines} view
     * @param summary the playlist-wide tags, read when the first URI line arrives
     * @param expectedSegments a capacity hint
     */
    SegmentBuilder(List<PlaylistLine> lines, MediaPlaylist.Summary summary, int expectedSegments) {
        this.lines = lines;
        this.summary = summary;
        this.out = new ArrayList<>(Math.max(10, expectedSegments));
    }

    boolean started() {
        return started;
    }

    long mediaSequenceBase() {
        return mediaSequenceBase;
    }

    long discontinuitySequenceBase() {
        return discontinuitySequenceBase;
    }

    /** How many lines were fed. */
    int accepted() {
        return accepted;
    }

    /** The line at {@code index} of the lines. */
    void accept(PlaylistLine line, int index) {
        if (line instanceof Uri u) {
            uri(u, index);
            return;
        }
        accepted++;
        if (!started && isPlaylistTag(line.tagName())) {
            first = index + 1; // the playlist header is not part of the first segment's lines
        }
        if (line instanceof Extinf e) {
            extinf = e;
        } else if (line instanceof MarkerTag m) {
            if (m.tagName() == TagName.EXT_X_DISCONTINUITY) {
                discontinuity = true;
                dsn++;
            } else if (m.tagName() == TagName.EXT_X_GAP) {
                gap = true;
            }
        } else if (line instanceof ByteRange r) {
            range = r;
        } else if (line instanceof ProgramDateTime p) {
            Instant t = p.instant();
            if (t != null) {
                pdtBase = t;
                sincePdtMicros = 0;
                pdtHere = true;
            }
        } else if (line instanceof Key k && !k.session()) {
            keys = withKey(keys, k);
        } else if (line instanceof SegmentMap m) {
            map = m;
        } else if (line instanceof Part p) {
            pending.add(p);
        } else if (line instanceof IntegerTag t && t.tagName() == TagName.EXT_X_BITRATE) {
            bitrate = t.value();
        } else if (line instanceof Skip s) {
            long skipped = s.skippedSegments();
            if (skipped > 0) {
                msn += skipped;
            }
        }
    }

    /** An EXTINF line (what {@link #accept} does for it). */
    void extinf(Extinf e) {
        accepted++;
        extinf = e;
    }

    /** A URI line at {@code index}: ends a segment (what {@link #accept} does for it). */
    void uri(Uri u, int index) {
        accepted++;
        if (!started) {
            started = true;
            mediaSequenceBase = Math.max(0, summary.ms);
            discontinuitySequenceBase = Math.max(0, summary.ds);
            msn += mediaSequenceBase;
            dsn += discontinuitySequenceBase;
        }
        long micros = 0;
        if (extinf != null) {
            String d = extinf.duration();
            if (d == memoText0) {
                micros = memoMicros0;
            } else if (d == memoText1) {
                micros = memoMicros1;
            } else {
                micros = Decimals.parseMicros(d);
                memoText1 = memoText0;
                memoMicros1 = memoMicros0;
                memoText0 = d;
                memoMicros0 = micros;
            }
        }
        long rangeLength = -1;
        long rangeOffset = -1;
        if (range != null) {
            rangeLength = range.length();
            rangeOffset = range.hasOffset() ? range.offset() : (u.value().equals(lastRangeUri) ? nextRangeOffset : 0);
            nextRangeOffset = rangeOffset + rangeLength;
            lastRangeUri = u.value();
        }
        previousSegmentRangeUri = range == null ? null : u.value();
        Instant pdt = pdtBase == null ? null
                : sincePdtMicros == 0 ? pdtBase : pdtBase.plus(sincePdtMicros, java.time.temporal.ChronoUnit.MICROS);
        out.add(new MediaSegment(u.value(), extinf == null ? null : extinf.duration(), extinf == null ? "" : extinf.title(),
                micros, msn, dsn, discontinuity, keys, map, rangeLength, rangeOffset, pdt, pdtHere, gap, bitrate,
                pending.isEmpty() ? List.of() : List.copyOf(pending), lines.subList(first, index + 1)));
        msn++;
        sincePdtMicros = saturatedAdd(sincePdtMicros, micros);
        discontinuity = false;
        extinf = null;
        range = null;
        pdtHere = false;
        gap = false;
        pending.clear();
        first = index + 1;
    }

    List<MediaSegment> segments() {
        return List.copyOf(out);
    }

    /**
     * Whether {@code t} is a playlist-wide tag (basic tags §4.4.1, media or multivariant playlist tags
     * §4.4.2, media playlist tags §4.4.3, and EXT-X-SKIP, which stands for segments before the first):
     * such a tag before the first URI line belongs to the playlist header, not to the first segment.
     */
    static boolean isPlaylistTag(TagName t) {
        switch (t) {
            case EXTM3U, EXT_X_VERSION, EXT_X_DEFINE, EXT_X_INDEPENDENT_SEGMENTS, EXT_X_START,
                    EXT_X_TARGETDURATION, EXT_X_MEDIA_SEQUENCE, EXT_X_DISCONTINUITY_SEQUENCE, EXT_X_ENDLIST,
                    EXT_X_PLAYLIST_TYPE, EXT_X_I_FRAMES_ONLY, EXT_X_PART_INF, EXT_X_SERVER_CONTROL, EXT_X_SKIP:
                return true;
            default:
                return false;
        }
    }

    // The state in effect for the next segment, as the lines fed so far leave it (for the editor).

    /** The EXT-X-KEYs in effect. */
    List<Key> keys() {
        return keys;
    }

    /** The EXT-X-MAP in effect, or null. */
    SegmentMap map() {
        return map;
    }

    /** The EXT-X-BITRATE in effect, or -1. */
    long bitrate() {
        return bitrate;
    }

    /** The program date time the next segment gets without a tag of its own, or null. */
    Instant nextProgramDateTime() {
        return pdtBase == null ? null
                : sincePdtMicros == 0 ? pdtBase : pdtBase.plus(sincePdtMicros, java.time.temporal.ChronoUnit.MICROS);
    }

    /**
     * The offset an EXT-X-BYTERANGE without one gets on a segment at {@code uri}, or -1 when it may
     * not leave it out: §4.4.4.2 allows that only after a sub-range of the same resource.
     */
    long impliedRangeOffset(String uri) {
        return uri.equals(previousSegmentRangeUri) && uri.equals(lastRangeUri) ? nextRangeOffset : -1;
    }

    /** The key list after {@code k} (the parser's rule: NONE clears, a KEYFORMAT replaces its own). */
    static List<Key> afterKey(List<Key> keys, Key k) {
        return withKey(keys, k);
    }

    /** EXT-X-PART tags after the last URI line. */
    List<Part> trailingParts() {
        return List.copyOf(pending);
    }

    static long saturatedAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    private static List<Key> withKey(List<Key> keys, Key k) {
        if (k.isNone()) {
            return List.of();
        }
        List<Key> next = new ArrayList<>(keys.size() + 1);
        String format = k.keyFormat();
        for (Key old : keys) {
            if (!old.keyFormat().equals(format)) {
                next.add(old);
            }
        }
        next.add(k);
        return List.copyOf(next);
    }
}
