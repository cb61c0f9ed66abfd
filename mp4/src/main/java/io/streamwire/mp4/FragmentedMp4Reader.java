package io.streamwire.mp4;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * fMP4 demuxer: reads the tracks of an init segment (ftyp + moov with mvex, ISO/IEC 14496-12:2022
 * §8.8.1) and the samples of media segments ({@code moof} + {@code mdat}, §8.8.4–§8.8.12; CMAF
 * fragments, ISO/IEC 23000-19:2020 §7.3.2), one segment buffer at a time: each sample's decode and
 * presentation time (tfdt or the running time, trun durations and composition offsets, the track's
 * edit list applied), size and sync flag (trun, tfhd or trex defaults; first_sample_flags), file
 * position and payload (a zero-copy view of the segment buffer).
 *
 * <pre>{@code
 * FragmentedMp4Reader reader = new FragmentedMp4Reader(ByteBuffer.wrap(init), Mp4Limits.defaults());
 * long position = init.length;
 * for (byte[] segment : segments) {
 *     for (Mp4Sample s : reader.readSegment(ByteBuffer.wrap(segment), position)) { ... }
 *     position += segment.length;
 * }
 * }</pre>
 *
 * <p>Errors: {@link Mp4Exception} (with the box path) for a moov without tracks, a traf of an
 * unknown track, sample data outside the segment; the limits of {@link Mp4Limits} as in
 * {@link Boxes#parse}, plus {@link Mp4Limits#maxSamplesPerFragment()} per traf.
 *
 * @implNote A data offset is resolved as §8.8.7.1 says: from base_data_offset when present (a file
 *     position, so the segment's position must be given), else from the moof when
 *     default-base-is-moof is set or for the first traf, else from the end of the previous traf's data.
 *
 * <p>Not thread-safe (it keeps each track's running decode time).
 *
 * @since 0.2.0
 */
public final class FragmentedMp4Reader {
    private final Mp4Limits limits;
    private final List<TrackInfo> tracks = new ArrayList<>();
    private final List<TrackExtendsBox> trex = new ArrayList<>();
    private final long[] nextDecodeTime;

    /**
     * Reads the tracks of an init segment (or of the moov at the start of a fragmented file) from
     * the position of {@code init} to its limit; the position does not move.
     *
     * @throws Mp4Exception when there is no moov or a trak is incomplete
     */
    public FragmentedMp4Reader(ByteBuffer init, Mp4Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        ContainerBox moov = null;
        for (TopLevel box : TopLevel.scan(init.duplicate(), 0, limits)) {
            if (box.header().type().equals(BoxType.MOOV)) {
                moov = (ContainerBox) box.parse(init, limits);
                break;
            }
        }
        if (moov == null) {
            throw new Mp4Exception("moov", null, "no moov box in the init segment", -1, "ISO/IEC 14496-12:2022 §8.2.1");
        }
        readMoov(moov);
        nextDecodeTime = new long[tracks.size()];
    }

    private void readMoov(ContainerBox moov) {
        long movieTimescale = moov.child(BoxType.MVHD) instanceof MovieHeaderBox m ? m.timescale() : 0;
        int k = 0;
        for (Box trak : moov.children(BoxType.TRAK)) {
            TrackInfo t = TrackInfo.of((ContainerBox) trak, movieTimescale, "moov/trak[" + ++k + "]");
            tracks.add(t);
            TrackExtendsBox defaults = null;
            if (moov.child(BoxType.MVEX) instanceof ContainerBox mvex) {
                for (Box b : mvex.children(BoxType.TREX)) {
                    if (b instanceof TrackExtendsBox x && x.trackId() == t.trackId()) {
                        defaults = x;
                    }
                }
            }
            trex.add(defaults != null ? defaults : TrackExtendsBox.of(t.trackId()));
        }
        if (tracks.isEmpty()) {
            throw new Mp4Exception("moov", null, "has no trak", -1, "ISO/IEC 14496-12:2022 §8.2.1");
        }
    }

    /** The tracks of the init segment, in trak order. */
    public List<TrackInfo> tracks() {
        return List.copyOf(tracks);
    }

    /**
     * Reads every sample of the fragments in {@code segment} (from its position to its limit; the
     * position does not move), in moof, traf and trun order. Boxes other than moof (styp, sidx,
     * prft, emsg, mdat, free) are stepped over.
     *
     * @param fileOffset the position of the segment's first byte in the file or stream (for
     *     {@link Mp4Sample#offset()}, error offsets and base_data_offset)
     */
    public List<Mp4Sample> readSegment(ByteBuffer segment, long fileOffset) {
        ByteBuffer in = segment.slice();
        List<Mp4Sample> out = new ArrayList<>();
        int moofIndex = 0;
        for (TopLevel box : TopLevel.scan(in, fileOffset, limits)) {
            if (box.header().type().equals(BoxType.MOOF)) {
                ContainerBox moof = (ContainerBox) box.parse(in, limits);
                readMoof(moof, in, (int) (box.header().offset() - fileOffset), fileOffset, "moof[" + ++moofIndex + "]", out);
            }
        }
        return out;
    }

    /** All samples of a fragmented file in one buffer (moov, then moof/mdat pairs). */
    public static List<Mp4Sample> readFile(ByteBuffer file, Mp4Limits limits) {
        return new FragmentedMp4Reader(file, limits).readSegment(file, 0);
    }

    private void readMoof(ContainerBox moof, ByteBuffer in, int moofStart, long fileOffset, String path, List<Mp4Sample> out) {
        long previousEnd = moofStart;
        int trafIndex = 0;
        for (Box b : moof.children(BoxType.TRAF)) {
            String trafPath = path + "/traf[" + ++trafIndex + "]";
            ContainerBox traf = (ContainerBox) b;
            if (!(traf.child(BoxType.TFHD) instanceof TrackFragmentHeaderBox tfhd)) {
                throw new Mp4Exception(trafPath + "/tfhd", null, "missing or of an unknown version", fileOffset + moofStart,
                        "ISO/IEC 14496-12:2022 §8.8.6");
            }
            int t = trackIndex(tfhd.trackId(), trafPath, fileOffset + moofStart);
            TrackInfo track = tracks.get(t);
            TrackExtendsBox defaults = trex.get(t);
            if (traf.child(BoxType.TFDT) instanceof TrackFragmentBaseMediaDecodeTimeBox tfdt) {
                nextDecodeTime[t] = tfdt.baseMediaDecodeTime();
            }
            long base;
            if ((tfhd.flags() & TrackFragmentHeaderBox.BASE_DATA_OFFSET_PRESENT) != 0) {
                base = tfhd.baseDataOffset() - fileOffset;
            } else if ((tfhd.flags() & TrackFragmentHeaderBox.DEFAULT_BASE_IS_MOOF) != 0 || trafIndex == 1) {
                base = moofStart;
            } else {
                base = previousEnd;
            }
            long dataPosition = base;
            long defaultDuration = (tfhd.flags() & TrackFragmentHeaderBox.DEFAULT_SAMPLE_DURATION_PRESENT) != 0
                    ? tfhd.defaultSampleDuration() : defaults.defaultSampleDuration();
            long defaultSize = (tfhd.flags() & TrackFragmentHeaderBox.DEFAULT_SAMPLE_SIZE_PRESENT) != 0
                    ? tfhd.defaultSampleSize() : defaults.defaultSampleSize();
            int defaultFlags = (tfhd.flags() & TrackFragmentHeaderBox.DEFAULT_SAMPLE_FLAGS_PRESENT) != 0
                    ? tfhd.defaultSampleFlags() : defaults.defaultSampleFlags();
            long samplesInTraf = 0;
            int trunIndex = 0;
            for (Box r : traf.children(BoxType.TRUN)) {
                String trunPath = trafPath + "/trun[" + ++trunIndex + "]";
                if (!(r instanceof TrackRunBox trun)) {
                    throw new Mp4Exception(trunPath, null, "of an unknown version", fileOffset + moofStart, TrackRunBox.SPEC);
                }
                samplesInTraf += trun.sampleCount();
                if (samplesInTraf > limits.maxSamplesPerFragment()) {
                    throw Mp4Exception.limit(trafPath, "sample_count", "maxSamplesPerFragment", limits.maxSamplesPerFragment(),
                            samplesInTraf, fileOffset + moofStart);
                }
                if ((trun.flags() & TrackRunBox.DATA_OFFSET_PRESENT) != 0) {
                    dataPosition = base + trun.dataOffset();
                }
                int[] durations = trun.sampleDuration();
                int[] sizes = trun.sampleSize();
                int[] flags = trun.sampleFlags();
                int[] offsets = trun.sampleCompositionTimeOffset();
                for (int i = 0; i < trun.sampleCount(); i++) {
                    long duration = durations.length > 0 ? durations[i] & 0xFFFF_FFFFL : defaultDuration;
                    long size = sizes.length > 0 ? sizes[i] & 0xFFFF_FFFFL : defaultSize;
                    int sampleFlags = i == 0 && (trun.flags() & TrackRunBox.FIRST_SAMPLE_FLAGS_PRESENT) != 0
                            ? trun.firstSampleFlags() : flags.length > 0 ? flags[i] : defaultFlags;
                    long cto = offsets.length == 0 ? 0 : trun.version() == 1 ? offsets[i] : offsets[i] & 0xFFFF_FFFFL;
                    if (dataPosition < 0 || dataPosition + size > in.limit()) {
                        throw new Mp4Exception(trunPath, "data_offset", "sample " + (i + 1) + " of " + size + " bytes at segment offset "
                                + dataPosition + " lies outside the segment (" + in.limit() + " bytes)", fileOffset + moofStart,
                                TrackRunBox.SPEC);
                    }
                    long dts = nextDecodeTime[t];
                    out.add(new Mp4Sample(track.trackId(), dts + track.timeOffset(), dts + cto + track.timeOffset(), duration,
                            (int) size, !SampleFlags.isNonSync(sampleFlags), fileOffset + dataPosition,
                            in.slice((int) dataPosition, (int) size).asReadOnlyBuffer()));
                    nextDecodeTime[t] = dts + duration;
                    dataPosition += size;
                }
            }
            previousEnd = dataPosition;
        }
    }

    private int trackIndex(long trackId, String path, long offset) {
        for (int i = 0; i < tracks.size(); i++) {
            if (tracks.get(i).trackId() == trackId) {
                return i;
            }
        }
        throw new Mp4Exception(path + "/tfhd", "track_ID", trackId + " is not a track of the init segment", offset,
                "ISO/IEC 14496-12:2022 §8.8.7");
    }
}
