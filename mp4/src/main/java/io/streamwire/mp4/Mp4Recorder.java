package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Progressive MP4 writer for recording (ISO/IEC 14496-12:2022, ISO/IEC 14496-14): the file is
 * {@code ftyp}, one {@code mdat} holding the samples as they come, and a {@code moov} at the end
 * with the sample tables (stts, ctts, stss, stsz, stsc, stco or co64) and, per track, an edit list
 * that presents the media from {@link CmafTrack#mediaTime()} (the first composition offset of video
 * with B-frames, the priming of AAC) to the latest composition end. Payloads are never held: the caller
 * writes each sample's bytes to its file after {@link #addSample} recorded its size; the recorder
 * keeps about 16 bytes of table per sample.
 *
 * <ol>
 *   <li>{@link #writeHeader}: ftyp and a 16-byte mdat header (largesize form, so an mdat of 4 GiB
 *       and more needs no move); write them at file position 0.</li>
 *   <li>{@link #addSample} per sample, then the payload bytes, in the same order.</li>
 *   <li>{@link #writeMoov} at the end of the file, and {@link #writeMdatHeader} over the
 *       placeholder at {@link #mdatHeaderOffset()}.</li>
 *   <li>Optionally "faststart": {@link #writeFaststartMoov} gives the moov to put between ftyp and
 *       mdat in a rewritten file (chunk offsets moved by its size; co64 past 4 GiB).</li>
 * </ol>
 *
 * <p>Not thread-safe: keep it on one recording.
 *
 * @since 0.2.0
 */
public final class Mp4Recorder {
    /** ftyp of recordings: major {@code isom}, compatible {@code isom}, {@code iso2}, {@code mp41}. */
    public static final FileTypeBox FTYP = FileTypeBox.ftyp("isom", 0x200, "isom", "iso2", "mp41");

    private final List<CmafTrack> tracks;
    private final Mp4Limits limits;
    private final Track[] state;
    private final int headerSize;
    private long position;
    private int lastTrack = -1;

    /** Per-track tables, grown with the samples. */
    private static final class Track {
        int count;
        int[] sizes = new int[256];
        int[] durations = new int[256];
        int[] offsets = new int[256];
        boolean anyOffset;
        int[] syncs = new int[16];
        int syncCount;
        boolean allSync = true;
        long[] chunkOffsets = new long[16];
        int[] chunkSamples = new int[16];
        int chunkCount;
        long totalDuration;
        /** The latest composition end (decode time + offset + duration) of any sample, in media ticks. */
        long compositionEnd;
    }

    /** A recorder for {@code tracks}; {@link Mp4Limits#maxEntriesPerTable()} bounds the samples per track. */
    public Mp4Recorder(List<CmafTrack> tracks, Mp4Limits limits) {
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException("a recording needs a track");
        }
        this.tracks = List.copyOf(tracks);
        this.limits = Objects.requireNonNull(limits, "limits");
        this.state = new Track[tracks.size()];
        for (int i = 0; i < state.length; i++) {
            state[i] = new Track();
        }
        this.headerSize = (int) FTYP.encodedSize() + 16;
        this.position = headerSize;
    }

    /** Writes ftyp and the mdat placeholder header; returns the bytes written (the file position of the first sample). */
    public int writeHeader(ByteBuffer out) {
        FTYP.writeTo(out);
        BigEndian.putIntRelative(out, 1);
        BigEndian.putIntRelative(out, BoxType.MDAT.value());
        BigEndian.putLongRelative(out, 16);
        return headerSize;
    }

    /** File position of the mdat header that {@link #writeMdatHeader} fills in. */
    public long mdatHeaderOffset() {
        return FTYP.encodedSize();
    }

    /**
     * Records the next sample, whose {@code size} payload bytes the caller writes right after the
     * previous sample's (or the header); returns its file position.
     *
     * @param compositionOffset composition minus decode time (ctts version 1 when negative)
     * @param duration decode duration, 0..2^32-1
     * @throws io.streamwire.core.LimitExceededException past {@link Mp4Limits#maxEntriesPerTable()} samples in the track
     */
    public long addSample(int track, int size, int compositionOffset, long duration, boolean sync) {
        Track t = state[track];
        if (t.count >= limits.maxEntriesPerTable()) {
            throw Mp4Exception.limit("moov/trak/mdia/minf/stbl/stsz", "sample_count", "maxEntriesPerTable",
                    limits.maxEntriesPerTable(), t.count + 1L, -1);
        }
        if (size < 0 || duration < 0 || duration > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("size >= 0 and duration 0..2^32-1: " + size + ", " + duration);
        }
        if (t.count == t.sizes.length) {
            t.sizes = java.util.Arrays.copyOf(t.sizes, t.count * 2);
            t.durations = java.util.Arrays.copyOf(t.durations, t.count * 2);
            t.offsets = java.util.Arrays.copyOf(t.offsets, t.count * 2);
        }
        t.sizes[t.count] = size;
        t.durations[t.count] = (int) duration;
        t.offsets[t.count] = compositionOffset;
        t.anyOffset |= compositionOffset != 0;
        if (sync) {
            if (t.syncCount == t.syncs.length) {
                t.syncs = java.util.Arrays.copyOf(t.syncs, t.syncCount * 2);
            }
            t.syncs[t.syncCount++] = t.count + 1;
        } else {
            t.allSync = false;
        }
        if (lastTrack != track || t.chunkCount == 0) {
            if (t.chunkCount == t.chunkOffsets.length) {
                t.chunkOffsets = java.util.Arrays.copyOf(t.chunkOffsets, t.chunkCount * 2);
                t.chunkSamples = java.util.Arrays.copyOf(t.chunkSamples, t.chunkCount * 2);
            }
            t.chunkOffsets[t.chunkCount] = position;
            t.chunkSamples[t.chunkCount++] = 0;
        }
        t.chunkSamples[t.chunkCount - 1]++;
        t.count++;
        t.compositionEnd = Math.max(t.compositionEnd, t.totalDuration + compositionOffset + duration);
        t.totalDuration += duration;
        lastTrack = track;
        long at = position;
        position += size;
        return at;
    }

    /** The final mdat header (16 bytes, largesize form) to write at {@link #mdatHeaderOffset()}. */
    public void writeMdatHeader(ByteBuffer out) {
        BigEndian.putIntRelative(out, 1);
        BigEndian.putIntRelative(out, BoxType.MDAT.value());
        BigEndian.putLongRelative(out, position - mdatHeaderOffset());
    }

    /** The moov for the end of the file (chunk offsets as recorded). */
    public ContainerBox moov() {
        return moov(0);
    }

    /** Writes {@link #moov()} at the position of {@code out}; returns the bytes written. */
    public int writeMoov(ByteBuffer out) {
        ContainerBox moov = moov();
        moov.writeTo(out);
        return (int) moov.encodedSize();
    }

    /**
     * Writes the moov for a faststart copy of the file (ftyp, this moov, then the mdat unchanged):
     * every chunk offset moved by the moov's own size, co64 where an offset passes 2^32 - 1.
     * Returns the bytes written.
     */
    public int writeFaststartMoov(ByteBuffer out) {
        long size = moov(0).encodedSize();
        ContainerBox moov = moov(size);
        long again = moov.encodedSize();
        if (again != size) {
            moov = moov(again); // a table became co64: its size changed once
        }
        moov.writeTo(out);
        return (int) moov.encodedSize();
    }

    private ContainerBox moov(long shift) {
        // the movie timescale is the finest track timescale, so that each edit's duration is exact
        // (or short of the media's end by less than one tick of it: never past it, §8.6.6)
        long movieTimescale = 1;
        for (CmafTrack c : tracks) {
            movieTimescale = Math.max(movieTimescale, c.timescale());
        }
        List<Box> moov = new ArrayList<>();
        long movieDuration = 0;
        long next = 1;
        List<Box> traks = new ArrayList<>();
        for (int i = 0; i < state.length; i++) {
            CmafTrack c = tracks.get(i);
            Track t = state[i];
            long start = Math.max(0, c.mediaTime());
            long presented = Math.max(0, t.compositionEnd - start);
            long editDuration = presented * movieTimescale / c.timescale();
            movieDuration = Math.max(movieDuration, editDuration);
            next = Math.max(next, c.trackId() + 1);
            traks.add(trak(c, t, shift, editDuration));
        }
        moov.add(MovieHeaderBox.of(movieTimescale, movieDuration, next));
        moov.addAll(traks);
        return new ContainerBox(BoxType.MOOV, moov);
    }

    private static ContainerBox trak(CmafTrack c, Track t, long shift, long editDuration) {
        ContainerBox fragmentedTrak = InitSegment.trak(c);
        List<Box> trak = new ArrayList<>();
        for (Box b : fragmentedTrak.children()) {
            if (b instanceof TrackHeaderBox h) {
                trak.add(new TrackHeaderBox(0, h.flags(), 0, 0, h.trackId(), editDuration, h.layer(), h.alternateGroup(),
                        h.volume(), h.matrix(), h.width(), h.height()));
            } else if (b.type().equals(BoxType.EDTS)) {
                trak.add(ContainerBox.of(BoxType.EDTS, EditListBox.shift(editDuration, c.mediaTime())));
            } else if (b.type().equals(BoxType.MDIA)) {
                trak.add(mdia((ContainerBox) b, c, t, shift));
            } else {
                trak.add(b);
            }
        }
        return new ContainerBox(BoxType.TRAK, trak);
    }

    private static ContainerBox mdia(ContainerBox mdia, CmafTrack c, Track t, long shift) {
        List<Box> out = new ArrayList<>();
        for (Box b : mdia.children()) {
            if (b instanceof MediaHeaderBox) {
                out.add(MediaHeaderBox.of(c.timescale(), t.totalDuration, c.language()));
            } else if (b.type().equals(BoxType.MINF)) {
                List<Box> minf = new ArrayList<>();
                for (Box m : ((ContainerBox) b).children()) {
                    minf.add(m.type().equals(BoxType.STBL) ? SampleTables.stbl(c, t.count, t.sizes, t.durations,
                            t.anyOffset ? t.offsets : null, t.allSync ? null : java.util.Arrays.copyOf(t.syncs, t.syncCount),
                            t.chunkOffsets, t.chunkSamples, t.chunkCount, shift) : m);
                }
                out.add(new ContainerBox(BoxType.MINF, minf));
            } else {
                out.add(b);
            }
        }
        return new ContainerBox(BoxType.MDIA, out);
    }
}
