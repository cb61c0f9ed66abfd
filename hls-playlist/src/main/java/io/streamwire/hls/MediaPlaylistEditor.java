package io.streamwire.hls;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Removes, inserts and replaces media segments of a {@link MediaPlaylist} while every segment that
 * stays keeps the state in effect for it (RFC 8216bis §4.4.4): its EXT-X-KEYs, EXT-X-MAP,
 * EXT-X-BITRATE, program date time (§4.4.4.6) and resolved byte range (§4.4.4.2), whatever the
 * segments that used to set them. {@link #build()} writes the tags that the edit made necessary
 * before the segments that need them: an EXT-X-PROGRAM-DATE-TIME where the date can no longer be
 * extrapolated, an explicit offset on an EXT-X-BYTERANGE whose implicit one would move, the key,
 * map or bitrate a removed segment had introduced. Every other line is kept as written, in order.
 *
 * <ul>
 *   <li>Removing segments at the start (a sliding window) keeps the media sequence numbers and the
 *       discontinuity sequence numbers of the rest: EXT-X-MEDIA-SEQUENCE and
 *       EXT-X-DISCONTINUITY-SEQUENCE advance (§6.2.2). Elsewhere the segments after a cut are
 *       numbered on from the segment before it.</li>
 *   <li>Removing a segment that carries EXT-X-DISCONTINUITY, between two segments that stay, moves
 *       the discontinuity to the next segment (what follows still differs from what precedes). A
 *       cut in the middle of continuous media leaves a jump in the timestamps; mark it with
 *       {@link #discontinuity(int, boolean)} when the media needs it (§4.4.4.3).</li>
 *   <li>An inserted segment is its lines (tags, then the URI line) written at that place: it gets
 *       the state in effect there unless its own tags change it, and the segments after it keep
 *       theirs.</li>
 *   <li>A removed segment's own lines go with it: its comments, EXT-X-DATERANGE and unknown tags.
 *       The playlist header ({@link MediaSegment#lines()} never holds it) and the lines after the
 *       last segment (EXT-X-ENDLIST, trailing parts, preload hints, rendition reports) stay.</li>
 * </ul>
 *
 * <pre>{@code
 * MediaPlaylist edited = playlist.edit()
 *         .removeIf(s -> s.uri().startsWith("ad/"))
 *         .insert(0, "slate.ts", 2.0)
 *         .build();
 * String text = edited.write();
 * }</pre>
 *
 * <p>Indices are those of the editor's current list: after {@code remove(0)}, index 0 is the
 * segment that was second. An edit that HLS cannot express fails with
 * {@link IllegalArgumentException} at {@link #build()}: a segment without EXT-X-MAP, EXT-X-BITRATE
 * or a program date time placed after one that has it (no tag ends them).
 *
 * <p>Not thread-safe; an editor is used by one thread and then dropped.
 *
 * @since 0.2.0
 */
public final class MediaPlaylistEditor {
    /** A segment of the original playlist, the state in effect before its lines, and its discontinuity. */
    record Kept(MediaSegment segment, List<Key> keysBefore, boolean discontinuity) {}

    /** New lines: tags, then one URI line. */
    private record Inserted(List<PlaylistLine> lines) {}

    private final MediaPlaylist original;
    private final List<PlaylistLine> header;
    private final List<PlaylistLine> trailer;
    private final List<Object> entries = new ArrayList<>();

    MediaPlaylistEditor(MediaPlaylist playlist) {
        this.original = playlist;
        List<PlaylistLine> lines = playlist.lines();
        List<MediaSegment> segments = playlist.segments();
        int headerEnd = lines.size();
        int trailerStart = lines.size();
        if (segments.isEmpty()) {
            while (headerEnd > 0 && lines.get(headerEnd - 1).tagName() == TagName.EXT_X_ENDLIST) {
                headerEnd--; // segments inserted into an empty playlist go before EXT-X-ENDLIST
            }
            trailerStart = headerEnd;
        } else {
            headerEnd = firstUri(lines) + 1 - segments.get(0).lines().size();
            trailerStart = headerEnd;
            for (MediaSegment s : segments) {
                trailerStart += s.lines().size();
            }
        }
        header = lines.subList(0, headerEnd);
        trailer = lines.subList(trailerStart, lines.size());
        // the state in effect before each segment's lines: after the header, then after each segment
        SegmentBuilder state = new SegmentBuilder(new ArrayList<>(), new MediaPlaylist.Summary(), 0);
        for (int i = 0; i < headerEnd; i++) {
            state.accept(lines.get(i), i);
        }
        List<Key> before = state.keys();
        for (MediaSegment s : segments) {
            entries.add(new Kept(s, before, s.discontinuity()));
            before = s.keys();
        }
    }

    private static int firstUri(List<PlaylistLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) instanceof Uri) {
                return i;
            }
        }
        throw new IllegalStateException("a media segment without its URI line");
    }

    /** How many segments the edited playlist has now. */
    public int size() {
        return entries.size();
    }

    /**
     * Removes the segment at {@code index}.
     *
     * @throws IndexOutOfBoundsException when {@code index} is not in {@code [0, size())}
     */
    public MediaPlaylistEditor remove(int index) {
        return remove(index, index + 1);
    }

    /**
     * Removes the segments from {@code from} (inclusive) to {@code to} (exclusive).
     *
     * @throws IndexOutOfBoundsException when the range is not within {@code [0, size()]} or {@code from > to}
     */
    public MediaPlaylistEditor remove(int from, int to) {
        Objects.checkFromToIndex(from, to, entries.size());
        boolean discontinuity = false;
        for (int i = from; i < to; i++) {
            discontinuity |= hasDiscontinuity(entries.get(i));
        }
        entries.subList(from, to).clear();
        if (discontinuity && from > 0 && from < entries.size()) {
            markDiscontinuity(from, true);
        }
        return this;
    }

    /** Removes every segment of the original playlist that {@code filter} accepts (inserted ones stay). */
    public MediaPlaylistEditor removeIf(Predicate<MediaSegment> filter) {
        Objects.requireNonNull(filter, "filter");
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i) instanceof Kept k && filter.test(k.segment())) {
                remove(i);
            }
        }
        return this;
    }

    /**
     * Inserts a segment at {@code index}: {@code lines} are its tags (EXTINF, and any of
     * EXT-X-DISCONTINUITY, EXT-X-KEY, EXT-X-MAP, EXT-X-PROGRAM-DATE-TIME, EXT-X-BYTERANGE, comments
     * ...) followed by its URI line, written as given.
     *
     * @throws IllegalArgumentException when the last line is not a {@link Uri}, another line is, or a
     *     line is a playlist-wide tag (EXT-X-TARGETDURATION, EXT-X-ENDLIST, ...)
     * @throws IndexOutOfBoundsException when {@code index} is not in {@code [0, size()]}
     */
    public MediaPlaylistEditor insert(int index, List<PlaylistLine> lines) {
        Objects.checkIndex(index, entries.size() + 1);
        entries.add(index, new Inserted(checkSegmentLines(lines)));
        return this;
    }

    /**
     * Inserts a segment of {@code seconds} at {@code uri}: an EXTINF and the URI line.
     *
     * @throws IllegalArgumentException when {@code uri} is not a valid URI line or {@code seconds} is negative
     * @throws IndexOutOfBoundsException when {@code index} is not in {@code [0, size()]}
     */
    public MediaPlaylistEditor insert(int index, String uri, double seconds) {
        return insert(index, List.of(Extinf.of(seconds), new Uri(uri)));
    }

    /**
     * Replaces the segment at {@code index} with {@code lines}, as {@link #insert(int, List)} writes
     * them; the replaced segment's own tags (a DISCONTINUITY, a PROGRAM-DATE-TIME) go with it.
     *
     * @throws IllegalArgumentException as {@link #insert(int, List)}
     * @throws IndexOutOfBoundsException when {@code index} is not in {@code [0, size())}
     */
    public MediaPlaylistEditor replace(int index, List<PlaylistLine> lines) {
        Objects.checkIndex(index, entries.size());
        entries.set(index, new Inserted(checkSegmentLines(lines)));
        return this;
    }

    /**
     * Sets or clears EXT-X-DISCONTINUITY before the segment at {@code index} (§4.4.4.3).
     *
     * @throws IndexOutOfBoundsException when {@code index} is not in {@code [0, size())}
     */
    public MediaPlaylistEditor discontinuity(int index, boolean discontinuity) {
        Objects.checkIndex(index, entries.size());
        markDiscontinuity(index, discontinuity);
        return this;
    }

    /**
     * The edited playlist. The editor can go on being used (and built again).
     *
     * @throws IllegalArgumentException when a segment would lose its EXT-X-MAP, EXT-X-BITRATE or
     *     program date time to one placed before it (HLS has no tag that ends them)
     */
    public MediaPlaylist build() {
        List<PlaylistLine> out = new ArrayList<>(original.lines().size() + 8);
        SegmentBuilder state = new SegmentBuilder(out, new MediaPlaylist.Summary(), 0);
        long[] bases = sequenceBases();
        boolean msWritten = false;
        boolean dsWritten = false;
        for (PlaylistLine l : header) {
            if (l instanceof IntegerTag t && t.tagName() == TagName.EXT_X_MEDIA_SEQUENCE && !msWritten) {
                l = IntegerTag.mediaSequence(bases[0]);
                msWritten = true;
            } else if (l instanceof IntegerTag t && t.tagName() == TagName.EXT_X_DISCONTINUITY_SEQUENCE && !dsWritten) {
                l = IntegerTag.discontinuitySequence(bases[1]);
                dsWritten = true;
            }
            KeptSegmentWriter.emit(out, state, l);
        }
        if (!msWritten && bases[0] != original.mediaSequence()) {
            KeptSegmentWriter.emit(out, state, IntegerTag.mediaSequence(bases[0]));
        }
        if (!dsWritten && bases[1] != original.discontinuitySequence()) {
            KeptSegmentWriter.emit(out, state, IntegerTag.discontinuitySequence(bases[1]));
        }
        for (int i = 0; i < entries.size(); i++) {
            Object e = entries.get(i);
            if (e instanceof Inserted in) {
                for (PlaylistLine l : in.lines()) {
                    KeptSegmentWriter.emit(out, state, l);
                }
            } else {
                KeptSegmentWriter.write(out, state, (Kept) e, i);
            }
        }
        for (PlaylistLine l : trailer) {
            KeptSegmentWriter.emit(out, state, l);
        }
        return MediaPlaylist.of(out);
    }

    /** EXT-X-MEDIA-SEQUENCE and EXT-X-DISCONTINUITY-SEQUENCE so that the first original segment keeps its numbers. */
    private long[] sequenceBases() {
        int insertedBefore = 0;
        int discontinuitiesBefore = 0;
        for (Object e : entries) {
            if (e instanceof Kept k) {
                long ms = k.segment().mediaSequenceNumber() - insertedBefore;
                long ds = k.segment().discontinuitySequence() - (k.discontinuity() ? 1 : 0) - discontinuitiesBefore;
                return new long[] {Math.max(0, ms), Math.max(0, ds)};
            }
            insertedBefore++;
            discontinuitiesBefore += hasDiscontinuity(e) ? 1 : 0;
        }
        return new long[] {original.mediaSequence(), original.discontinuitySequence()};
    }

    private static boolean hasDiscontinuity(Object entry) {
        if (entry instanceof Kept k) {
            return k.discontinuity();
        }
        return ((Inserted) entry).lines().contains(MarkerTag.DISCONTINUITY);
    }

    private void markDiscontinuity(int index, boolean discontinuity) {
        Object e = entries.get(index);
        if (e instanceof Kept k) {
            entries.set(index, new Kept(k.segment(), k.keysBefore(), discontinuity));
        } else {
            List<PlaylistLine> lines = new ArrayList<>(((Inserted) e).lines());
            lines.removeIf(MarkerTag.DISCONTINUITY::equals);
            if (discontinuity) {
                lines.add(0, MarkerTag.DISCONTINUITY);
            }
            entries.set(index, new Inserted(List.copyOf(lines)));
        }
    }

    private static List<PlaylistLine> checkSegmentLines(List<PlaylistLine> lines) {
        List<PlaylistLine> copy = List.copyOf(lines);
        if (copy.isEmpty() || !(copy.get(copy.size() - 1) instanceof Uri)) {
            throw new IllegalArgumentException("a segment's lines end with its URI line");
        }
        for (int i = 0; i < copy.size() - 1; i++) {
            PlaylistLine l = copy.get(i);
            if (l instanceof Uri || SegmentBuilder.isPlaylistTag(l.tagName())) {
                throw new IllegalArgumentException("line " + i + " (" + l.tagName() + ") cannot be part of a segment");
            }
        }
        return copy;
    }
}
