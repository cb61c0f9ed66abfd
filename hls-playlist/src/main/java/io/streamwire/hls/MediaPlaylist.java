package io.streamwire.hls;

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
        this(lines, summary, null);
    }

    /**
     * {@code summary} must have accepted exactly {@code lines}, in order; {@code built}, when not
     * null, was fed them in order and given {@code lines} as its list.
     */
    MediaPlaylist(List<PlaylistLine> lines, Summary summary, SegmentBuilder built) {
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
        SegmentBuilder b = built;
        if (b == null || b.accepted() != lines.size()
                || b.started() && (b.mediaSequenceBase() != mediaSequence || b.discontinuitySequenceBase() != discontinuitySequence)) {
            // built in code, or a sequence tag after the first segment: (re)build from the lines
            b = new SegmentBuilder(lines, summary, lines.size() / 2);
            for (int i = 0, n = lines.size(); i < n; i++) {
                b.accept(lines.get(i), i);
            }
        }
        segments = b.segments();
        trailingParts = b.trailingParts();
    }

    /** Builds a media playlist from its lines (no validation; see {@link PlaylistValidator}). */
    public static MediaPlaylist of(List<PlaylistLine> lines) {
        return new MediaPlaylist(List.copyOf(lines));
    }

    @Override
    public List<PlaylistLine> lines() {
        return lines;
    }

    /**
     * An editor that removes, inserts and replaces segments of a copy of this playlist, keeping the
     * state in effect for every other segment (keys, map, program date time, byte ranges,
     * discontinuities); {@link MediaPlaylistEditor#build()} gives the edited playlist.
     *
     * @since 0.2.0
     */
    public MediaPlaylistEditor edit() {
        return new MediaPlaylistEditor(this);
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
            sum = SegmentBuilder.saturatedAdd(sum, s.durationMicros());
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
