package io.streamwire.hls;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the media playlist of a live rendition as an origin produces segments and parts
 * (RFC 8216bis §6.2): a sliding window whose EXT-X-MEDIA-SEQUENCE and EXT-X-DISCONTINUITY-SEQUENCE
 * follow the segments that leave it (§6.2.2), a fixed EXT-X-TARGETDURATION that every segment must
 * respect (§4.4.3.1, §6.2.1), program date times, EXT-X-ENDLIST on {@link #finish()}, and the
 * Low-Latency HLS tags: EXT-X-PART-INF, EXT-X-SERVER-CONTROL, EXT-X-PART for the last three target
 * durations (§6.2.2), EXT-X-PRELOAD-HINT, EXT-X-RENDITION-REPORT and playlist delta updates with
 * EXT-X-SKIP (§6.2.5.1). {@link #reload(BlockingReload)} answers blocking playlist reload requests
 * (§6.2.5.2).
 *
 * <p>Cost: adding a segment or part is O(1) amortised; rendering is O(window), never O(history):
 * segments that leave the window are dropped.
 *
 * <pre>{@code
 * LivePlaylistBuilder live = LivePlaylistBuilder.builder(4).window(6).partTarget(1.0).build();
 * live.addPart("s0.p0.mp4", 1.0, true);
 * live.addSegment("s0.mp4", 4.0);
 * String text = live.playlist().write();
 * }</pre>
 *
 * <p>Not thread-safe: keep it on one thread, or guard it with a lock shared with the request handlers.
 *
 * @since 0.1.0
 */
public final class LivePlaylistBuilder {
    private record Entry(String uri, String duration, long durationMicros, boolean discontinuity, Instant pdt,
            boolean pdtExplicit, List<PlaylistTag> tagsBefore, List<Part> parts, List<DateRange> dateRanges) {}

    private final long targetDuration;
    private final int window;
    private final double partTarget;
    private final double canSkipUntil;
    private final boolean canSkipDateranges;
    private final boolean event;
    private final SegmentMap map;
    private final double longPartTolerance;
    private final ArrayDeque<Entry> segments = new ArrayDeque<>();
    private final List<Part> pendingParts = new ArrayList<>();
    private final List<Double> pendingPartSeconds = new ArrayList<>();
    private final List<PlaylistTag> pendingTags = new ArrayList<>();
    private final List<DateRange> pendingDateRanges = new ArrayList<>();
    private final ArrayDeque<String> removedDateRanges = new ArrayDeque<>();
    private final Map<String, RenditionReport> reports = new LinkedHashMap<>();
    private long mediaSequence;
    private long discontinuitySequence;
    private boolean pendingDiscontinuity;
    private Instant pendingPdt;
    private String preloadHint;
    private boolean finished;
    private Key currentKey;
    private Instant lastPdt;
    private long lastMicros;

    private LivePlaylistBuilder(Options o) {
        targetDuration = o.targetDuration;
        window = o.window;
        partTarget = o.partTarget;
        canSkipUntil = o.canSkipUntil;
        canSkipDateranges = o.canSkipDateranges;
        event = o.event;
        map = o.map;
        longPartTolerance = o.longPartTolerance;
        mediaSequence = o.firstMediaSequence;
        discontinuitySequence = o.firstDiscontinuitySequence;
    }

    /** Options for a rendition whose segments last at most {@code targetDurationSeconds} (rounded). */
    public static Options builder(long targetDurationSeconds) {
        return new Options(targetDurationSeconds);
    }

    /**
     * Settings of a {@link LivePlaylistBuilder}. Not thread-safe.
     */
    public static final class Options {
        private final long targetDuration;
        private int window = 0;
        private double partTarget = 0;
        private double canSkipUntil = 0;
        private boolean canSkipDateranges;
        private boolean event;
        private SegmentMap map;
        private long firstMediaSequence;
        private long firstDiscontinuitySequence;
        private double longPartTolerance = -1;

        private Options(long targetDuration) {
            if (targetDuration < 1) {
                throw new IllegalArgumentException("target duration " + targetDuration + " < 1");
            }
            this.targetDuration = targetDuration;
        }

        /** Keep at most {@code segments} segments (0: keep all, an EVENT-style playlist). */
        public Options window(int segments) {
            if (segments < 0) {
                throw new IllegalArgumentException("window " + segments);
            }
            this.window = segments;
            return this;
        }

        /** Enable LL-HLS with this part target duration in seconds (EXT-X-PART-INF). */
        public Options partTarget(double seconds) {
            if (!(seconds > 0)) {
                throw new IllegalArgumentException("part target " + seconds);
            }
            this.partTarget = seconds;
            return this;
        }

        /** Offer delta updates: CAN-SKIP-UNTIL in seconds (at least 6 × target duration, §4.4.3.8). */
        public Options canSkipUntil(double seconds, boolean skipDateranges) {
            if (seconds < 6 * targetDuration) {
                throw new IllegalArgumentException("CAN-SKIP-UNTIL " + seconds + " < 6 × target duration " + targetDuration);
            }
            this.canSkipUntil = seconds;
            this.canSkipDateranges = skipDateranges;
            return this;
        }

        /** Write EXT-X-PLAYLIST-TYPE:EVENT (only with an unbounded window). */
        public Options event() {
            this.event = true;
            return this;
        }

        /** The media initialization section (EXT-X-MAP) of every segment. */
        public Options map(String uri) {
            this.map = SegmentMap.of(uri);
            return this;
        }

        /** Start numbering at this media sequence and discontinuity sequence (after a restart). */
        public Options startAt(long mediaSequence, long discontinuitySequence) {
            Checks.nonNegative(mediaSequence, "media sequence");
            Checks.nonNegative(discontinuitySequence, "discontinuity sequence");
            this.firstMediaSequence = mediaSequence;
            this.firstDiscontinuitySequence = discontinuitySequence;
            return this;
        }

        /**
         * Accept parts up to {@code toleranceSeconds} longer than PART-TARGET and advertise them with
         * DURATION clamped to PART-TARGET.
         *
         * <p>RFC 8216bis §4.4.4.9 says the duration of a Partial Segment MUST be less than or equal to the
         * Part Target Duration, and §4.4.3.7 fixes PART-TARGET for the whole playlist, so raising it on the
         * fly is not an option once clients have loaded the playlist. Real encoders cut parts at frame
         * boundaries and produce parts slightly longer than the target (one frame more, timestamp
         * rounding). With this policy such a part is still written with {@code DURATION=<PART-TARGET>}
         * (so every rendered playlist passes the strict validator), while {@link #partDurations()} keeps
         * the real durations for the caller's timing, and segment durations (EXTINF) stay the real ones
         * passed to {@link #addSegment}. Parts longer than PART-TARGET + tolerance are still rejected.
         * Without this option (the default) every part longer than PART-TARGET is rejected.
         *
         * @param toleranceSeconds how much longer than PART-TARGET a part may be, {@code >= 0}
         * @since 0.1.0
         */
        public Options clampLongParts(double toleranceSeconds) {
            if (!(toleranceSeconds >= 0) || Double.isInfinite(toleranceSeconds)) {
                throw new IllegalArgumentException("tolerance " + toleranceSeconds);
            }
            this.longPartTolerance = toleranceSeconds;
            return this;
        }

        /** The builder. */
        public LivePlaylistBuilder build() {
            if (event && window != 0) {
                throw new IllegalArgumentException("an EVENT playlist keeps every segment: window must be 0");
            }
            return new LivePlaylistBuilder(this);
        }
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("playlist is finished (EXT-X-ENDLIST)");
        }
    }

    /** Marks the next segment with EXT-X-DISCONTINUITY. */
    public LivePlaylistBuilder discontinuity() {
        requireOpen();
        pendingDiscontinuity = true;
        return this;
    }

    /** Gives the next segment an EXT-X-PROGRAM-DATE-TIME; later ones are extrapolated by clients. */
    public LivePlaylistBuilder programDateTime(Instant at) {
        requireOpen();
        pendingPdt = Objects.requireNonNull(at, "at");
        return this;
    }

    /** Applies {@code key} from the next segment on (EXT-X-KEY). */
    public LivePlaylistBuilder key(Key key) {
        requireOpen();
        currentKey = key;
        pendingTags.add(key);
        return this;
    }

    /** Attaches an EXT-X-DATERANGE before the next segment; it leaves with that segment. */
    public LivePlaylistBuilder dateRange(DateRange range) {
        requireOpen();
        pendingDateRanges.add(Objects.requireNonNull(range, "range"));
        return this;
    }

    /** Adds any other tag before the next segment (e.g. EXT-X-CUE-OUT). */
    public LivePlaylistBuilder tag(PlaylistTag tag) {
        requireOpen();
        pendingTags.add(Objects.requireNonNull(tag, "tag"));
        return this;
    }

    /**
     * Adds a partial segment of the segment being produced (LL-HLS, §4.4.4.9).
     *
     * <p>A part longer than PART-TARGET violates §4.4.4.9 (a part's duration MUST be less than or equal
     * to the Part Target Duration): it is rejected, unless {@link Options#clampLongParts(double)} allows
     * it, in which case it is written with DURATION=PART-TARGET and its real duration is kept in
     * {@link #partDurations()}.
     *
     * @throws IllegalStateException when LL-HLS is not enabled or the playlist is finished
     * @throws IllegalArgumentException when the part is longer than the part target (plus the
     *     tolerance of {@link Options#clampLongParts(double)}), or its duration is negative or not finite
     */
    public LivePlaylistBuilder addPart(String uri, double seconds, boolean independent) {
        requireOpen();
        if (partTarget == 0) {
            throw new IllegalStateException("LL-HLS is off: set Options.partTarget");
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("part duration " + seconds);
        }
        double advertised = seconds;
        if (seconds > partTarget) {
            if (longPartTolerance < 0 || seconds > partTarget + longPartTolerance) {
                throw new IllegalArgumentException("part duration " + seconds + " exceeds PART-TARGET " + partTarget
                        + (longPartTolerance < 0 ? "" : " + tolerance " + longPartTolerance) + " (§4.4.4.9)");
            }
            advertised = partTarget;
        }
        pendingParts.add(Part.of(uri, advertised, independent));
        pendingPartSeconds.add(seconds);
        if (uri.equals(preloadHint)) {
            preloadHint = null;
        }
        return this;
    }

    /** Announces the next part (EXT-X-PRELOAD-HINT TYPE=PART), replaced by the next hint or part. */
    public LivePlaylistBuilder preloadHint(String uri) {
        requireOpen();
        preloadHint = uri;
        return this;
    }

    /** Sets the EXT-X-RENDITION-REPORT for another rendition (replacing the previous one for that URI). */
    public LivePlaylistBuilder renditionReport(String uri, long lastMsn, long lastPart) {
        reports.put(uri, RenditionReport.of(uri, lastMsn, lastPart));
        return this;
    }

    /**
     * Adds a complete segment (with the parts added since the previous one) and slides the window.
     *
     * @throws IllegalArgumentException when the duration rounds above the target duration (§4.4.3.1)
     */
    public LivePlaylistBuilder addSegment(String uri, double seconds) {
        requireOpen();
        Extinf extinf = Extinf.of(seconds);
        long micros = Decimals.parseMicros(extinf.duration());
        if (micros / 1_000_000 + (micros % 1_000_000 >= 500_000 ? 1 : 0) > targetDuration) {
            throw new IllegalArgumentException("segment duration " + seconds + " rounds above target duration " + targetDuration
                    + " (§4.4.3.1)");
        }
        new Uri(uri);
        Instant pdt = pendingPdt;
        if (pdt == null && lastPdt != null) {
            pdt = lastPdt.plus(lastMicros, java.time.temporal.ChronoUnit.MICROS);
        }
        lastPdt = pdt;
        lastMicros = micros;
        segments.addLast(new Entry(uri, extinf.duration(), micros, pendingDiscontinuity, pdt, pendingPdt != null,
                List.copyOf(pendingTags),
                List.copyOf(pendingParts), List.copyOf(pendingDateRanges)));
        pendingDiscontinuity = false;
        pendingPdt = null;
        pendingTags.clear();
        pendingParts.clear();
        pendingPartSeconds.clear();
        pendingDateRanges.clear();
        while (window > 0 && segments.size() > window) {
            Entry gone = segments.removeFirst();
            mediaSequence++;
            Entry next = segments.peekFirst();
            if (next != null && next.discontinuity()) {
                discontinuitySequence++;
            }
            for (DateRange d : gone.dateRanges()) {
                removedDateRanges.addLast(d.id());
                if (removedDateRanges.size() > Math.max(16, window)) {
                    removedDateRanges.removeFirst();
                }
            }
        }
        return this;
    }

    /** Ends the playlist: EXT-X-ENDLIST, no more segments, parts or hints. */
    public LivePlaylistBuilder finish() {
        finished = true;
        preloadHint = null;
        pendingParts.clear();
        pendingPartSeconds.clear();
        return this;
    }

    /** Media sequence number of the last complete segment, or -1 when there is none. */
    public long lastMsn() {
        return segments.isEmpty() ? mediaSequence - 1 : mediaSequence + segments.size() - 1;
    }

    /** EXT-X-MEDIA-SEQUENCE now. */
    public long mediaSequence() {
        return mediaSequence;
    }

    /** EXT-X-DISCONTINUITY-SEQUENCE now. */
    public long discontinuitySequence() {
        return discontinuitySequence;
    }

    /** Parts of the segment in progress. */
    public int pendingPartCount() {
        return pendingParts.size();
    }

    /**
     * Media sequence number of the segment in progress (the one the next parts and the next
     * {@link #addSegment} belong to): {@link #lastMsn()} + 1. This is the {@code _HLS_msn} a client asks
     * for when it waits for the next part (§6.2.5.2).
     *
     * @since 0.1.0
     */
    public long openSegmentMsn() {
        return lastMsn() + 1;
    }

    /**
     * Index within the segment in progress of the next part {@link #addPart} will add (equal to
     * {@link #pendingPartCount()}; 0 right after {@link #addSegment}). Together with
     * {@link #openSegmentMsn()} it is the {@code _HLS_msn}/{@code _HLS_part} pair that becomes available
     * with the next part.
     *
     * @since 0.1.0
     */
    public int nextPartIndex() {
        return pendingParts.size();
    }

    /**
     * The real durations in seconds of the parts of the segment in progress, in order, as passed to
     * {@link #addPart} (they differ from the advertised DURATION only for parts clamped under
     * {@link Options#clampLongParts(double)}). Unmodifiable snapshot.
     *
     * @since 0.1.0
     */
    public List<Double> partDurations() {
        return List.copyOf(pendingPartSeconds);
    }

    /**
     * Where the current EXT-X-PRELOAD-HINT points: the hinted URI and the media sequence number and part
     * index the hinted part will have once added ({@link #openSegmentMsn()}, {@link #nextPartIndex()}),
     * so a server can hold a request for that URI until the part exists.
     *
     * @param uri  the hinted part's URI, as passed to {@link #preloadHint(String)}
     * @param msn  media sequence number of the segment the hinted part belongs to
     * @param part index of the hinted part within that segment
     * @since 0.1.0
     */
    public record HintedPart(String uri, long msn, int part) {}

    /**
     * The part the current preload hint announces, or null when there is no hint (none set, the hinted
     * part was added, or the playlist is finished).
     *
     * @since 0.1.0
     */
    public HintedPart preloadHintTarget() {
        return preloadHint == null ? null : new HintedPart(preloadHint, openSegmentMsn(), pendingParts.size());
    }

    /**
     * The URI of the current EXT-X-PRELOAD-HINT, or null (see {@link #preloadHintTarget()}).
     *
     * @since 0.1.0
     */
    public String preloadHintUri() {
        return preloadHint;
    }

    /** Whether {@link #finish()} was called. @since 0.1.0 */
    public boolean finished() {
        return finished;
    }

    /** The full playlist of the current window. */
    public MediaPlaylist playlist() {
        return render(false);
    }

    /** A playlist delta update (EXT-X-SKIP) when delta updates are enabled, else the full playlist. */
    public MediaPlaylist deltaPlaylist(boolean skipDateranges) {
        return render(true, skipDateranges && canSkipDateranges);
    }

    private MediaPlaylist render(boolean delta) {
        return render(delta, false);
    }

    private MediaPlaylist render(boolean delta, boolean skipDateranges) {
        List<PlaylistLine> lines = new ArrayList<>(segments.size() * 3 + 16);
        lines.add(MarkerTag.EXTM3U);
        int versionAt = lines.size();
        lines.add(IntegerTag.version(1));
        lines.add(IntegerTag.targetDuration(targetDuration));
        if (partTarget > 0 || canSkipUntil > 0) {
            AttributeList.Builder sc = AttributeList.builder();
            if (canSkipUntil > 0) {
                sc.decimal("CAN-SKIP-UNTIL", canSkipUntil);
                if (canSkipDateranges) {
                    sc.enumerated("CAN-SKIP-DATERANGES", "YES");
                }
            }
            sc.decimal("HOLD-BACK", 3.0 * targetDuration);
            if (partTarget > 0) {
                sc.decimal("PART-HOLD-BACK", 3 * partTarget);
                sc.enumerated("CAN-BLOCK-RELOAD", "YES");
            }
            lines.add(new ServerControl(sc.build()));
        }
        if (partTarget > 0) {
            lines.add(new PartInf(AttributeList.builder().decimal("PART-TARGET", partTarget).build()));
        }
        lines.add(IntegerTag.mediaSequence(mediaSequence));
        if (discontinuitySequence > 0) {
            lines.add(IntegerTag.discontinuitySequence(discontinuitySequence));
        }
        if (event) {
            lines.add(PlaylistType.EVENT);
        }
        if (map != null) {
            lines.add(map);
        }
        long totalMicros = 0;
        for (Entry e : segments) {
            totalMicros += e.durationMicros();
        }
        int skip = 0;
        if (delta && canSkipUntil > 0) {
            long skipUntilMicros = (long) (canSkipUntil * 1e6);
            long fromEnd = totalMicros;
            for (Entry e : segments) {
                if (fromEnd <= skipUntilMicros) {
                    break;
                }
                fromEnd -= e.durationMicros();
                skip++;
            }
        }
        long partWindowStart = totalMicros - 3 * targetDuration * 1_000_000L;
        long at = 0;
        int index = 0;
        Key keyInEffect = null;
        List<DateRange> skippedRanges = new ArrayList<>();
        for (Entry e : segments) {
            if (index < skip) {
                for (PlaylistTag t : e.tagsBefore()) {
                    if (t instanceof Key k) {
                        keyInEffect = k;
                    }
                }
                if (skipDateranges) {
                    skippedRanges.addAll(e.dateRanges());
                } else {
                    lines.addAll(e.dateRanges());
                }
                at += e.durationMicros();
                index++;
                continue;
            }
            if (index == skip && skip > 0) {
                AttributeList.Builder b = AttributeList.builder().integer("SKIPPED-SEGMENTS", skip);
                if (skipDateranges) {
                    b.quoted("RECENTLY-REMOVED-DATERANGES", String.join("\t", removedDateRanges));
                }
                lines.add(new Skip(b.build()));
                if (keyInEffect != null && !e.tagsBefore().contains(keyInEffect)) {
                    lines.add(keyInEffect);
                }
            }
            lines.addAll(e.dateRanges());
            if (e.discontinuity()) {
                lines.add(MarkerTag.DISCONTINUITY);
            }
            if (e.pdt() != null && (e.pdtExplicit() || index == skip)) {
                lines.add(ProgramDateTime.of(e.pdt()));
            }
            lines.addAll(e.tagsBefore());
            if (at + e.durationMicros() > partWindowStart) {
                lines.addAll(e.parts());
            }
            lines.add(new Extinf(e.duration(), ""));
            lines.add(new Uri(e.uri()));
            at += e.durationMicros();
            index++;
        }
        if (!finished) {
            lines.addAll(pendingParts);
            if (preloadHint != null) {
                lines.add(PreloadHint.part(preloadHint));
            }
        }
        if (finished) {
            lines.add(MarkerTag.ENDLIST);
        }
        lines.addAll(reports.values());
        MediaPlaylist draft = MediaPlaylist.of(lines);
        lines.set(versionAt, IntegerTag.version(Math.max(3, Versions.minimumVersion(draft))));
        return MediaPlaylist.of(lines);
    }

    /**
     * Answers a blocking playlist reload request (§6.2.5.2): whether the current state satisfies it,
     * and the playlist (full or delta) to send when it does.
     */
    public BlockingReload.Answer reload(BlockingReload request) {
        if (request.msn() < 0) {
            return new BlockingReload.Answer(BlockingReload.Status.READY, renderFor(request));
        }
        long lastMsn = lastMsn();
        long msn = request.msn();
        long part = request.part();
        if (part >= 0 && partTarget == 0) {
            return new BlockingReload.Answer(BlockingReload.Status.BAD_REQUEST, null);
        }
        if (msn > lastMsn + 2) {
            return new BlockingReload.Answer(BlockingReload.Status.BAD_REQUEST, null);
        }
        boolean ready;
        if (finished) {
            ready = true;
        } else if (part < 0) {
            ready = msn <= lastMsn;
        } else if (msn <= lastMsn) {
            Entry e = entry(msn);
            // a part index past the last part of a complete segment means part 0 of the next one
            ready = e == null || part < e.parts().size() || (msn < lastMsn || !pendingParts.isEmpty());
        } else if (msn == lastMsn + 1) {
            ready = part < pendingParts.size();
        } else {
            ready = false;
        }
        return new BlockingReload.Answer(ready ? BlockingReload.Status.READY : BlockingReload.Status.WAIT,
                ready ? renderFor(request) : null);
    }

    private MediaPlaylist renderFor(BlockingReload request) {
        return request.skip() == BlockingReload.Skip.NO ? playlist() : deltaPlaylist(request.skip() == BlockingReload.Skip.V2);
    }

    private Entry entry(long msn) {
        long index = msn - mediaSequence;
        if (index < 0 || index >= segments.size()) {
            return null;
        }
        Iterator<Entry> it = index > segments.size() / 2 ? segments.descendingIterator() : segments.iterator();
        long steps = index > segments.size() / 2 ? segments.size() - 1 - index : index;
        Entry e = it.next();
        for (long i = 0; i < steps; i++) {
            e = it.next();
        }
        return e;
    }
}
