package io.streamwire.mp4;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Cuts timed access units into CMAF segments (ISO/IEC 23000-19:2020 §7.3.3) made of CMAF chunks,
 * which are LL-HLS parts (RFC 8216bis-16 §4.4.4.9): each part is one {@code moof} + {@code mdat}
 * written by a {@link FragmentWriter}, and a segment is the concatenation of its parts (the first
 * one starting with {@code styp} when {@link SegmentTargets#styp()}).
 *
 * <p>Cut rules, decided on the samples of the reference track ({@link SegmentTargets#referenceTrack()}):
 * <ul>
 *   <li>a new segment starts at the first sync sample whose decode time is at or past the segment
 *       start plus the segment target (segments start with an IDR/IRAP picture);</li>
 *   <li>a new part starts before a sample that would take the part past the part target (so parts
 *       are at most the target, or one sample when a sample is longer);</li>
 *   <li>a part is independent ({@code INDEPENDENT=YES}) exactly when every track's first sample in it
 *       is a sync sample; audio-only parts always are.</li>
 * </ul>
 * Samples of other tracks go into the part being built when they arrive.
 *
 * <p>Pull model, sans-IO: {@link #addSample} may finish a part; then {@link #hasPart()} is true, the
 * {@code part*} accessors describe the oldest finished part and {@link #writePart} puts its bytes
 * into the caller's buffer. {@link #flush()} finishes the last part at the end of the stream. A
 * sample's duration may be given, or {@link #NEXT_SAMPLE} to take it from the next sample of the
 * same track (decode time difference; the payload is copied and held until then). Buffers grow with
 * the largest part and are reused: the steady path allocates nothing per sample or part.
 *
 * <pre>{@code
 * CmafSegmenter segmenter = new CmafSegmenter(tracks, SegmentTargets.of(Duration.ofSeconds(2),
 *         Duration.ofMillis(200)), Mp4Limits.defaults());
 * segmenter.addSample(0, sample, dts, (int) (pts - dts), CmafSegmenter.NEXT_SAMPLE, keyframe);
 * while (segmenter.hasPart()) {
 *     boolean independent = segmenter.partIndependent();
 *     int length = segmenter.writePart(out);
 * }
 * }</pre>
 *
 * <p>Not thread-safe: keep it on one connection or event loop.
 *
 * @since 0.2.0
 */
public final class CmafSegmenter {
    /** Duration argument: take the sample's duration from the next sample of its track. */
    public static final long NEXT_SAMPLE = -1;
    /** Finished parts waiting plus the one being built; a flush can finish two at once. */
    private static final int SLOTS = 4;

    private final Mp4Limits limits;
    private final int ref;
    private final long refTimescale;
    private final long[] timescales;
    private final long segmentTicks;
    private final long partTicks;
    private final boolean styp;
    private final FragmentWriter[] slots = new FragmentWriter[SLOTS];
    private final boolean[] slotStartsSegment = new boolean[SLOTS];
    private final long[] slotSequence = new long[SLOTS];
    private final long[] slotDecodeTime = new long[SLOTS];
    private int head;
    private int ready;
    private long nextSequence = 1;
    private boolean started;
    private long segmentStart;
    private long partStart;
    private boolean ended;
    // samples held for NEXT_SAMPLE timing, per track
    private final byte[][] held;
    private final ByteBuffer[] heldView;
    private final int[] heldLength;
    private final long[] heldDecodeTime;
    private final int[] heldOffset;
    private final boolean[] heldSync;
    private final boolean[] holding;
    private final long[] heldOrder;
    private final long[] lastDuration;
    private long arrivals;

    /**
     * @param tracks the tracks, in the order of their index in {@link #addSample}
     * @param targets segment and part targets, reference track
     * @param limits per part: {@link Mp4Limits#maxSamplesPerFragment()} samples per track,
     *     {@link Mp4Limits#maxBoxSize()} bytes of mdat (and of a held sample)
     * @throws IllegalArgumentException when the reference track is not one of {@code tracks}
     */
    public CmafSegmenter(List<CmafTrack> tracks, SegmentTargets targets, Mp4Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        int n = tracks.size();
        int r = targets.referenceTrack();
        if (r == -1) {
            r = 0;
            for (int i = n - 1; i >= 0; i--) {
                r = tracks.get(i).handlerType().equals(BoxType.VIDE) ? i : r;
            }
        }
        if (r >= n) {
            throw new IllegalArgumentException("reference track " + r + " of " + n + " tracks");
        }
        ref = r;
        timescales = tracks.stream().mapToLong(CmafTrack::timescale).toArray();
        refTimescale = timescales[ref];
        segmentTicks = SegmentTargets.ticks(targets.segmentTarget(), refTimescale);
        partTicks = targets.partTarget().isZero() ? Long.MAX_VALUE : SegmentTargets.ticks(targets.partTarget(), refTimescale);
        styp = targets.styp();
        for (int i = 0; i < SLOTS; i++) {
            slots[i] = new FragmentWriter(tracks, limits);
        }
        held = new byte[n][256];
        heldView = new ByteBuffer[n];
        for (int t = 0; t < n; t++) {
            heldView[t] = ByteBuffer.wrap(held[t]);
        }
        heldLength = new int[n];
        heldDecodeTime = new long[n];
        heldOffset = new int[n];
        heldSync = new boolean[n];
        holding = new boolean[n];
        heldOrder = new long[n];
        lastDuration = new long[n];
    }

    /** The index of the track whose samples decide the cuts; part durations are in its timescale. */
    public int referenceTrack() {
        return ref;
    }

    /**
     * Adds the next sample of {@code track} (decode order within the track). Reads {@code payload}
     * from its position to its limit without moving either.
     *
     * @param decodeTime decoding time in the track's timescale, not below the track's previous one
     * @param compositionOffset composition minus decoding time, signed
     * @param duration the duration in the track's timescale, 0..2^32-1, or {@link #NEXT_SAMPLE}
     * @param sync whether the sample is a sync sample (IDR/IRAP; every AAC or Opus frame)
     * @throws IllegalStateException after {@link #flush()}, or when two finished parts still wait
     *     for {@link #writePart} and this sample would finish a third
     * @throws IllegalArgumentException for a decode time before the held sample's of the track
     * @throws io.streamwire.core.LimitExceededException past the {@link Mp4Limits} of a part
     */
    public void addSample(int track, ByteBuffer payload, long decodeTime, int compositionOffset, long duration, boolean sync) {
        if (ended) {
            throw new IllegalStateException("addSample after flush");
        }
        if (duration < NEXT_SAMPLE || duration > 0xFFFF_FFFFL || decodeTime < 0) {
            throw new IllegalArgumentException("duration 0..2^32-1 or NEXT_SAMPLE, decodeTime >= 0: " + duration + ", " + decodeTime);
        }
        if (holding[track]) {
            long d = decodeTime - heldDecodeTime[track];
            if (d < 0 || d > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("track " + track + " decode time " + decodeTime + " before the held sample's "
                        + heldDecodeTime[track]);
            }
            releaseHeld(track, d);
        }
        if (duration != NEXT_SAMPLE) {
            place(track, payload, decodeTime, compositionOffset, duration, sync);
            return;
        }
        int size = payload.remaining();
        if (size > limits.maxBoxSize()) {
            throw Mp4Exception.limit("mdat", "size", "maxBoxSize", limits.maxBoxSize(), size, -1);
        }
        if (size > held[track].length) {
            held[track] = Arrays.copyOf(held[track], (int) Math.min(limits.maxBoxSize(), Math.max(size, 2L * held[track].length)));
            heldView[track] = ByteBuffer.wrap(held[track]);
        }
        payload.get(payload.position(), held[track], 0, size);
        heldLength[track] = size;
        heldDecodeTime[track] = decodeTime;
        heldOffset[track] = compositionOffset;
        heldSync[track] = sync;
        heldOrder[track] = arrivals++;
        holding[track] = true;
    }

    private void releaseHeld(int track, long duration) {
        holding[track] = false;
        ByteBuffer view = heldView[track];
        view.limit(heldLength[track]).position(0);
        place(track, view, heldDecodeTime[track], heldOffset[track], duration,
                heldSync[track]);
    }

    private void place(int track, ByteBuffer payload, long decodeTime, int compositionOffset, long duration, boolean sync) {
        int building = (head + ready) % SLOTS;
        if (track == ref) {
            if (!started) {
                started = true;
                segmentStart = decodeTime;
                partStart = decodeTime;
                slotStartsSegment[building] = true;
                slotDecodeTime[building] = decodeTime;
            } else {
                boolean newSegment = sync && decodeTime - segmentStart >= segmentTicks;
                boolean newPart = decodeTime + duration - partStart > partTicks && slots[building].sampleCount(ref) > 0;
                if (newSegment || newPart) {
                    building = finishPart();
                    slotStartsSegment[building] = newSegment;
                    slotDecodeTime[building] = decodeTime;
                    segmentStart = newSegment ? decodeTime : segmentStart;
                    partStart = decodeTime;
                }
            }
        } else if (slots[building].isEmpty() && !started) {
            slotStartsSegment[building] = true;
            slotDecodeTime[building] = -1;
        }
        slots[building].addSample(track, payload, decodeTime, compositionOffset, duration, sync);
        lastDuration[track] = duration;
    }

    /** Moves the part being built to the finished ones; returns the new building slot. */
    private int finishPart() {
        int building = (head + ready) % SLOTS;
        if (ready == SLOTS - 2 && !ended || ready == SLOTS - 1) {
            throw new IllegalStateException("finished parts wait for writePart: " + ready);
        }
        slotSequence[building] = nextSequence++;
        ready++;
        return (building + 1) % SLOTS;
    }

    /**
     * Ends the stream: held samples take the duration of the previous sample of their track (0 when
     * there is none) and the last part is finished. Later calls do nothing.
     *
     * @throws IllegalStateException when two finished parts still wait for {@link #writePart}
     */
    public void flush() {
        if (ended) {
            return;
        }
        if (ready >= SLOTS - 2) {
            throw new IllegalStateException("finished parts wait for writePart: " + ready);
        }
        ended = true;
        for (;;) {
            int next = -1;
            for (int t = 0; t < holding.length; t++) {
                if (holding[t] && (next < 0 || heldOrder[t] < heldOrder[next])) {
                    next = t;
                }
            }
            if (next < 0) {
                break;
            }
            releaseHeld(next, lastDuration[next]);
        }
        if (!slots[(head + ready) % SLOTS].isEmpty()) {
            finishPart();
        }
    }

    /** Whether a finished part waits for {@link #writePart}. */
    public boolean hasPart() {
        return ready > 0;
    }

    private FragmentWriter part() {
        if (ready == 0) {
            throw new IllegalStateException("no finished part");
        }
        return slots[head];
    }

    /** The finished part's mfhd sequence number: 1 for the first part, then one more per part. */
    public long partSequenceNumber() {
        part();
        return slotSequence[head];
    }

    /** Whether the finished part starts a segment (its first part; styp first when configured). */
    public boolean partStartsSegment() {
        part();
        return slotStartsSegment[head];
    }

    /** Whether every track's first sample in the finished part is a sync sample (LL-HLS INDEPENDENT=YES). */
    public boolean partIndependent() {
        return part().independent();
    }

    /** The decode time of the finished part's first reference-track sample, or -1 when it has none. */
    public long partDecodeTime() {
        FragmentWriter p = part();
        return p.sampleCount(ref) > 0 ? slotDecodeTime[head] : -1;
    }

    /**
     * The finished part's duration in the reference track's timescale: the sum of its reference
     * samples' durations (when it has none: its longest track's, converted, rounded down).
     */
    public long partDuration() {
        FragmentWriter p = part();
        if (p.sampleCount(ref) > 0) {
            return p.duration(ref);
        }
        long longest = 0;
        for (int t = 0; t < timescales.length; t++) {
            longest = Math.max(longest, p.duration(t) * refTimescale / timescales[t]);
        }
        return longest;
    }

    /** The finished part's duration in seconds (for EXTINF and EXT-X-PART DURATION). */
    public double partSeconds() {
        return partDuration() / (double) refTimescale;
    }

    /** Bytes {@link #writePart} puts down for the finished part. */
    public int partSize() {
        return (int) part().encodedSize(styp && slotStartsSegment[head]);
    }

    /**
     * Writes the oldest finished part ([styp] moof mdat) at the position of {@code out}, moves the
     * position past it and drops the part.
     *
     * @return bytes written
     * @throws java.nio.BufferOverflowException when {@code out} has fewer than {@link #partSize()}
     *     bytes left (nothing is written and the part stays)
     * @throws IllegalStateException when no part is finished
     */
    public int writePart(ByteBuffer out) {
        FragmentWriter p = part();
        int n = p.write(out, slotSequence[head], styp && slotStartsSegment[head]);
        slotStartsSegment[head] = false;
        head = (head + 1) % SLOTS;
        ready--;
        return n;
    }
}
