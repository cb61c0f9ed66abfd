package io.streamwire.mp4;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Progressive MP4 reader: turns the sample tables of each track (ISO/IEC 14496-12:2022 §8.5–§8.7:
 * stts, ctts, stss, stsz, stsc, stco/co64, with the edit list of §8.6.6) into samples with decode
 * and presentation time, duration, size, sync flag, file position and payload, and seeks by time to
 * the previous sync sample. Works on the moov alone ({@link #fromMoov}: positions only, for files
 * read piecewise) or on a whole file in a buffer ({@link #read}: payloads as zero-copy views).
 *
 * <pre>{@code
 * Mp4FileReader reader = Mp4FileReader.read(ByteBuffer.wrap(file), Mp4Limits.defaults());
 * int start = reader.syncSampleAtOrBefore(0, 10 * reader.tracks().get(0).timescale()); // 10 s
 * for (int i = start; i < reader.sampleCount(0); i++) { Mp4Sample s = reader.sample(0, i); ... }
 * }</pre>
 *
 * <p>Errors: {@link Mp4Exception} with the table's path when tables disagree (stts, ctts or stsc
 * covering fewer samples than stsz, a chunk number out of range, a sync sample number out of range, a
 * sample outside the file); per-track sample counts are bounded by
 * {@link Mp4Limits#maxEntriesPerTable()} before any array is allocated.
 *
 * <p>Immutable after construction and thread-safe.
 *
 * @since 0.2.0
 */
public final class Mp4FileReader {
    private static final String STBL = "ISO/IEC 14496-12:2022 §8.5.1";

    private final List<TrackInfo> tracks = new ArrayList<>();
    private final List<SampleTable> tables = new ArrayList<>();
    private final ByteBuffer file;

    private Mp4FileReader(ContainerBox moov, ByteBuffer file, Mp4Limits limits) {
        this.file = file;
        long movieTimescale = moov.child(BoxType.MVHD) instanceof MovieHeaderBox m ? m.timescale() : 0;
        int k = 0;
        for (Box trak : moov.children(BoxType.TRAK)) {
            String path = "moov/trak[" + ++k + "]";
            TrackInfo t = TrackInfo.of((ContainerBox) trak, movieTimescale, path);
            tracks.add(t);
            SampleTable table = SampleTable.of((ContainerBox) Boxes.find(List.of(trak), "trak", "mdia", "minf", "stbl"),
                    path + "/mdia/minf/stbl", limits);
            if (file != null) {
                for (int i = 0; i < table.size.length; i++) {
                    if (table.offset[i] < 0 || table.offset[i] + (table.size[i] & 0xFFFF_FFFFL) > file.limit()) {
                        throw new Mp4Exception(path + "/mdia/minf/stbl/stco", "chunk_offset", "sample " + (i + 1) + " at "
                                + table.offset[i] + " lies outside the file (" + file.limit() + " bytes)", -1, "ISO/IEC 14496-12:2022 §8.7.5");
                    }
                }
            }
            tables.add(table);
        }
        if (tracks.isEmpty()) {
            throw new Mp4Exception("moov", null, "has no trak", -1, "ISO/IEC 14496-12:2022 §8.2.1");
        }
    }

    /**
     * Reads a whole file from the position of {@code file} (index 0 of what remains is file position 0)
     * to its limit; the position does not move.
     *
     * @throws Mp4Exception when there is no moov, or as the class describes
     */
    public static Mp4FileReader read(ByteBuffer file, Mp4Limits limits) {
        ByteBuffer in = file.slice();
        for (TopLevel box : TopLevel.scan(in, 0, limits)) {
            if (box.header().type().equals(BoxType.MOOV)) {
                return new Mp4FileReader((ContainerBox) box.parse(in, limits), in, limits);
            }
        }
        throw new Mp4Exception("moov", null, "no moov box in the file", -1, "ISO/IEC 14496-12:2022 §8.2.1");
    }

    /** A reader of the sample tables of {@code moov} only; samples carry positions and no payload. */
    public static Mp4FileReader fromMoov(ContainerBox moov, Mp4Limits limits) {
        if (!moov.type().equals(BoxType.MOOV)) {
            throw new IllegalArgumentException("not a moov: " + moov.type());
        }
        return new Mp4FileReader(moov, null, limits);
    }

    /** The tracks, in trak order. */
    public List<TrackInfo> tracks() {
        return List.copyOf(tracks);
    }

    /** Samples of track {@code track} (its index in {@link #tracks()}). */
    public int sampleCount(int track) {
        return tables.get(track).size.length;
    }

    /** Sample {@code index} (0-based, decode order) of track {@code track}. */
    public Mp4Sample sample(int track, int index) {
        SampleTable t = tables.get(track);
        TrackInfo info = tracks.get(track);
        long dts = t.dts[index] + info.timeOffset();
        int size = t.size[index];
        ByteBuffer payload = file == null ? null : file.slice((int) t.offset[index], size).asReadOnlyBuffer();
        return new Mp4Sample(info.trackId(), dts, dts + t.cto[index], t.duration(index), size, t.sync == null || t.sync[index],
                t.offset[index], payload);
    }

    /** Every sample of track {@code track}, in decode order. */
    public List<Mp4Sample> samples(int track) {
        List<Mp4Sample> out = new ArrayList<>(sampleCount(track));
        for (int i = 0; i < sampleCount(track); i++) {
            out.add(sample(track, i));
        }
        return out;
    }

    /** Every sample of every track, in file order. */
    public List<Mp4Sample> samples() {
        List<Mp4Sample> out = new ArrayList<>();
        for (int t = 0; t < tracks.size(); t++) {
            out.addAll(samples(t));
        }
        out.sort(Comparator.comparingLong(Mp4Sample::offset));
        return out;
    }

    /**
     * The index of the last sync sample of {@code track} whose presentation time is at most
     * {@code presentationTime} (in the track's timescale, edit list applied): where playback from
     * that time has to start decoding. The first sync sample when every one is later; -1 when the
     * track has no sync sample.
     */
    public int syncSampleAtOrBefore(int track, long presentationTime) {
        SampleTable t = tables.get(track);
        long offset = tracks.get(track).timeOffset();
        int best = -1;
        int first = -1;
        for (int i = 0; i < t.size.length; i++) {
            if (t.sync != null && !t.sync[i]) {
                continue;
            }
            if (first < 0) {
                first = i;
            }
            if (t.dts[i] + t.cto[i] + offset <= presentationTime) {
                best = i;
            }
        }
        return best >= 0 ? best : first;
    }

    static String stblSpec() {
        return STBL;
    }
}
