package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * Writes CMAF fragments (ISO/IEC 23000-19:2020 §7.3.2.2) and LL-HLS parts: an optional {@code styp}
 * (ISO/IEC 14496-12:2022 §8.16.2), a {@code moof} with {@code mfhd} and one {@code traf} per track
 * that has samples ({@code tfhd} with default-base-is-moof, {@code tfdt} version 1, {@code trun}
 * version 1 with each sample's duration, size, flags and signed composition offset), then the
 * {@code mdat} with the samples, track after track.
 *
 * <p>Samples are added one at a time ({@link #addSample}); their payloads (already in the sample
 * format: length-prefixed NAL units, raw AAC, OBUs, Opus packets) are copied into an internal buffer,
 * and {@link #write} puts the fragment into the caller's buffer. Buffers grow with the samples of the
 * largest fragment and are then reused, so the steady path allocates nothing per sample. An
 * {@code emsg} or {@code prft} goes before the {@code moof}: write it with {@link Box#writeTo} first.
 *
 * <p>A part (or fragment) is <em>independent</em> ({@link #independent()}, the LL-HLS
 * {@code INDEPENDENT=YES} attribute) when each track's first sample in it is a sync sample.
 *
 * <pre>{@code
 * FragmentWriter writer = new FragmentWriter(List.of(videoTrack, audioTrack), Mp4Limits.defaults());
 * writer.addSample(0, avccSample, dts, pts - dts, 3000, keyframe);
 * writer.addSample(1, aacFrame, audioDts, 0, 1024, true);
 * boolean independent = writer.independent();
 * int written = writer.write(out, sequenceNumber++, false);  // moof + mdat at out's position
 * }</pre>
 *
 * <p>Not thread-safe: keep it on one connection or event loop.
 *
 * @since 0.2.0
 */
public final class FragmentWriter {
    /** styp for a CMAF segment (§7.3.3): major {@code msdh}, compatible {@code msdh}, {@code msix}, {@code cmfs}. */
    public static final FileTypeBox STYP = FileTypeBox.styp("msdh", 0, "msdh", "msix", "cmfs");
    private static final byte[] STYP_BYTES = STYP.toByteArray();

    private static final int TFHD_FLAGS = TrackFragmentHeaderBox.DEFAULT_BASE_IS_MOOF;
    private static final int TRUN_FLAGS = TrackRunBox.DATA_OFFSET_PRESENT | TrackRunBox.SAMPLE_DURATION_PRESENT
            | TrackRunBox.SAMPLE_SIZE_PRESENT | TrackRunBox.SAMPLE_FLAGS_PRESENT
            | TrackRunBox.SAMPLE_COMPOSITION_TIME_OFFSETS_PRESENT;

    private final long[] trackIds;
    private final Mp4Limits limits;
    private final int[] counts;
    private final long[] baseTimes;
    private final long[] durationSums;
    private final int[][] durations;
    private final int[][] sizes;
    private final int[][] flags;
    private final int[][] offsets;
    private final byte[][] data;
    private final int[] dataLengths;

    /**
     * @param tracks the tracks, in the order of their index in {@link #addSample}
     * @param limits {@link Mp4Limits#maxSamplesPerFragment()} bounds samples per track and fragment,
     *     {@link Mp4Limits#maxBoxSize()} the bytes of one fragment's mdat
     */
    public FragmentWriter(List<CmafTrack> tracks, Mp4Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        int n = tracks.size();
        if (n == 0) {
            throw new IllegalArgumentException("a fragment writer needs a track");
        }
        trackIds = new long[n];
        for (int i = 0; i < n; i++) {
            trackIds[i] = tracks.get(i).trackId();
        }
        counts = new int[n];
        baseTimes = new long[n];
        durationSums = new long[n];
        durations = new int[n][16];
        sizes = new int[n][16];
        flags = new int[n][16];
        offsets = new int[n][16];
        data = new byte[n][4096];
        dataLengths = new int[n];
    }

    /**
     * Adds a sample to the fragment being built. Reads {@code payload} from its position to its
     * limit without moving either.
     *
     * @param track the track's index in the constructor's list
     * @param decodeTime decoding time in the track's timescale; the first sample's becomes the tfdt
     * @param compositionOffset composition minus decoding time, signed (trun version 1)
     * @param duration sample duration in the track's timescale, 0..2^32-1
     * @param sync whether the sample is a sync sample (sample_depends_on 2), else non-sync (depends_on 1)
     * @throws io.streamwire.core.LimitExceededException past {@link Mp4Limits#maxSamplesPerFragment()}
     *     samples in the track, or past {@link Mp4Limits#maxBoxSize()} bytes of samples
     */
    public void addSample(int track, ByteBuffer payload, long decodeTime, int compositionOffset, long duration, boolean sync) {
        int n = counts[track];
        if (n >= limits.maxSamplesPerFragment()) {
            throw Mp4Exception.limit("moof/traf/trun", "sample_count", "maxSamplesPerFragment", limits.maxSamplesPerFragment(),
                    n + 1L, -1);
        }
        if (duration < 0 || duration > 0xFFFF_FFFFL || decodeTime < 0) {
            throw new IllegalArgumentException("duration 0..2^32-1 and decodeTime >= 0: " + duration + ", " + decodeTime);
        }
        int size = payload.remaining();
        long total = 8L + size;
        for (int len : dataLengths) {
            total += len;
        }
        if (total > limits.maxBoxSize()) {
            throw Mp4Exception.limit("mdat", "size", "maxBoxSize", limits.maxBoxSize(), total, -1);
        }
        if (n == durations[track].length) {
            int grown = (int) Math.min(limits.maxSamplesPerFragment(), 2L * n);
            durations[track] = java.util.Arrays.copyOf(durations[track], grown);
            sizes[track] = java.util.Arrays.copyOf(sizes[track], grown);
            flags[track] = java.util.Arrays.copyOf(flags[track], grown);
            offsets[track] = java.util.Arrays.copyOf(offsets[track], grown);
        }
        int used = dataLengths[track];
        if (used + size > data[track].length) {
            data[track] = java.util.Arrays.copyOf(data[track], (int) Math.min(Integer.MAX_VALUE - 8,
                    Math.max((long) used + size, 2L * data[track].length)));
        }
        payload.get(payload.position(), data[track], used, size);
        dataLengths[track] = used + size;
        if (n == 0) {
            baseTimes[track] = decodeTime;
            durationSums[track] = 0;
        }
        durations[track][n] = (int) duration;
        sizes[track][n] = size;
        flags[track][n] = sync ? SampleFlags.SYNC : SampleFlags.NON_SYNC;
        offsets[track][n] = compositionOffset;
        durationSums[track] += duration;
        counts[track] = n + 1;
    }

    /** Samples of {@code track} in the fragment being built. */
    public int sampleCount(int track) {
        return counts[track];
    }

    /** Sum of the durations of {@code track}'s samples in the fragment being built, in its timescale. */
    public long duration(int track) {
        return durationSums[track];
    }

    /** Whether the fragment holds no sample. */
    public boolean isEmpty() {
        for (int c : counts) {
            if (c > 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether every track's first sample in the fragment is a sync sample (LL-HLS INDEPENDENT=YES); false when empty. */
    public boolean independent() {
        boolean any = false;
        for (int t = 0; t < counts.length; t++) {
            if (counts[t] > 0) {
                any = true;
                if (flags[t][0] != SampleFlags.SYNC) {
                    return false;
                }
            }
        }
        return any;
    }

    /** Bytes {@link #write} will put down for the fragment being built. */
    public long encodedSize(boolean withStyp) {
        long size = (withStyp ? STYP_BYTES.length : 0) + moofSize() + 8;
        for (int len : dataLengths) {
            size += len;
        }
        return size;
    }

    private int moofSize() {
        int size = 8 + 16;
        for (int c : counts) {
            if (c > 0) {
                size += 8 + 16 + 20 + 20 + 16 * c;
            }
        }
        return size;
    }

    /**
     * Writes the fragment ([styp] moof mdat) at the position of {@code out} and starts a new,
     * empty one.
     *
     * @param sequenceNumber the mfhd sequence_number (increasing; 1 for the first fragment)
     * @param withStyp whether to put an {@link #STYP} first (at the start of a segment)
     * @return bytes written
     * @throws BufferOverflowException when {@code out} has fewer than {@link #encodedSize} bytes left (nothing is written)
     * @throws IllegalStateException when no sample was added
     */
    public int write(ByteBuffer out, long sequenceNumber, boolean withStyp) {
        if (isEmpty()) {
            throw new IllegalStateException("no sample in the fragment");
        }
        long total = encodedSize(withStyp);
        if (out.remaining() < total) {
            throw new BufferOverflowException();
        }
        if (withStyp) {
            out.put(STYP_BYTES);
        }
        int moof = moofSize();
        BigEndian.putIntRelative(out, moof);
        BigEndian.putIntRelative(out, BoxType.MOOF.value());
        BigEndian.putIntRelative(out, 16);
        BigEndian.putIntRelative(out, BoxType.MFHD.value());
        BigEndian.putIntRelative(out, 0);
        BigEndian.putIntRelative(out, (int) sequenceNumber);
        int dataOffset = moof + 8;
        for (int t = 0; t < counts.length; t++) {
            int c = counts[t];
            if (c == 0) {
                continue;
            }
            BigEndian.putIntRelative(out, 8 + 16 + 20 + 20 + 16 * c);
            BigEndian.putIntRelative(out, BoxType.TRAF.value());
            BigEndian.putIntRelative(out, 16);
            BigEndian.putIntRelative(out, BoxType.TFHD.value());
            BigEndian.putIntRelative(out, TFHD_FLAGS);
            BigEndian.putIntRelative(out, (int) trackIds[t]);
            BigEndian.putIntRelative(out, 20);
            BigEndian.putIntRelative(out, BoxType.TFDT.value());
            BigEndian.putIntRelative(out, 1 << 24);
            BigEndian.putLongRelative(out, baseTimes[t]);
            BigEndian.putIntRelative(out, 20 + 16 * c);
            BigEndian.putIntRelative(out, BoxType.TRUN.value());
            BigEndian.putIntRelative(out, 1 << 24 | TRUN_FLAGS);
            BigEndian.putIntRelative(out, c);
            BigEndian.putIntRelative(out, dataOffset);
            int[] d = durations[t];
            int[] s = sizes[t];
            int[] f = flags[t];
            int[] o = offsets[t];
            for (int i = 0; i < c; i++) {
                BigEndian.putIntRelative(out, d[i]);
                BigEndian.putIntRelative(out, s[i]);
                BigEndian.putIntRelative(out, f[i]);
                BigEndian.putIntRelative(out, o[i]);
            }
            dataOffset += dataLengths[t];
        }
        BigEndian.putIntRelative(out, dataOffset - moof);
        BigEndian.putIntRelative(out, BoxType.MDAT.value());
        for (int t = 0; t < counts.length; t++) {
            out.put(data[t], 0, dataLengths[t]);
        }
        clear();
        return (int) total;
    }

    /** Drops the samples of the fragment being built. */
    public void clear() {
        java.util.Arrays.fill(counts, 0);
        java.util.Arrays.fill(dataLengths, 0);
        java.util.Arrays.fill(durationSums, 0);
    }
}
