package io.streamwire.hls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A media playlist, RFC 8216bis §4.4.3: a list of media segments with the state in effect for each
 * (see {@link MediaSegment}), plus the playlist-wide tags and the LL-HLS tags (parts, preload hints,
 * rendition reports, skip).
 *
 * <p>Equality is on {@link #lines()}; the views are derived from them once, when constructed.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class MediaPlaylist implements Playlist {
    private final List<PlaylistLine> lines;
    private final List<MediaSegment> segments;
    private final List<Part> trailingParts;
    private final long targetDuration;
    private final long mediaSequence;
    private final long discontinuitySequence;
    private final long version;
    private final PlaylistType playlistType;
    private final PartInf partInf;
    private final ServerControl serverControl;
    private final Skip skip;
    private final boolean endList;
    private final boolean iFramesOnly;
    private final boolean independentSegments;

    /** The playlist-wide tags, gathered line by line (first occurrence wins). Not thread-safe. */
    static final class Summary {
        long td = -1;
        long ms = -1;
        long ds = -1;
        long version = -1;
        PlaylistType type;
        PartInf partInf;
        ServerControl serverControl;
        Skip skip;
        boolean endList;
        boolean iFramesOnly;
        boolean independent;

        void accept(PlaylistLine line) {
            if (line instanceof Uri || line instanceof Extinf) {
                return;
            }
            if (line instanceof IntegerTag t) {
                switch (t.tagName()) {
                    case EXT_X_TARGETDURATION: td = td < 0 ? t.value() : td; break;
                    case EXT_X_MEDIA_SEQUENCE: ms = ms < 0 ? t.value() : ms; break;
                    case EXT_X_DISCONTINUITY_SEQUENCE: ds = ds < 0 ? t.value() : ds; break;
                    case EXT_X_VERSION: version = version < 0 ? t.value() : version; break;
                    default: break;
                }
            } else if (line instanceof MarkerTag m) {
                endList |= m.tagName() == TagName.EXT_X_ENDLIST;
                iFramesOnly |= m.tagName() == TagName.EXT_X_I_FRAMES_ONLY;
                independent |= m.tagName() == TagName.EXT_X_INDEPENDENT_SEGMENTS;
            } else if (line instanceof PlaylistType t) {
                type = type == null ? t : type;
            } else if (line instanceof PartInf p) {
                partInf = partInf == null ? p : partInf;
            } else if (line instanceof ServerControl c) {
                serverControl = serverControl == null ? c : serverControl;
            } else if (line instanceof Skip k) {
                skip = skip == null ? k : skip;
            }
        }
    }

    private static Summary summarize(List<PlaylistLine> lines) {
        Summary summary = new Summary();
        for (int i = 0, n = lines.size(); i < n; i++) {
            summary.accept(lines.get(i));
        }
        return summary;
    }

    MediaPlaylist(List<PlaylistLine> lines) {
        this(lines, summarize(lines));
    }

    /** {@code summary} must have accepted exactly {@code lines}, in order. */
    MediaPlaylist(List<PlaylistLine> lines, Summary summary) {
        this.lines = lines;
        long td = summary.td;
        long ms = summary.ms;
        long ds = summary.ds;
        long version = summary.version;
        PlaylistType type = summary.type;
        PartInf partInf = summary.partInf;
        ServerControl serverControl = summary.serverControl;
        Skip skipTag = summary.skip;
        boolean endList = summary.endList;
        boolean iFramesOnly = summary.iFramesOnly;
        boolean independent = summary.independent;
        targetDuration = td;
        mediaSequence = Math.max(0, ms);
        discontinuitySequence = Math.max(0, ds);
        this.version = version;
        this.playlistType = type;
        this.partInf = partInf;
        this.serverControl = serverControl;
        this.skip = skipTag;
        this.endList = endList;
        this.iFramesOnly = iFramesOnly;
        this.independentSegments = independent;
        List<MediaSegment> out = new ArrayList<>(lines.size() / 2 + 1);
        List<Part> pending = new ArrayList<>();
        long msn = mediaSequence;
        long dsn = discontinuitySequence;
        boolean discontinuity = false;
        List<Key> keys = List.of();
        SegmentMap map = null;
        Extinf extinf = null;
        ByteRange range = null;
        long nextRangeOffset = 0;
        String lastRangeUri = null;
        Instant pdtBase = null;
        long sincePdtMicros = 0;
        boolean pdtHere = false;
        boolean gap = false;
        long bitrate = -1;
        int first = 0;
        String memoText0 = null;
        String memoText1 = null;
        long memoMicros0 = 0;
        long memoMicros1 = 0;
        int n = lines.size();
        for (int i = 0; i < n; i++) {
            PlaylistLine line = lines.get(i);
            if (line instanceof Uri u) {
                long micros = 0;
                if (extinf != null) {
                    // the parser hands out one string per distinct duration: remember the last two
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
                Instant pdt = pdtBase == null ? null : sincePdtMicros == 0 ? pdtBase : pdtBase.plus(sincePdtMicros, java.time.temporal.ChronoUnit.MICROS);
                out.add(new MediaSegment(u.value(), extinf == null ? null : extinf.duration(), extinf == null ? "" : extinf.title(),
                        micros, msn, dsn, discontinuity, keys, map, rangeLength, rangeOffset, pdt, pdtHere, gap, bitrate,
                        pending.isEmpty() ? List.of() : List.copyOf(pending), lines.subList(first, i + 1)));
                msn++;
                sincePdtMicros = saturatedAdd(sincePdtMicros, micros);
                discontinuity = false;
                extinf = null;
                range = null;
                pdtHere = false;
                gap = false;
                pending.clear();
                first = i + 1;
            } else if (line instanceof Extinf e) {
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
        segments = List.copyOf(out);
        trailingParts = List.copyOf(pending);
    }

    private static long saturatedAdd(long a, long b) {
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

    /** Builds a media playlist from its lines (no validation; see {@link PlaylistValidator}). */
    public static MediaPlaylist of(List<PlaylistLine> lines) {
        return new MediaPlaylist(List.copyOf(lines));
    }

    @Override
    public List<PlaylistLine> lines() {
        return lines;
    }

    /** The media segments, in order. */
    public List<MediaSegment> segments() {
        return segments;
    }

    /** EXT-X-PART tags after the last segment's URI: the parts of the segment still being produced. */
    public List<Part> trailingParts() {
        return trailingParts;
    }

    /** EXT-X-TARGETDURATION, or -1 when absent. */
    public long targetDuration() {
        return targetDuration;
    }

    /** EXT-X-MEDIA-SEQUENCE, 0 when absent (§4.4.3.2). */
    public long mediaSequence() {
        return mediaSequence;
    }

    /** EXT-X-DISCONTINUITY-SEQUENCE, 0 when absent (§4.4.3.3). */
    public long discontinuitySequence() {
        return discontinuitySequence;
    }

    /** EXT-X-PLAYLIST-TYPE, or null. */
    public PlaylistType playlistType() {
        return playlistType;
    }

    /** Whether EXT-X-ENDLIST is present. */
    public boolean endList() {
        return endList;
    }

    /** Whether EXT-X-I-FRAMES-ONLY is present. */
    public boolean iFramesOnly() {
        return iFramesOnly;
    }

    /** EXT-X-PART-INF, or null. */
    public PartInf partInf() {
        return partInf;
    }

    /** EXT-X-SERVER-CONTROL, or null. */
    public ServerControl serverControl() {
        return serverControl;
    }

    /** EXT-X-SKIP, or null. */
    public Skip skip() {
        return skip;
    }

    @Override
    public int version() {
        return version < 0 ? 1 : (int) Math.min(Integer.MAX_VALUE, version);
    }

    @Override
    public boolean hasVersionTag() {
        return version >= 0;
    }

    @Override
    public boolean independentSegments() {
        return independentSegments;
    }

    /** EXT-X-DATERANGE tags, in order. */
    public List<DateRange> dateRanges() {
        return Lines.all(lines, DateRange.class);
    }

    /** EXT-X-PRELOAD-HINT tags, in order. */
    public List<PreloadHint> preloadHints() {
        return Lines.all(lines, PreloadHint.class);
    }

    /** EXT-X-RENDITION-REPORT tags, in order. */
    public List<RenditionReport> renditionReports() {
        return Lines.all(lines, RenditionReport.class);
    }

    /** Sum of the segment durations in microseconds. */
    public long durationMicros() {
        long sum = 0;
        for (MediaSegment s : segments) {
            sum = saturatedAdd(sum, s.durationMicros());
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MediaPlaylist other && lines.equals(other.lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode();
    }

    @Override
    public String toString() {
        return "MediaPlaylist[" + segments.size() + " segments, " + lines.size() + " lines]";
    }
}
