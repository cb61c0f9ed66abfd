package io.streamwire.examples.origin;

import io.streamwire.mp4.BoxType;
import io.streamwire.mp4.CmafTrack;
import io.streamwire.mp4.FragmentWriter;
import io.streamwire.mp4.Mp4Limits;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts one init segment's samples into CMAF segments (ISO/IEC 23000-19:2020 §7.3.3) made of LL-HLS
 * parts (RFC 8216bis-16 §4.4.4.9), each part one {@code moof} + {@code mdat} written by the mp4
 * module's {@link FragmentWriter}, the first part of a segment starting with {@code styp}; a
 * segment's bytes are its parts' bytes joined.
 *
 * <p>The cut rules are {@link HlsPackager}'s, decided on the reference track (video, else audio):
 * a segment ends before a sync sample once 80% of the target duration has passed, or before any
 * sample that would take it more than 0.45 s past the target (then the next segment does not start
 * with a sync sample: a stream whose keyframes are further apart than that cannot be cut otherwise;
 * its first part is not INDEPENDENT); a part ends before a sample that would take it past the part
 * target. When the reference track is audio (an audio-only publish), every sample is a sync sample, so
 * a segment ends before the sample that would take it past the target duration: segments are the
 * target within one frame (1 s of 20 ms Opus packets is 50 packets) instead of 80% of it. Samples
 * of the other track go into the part being built when their duration is known.
 * (The mp4 module's {@code CmafSegmenter} cuts at the first sync sample at or past its target, has no
 * forced cut and restarts mfhd numbering when it is replaced at a new init segment: hence this class.)
 *
 * <p>A sample's duration is the decode-time difference to the next sample of its track, so each
 * track holds one sample (copied) until the next arrives; {@link #flush()} gives held samples the
 * duration of their track's previous sample. Parts are numbered (mfhd sequence_number) from the
 * number given, so that numbering goes on across init segments.
 *
 * <p>Not thread-safe: the owning packager's lock guards it.
 */
final class CmafCutter {
    /** Receives each finished part. */
    interface Listener {
        /**
         * @param bytes [styp] moof mdat
         * @param independent every track's first sample in it is a sync sample (INDEPENDENT=YES)
         * @param startTicks the decode time of its first reference-track sample
         * @param durationTicks the sum of its reference-track sample durations (reference timescale)
         * @param endsSegment whether it is the last part of its segment
         */
        void onPart(byte[] bytes, boolean independent, long startTicks, long durationTicks, boolean endsSegment);
    }

    private final FragmentWriter part;
    private final Listener listener;
    private final int ref;
    private final long[] timescales;
    private final long segmentMin;
    private final long segmentTarget;
    private final boolean audioRef;
    private final long segmentMax;
    private final long partMax;
    private long sequence;
    private boolean started;
    private long segmentStart;
    private long partStart;
    private boolean partStartsSegment = true;
    private final SampleHold<RuntimeException> hold;

    /**
     * @param tracks the tracks of the init segment
     * @param ref the index of the track that decides the cuts
     * @param targetSeconds EXT-X-TARGETDURATION
     * @param partSeconds PART-TARGET, 0 for no parts (a part is then a whole segment)
     * @param defaultDurations per track, the duration of a sample that has no successor and no predecessor
     * @param firstSequence the mfhd sequence_number of the first part
     */
    CmafCutter(List<CmafTrack> tracks, int ref, long targetSeconds, double partSeconds, long[] defaultDurations,
            long firstSequence, Listener listener) {
        this.part = new FragmentWriter(tracks, Mp4Limits.defaults());
        this.listener = listener;
        this.ref = ref;
        this.timescales = tracks.stream().mapToLong(CmafTrack::timescale).toArray();
        long ts = timescales[ref];
        this.segmentMin = targetSeconds * ts * 8 / 10;
        this.segmentTarget = targetSeconds * ts;
        this.audioRef = BoxType.SOUN.equals(tracks.get(ref).handlerType());
        this.segmentMax = targetSeconds * ts + ts * 45 / 100;
        this.partMax = Math.round(partSeconds * ts);
        this.sequence = firstSequence;
        this.hold = new SampleHold<>(Arrays.copyOf(defaultDurations, tracks.size()), 1024, this::place);
    }

    /**
     * Adds the next sample of {@code track} (payload from its position to its limit, not moved).
     *
     * @return false when the sample was dropped: its decode time is before its track's previous one
     */
    boolean add(int track, ByteBuffer payload, long dts, int compositionOffset, boolean sync) {
        return dts >= 0 && hold.add(track, payload, dts, compositionOffset, sync);
    }

    private void place(int track, ByteBuffer payload, long dts, int compositionOffset, long duration, boolean sync) {
        if (track == ref) {
            cutBefore(dts, duration, sync);
        }
        part.addSample(track, payload, dts, compositionOffset, duration, sync);
    }

    private void cutBefore(long dts, long duration, boolean sync) {
        if (!started) {
            started = true;
            segmentStart = dts;
            partStart = dts;
            return;
        }
        long elapsed = dts - segmentStart;
        boolean cut = audioRef ? elapsed + duration > segmentTarget && elapsed > 0
                : (sync && elapsed >= segmentMin) || elapsed + duration > segmentMax;
        if (cut) {
            emit(true);
            segmentStart = dts;
            partStart = dts;
        } else if (partMax > 0 && dts > partStart && dts - partStart + duration > partMax && part.sampleCount(ref) > 0) {
            emit(false);
            partStart = dts;
        }
    }

    private void emit(boolean endsSegment) {
        if (part.isEmpty()) {
            return;
        }
        long duration;
        if (part.sampleCount(ref) > 0) {
            duration = part.duration(ref);
        } else {
            duration = 0;
            for (int t = 0; t < timescales.length; t++) {
                duration = Math.max(duration, part.duration(t) * timescales[ref] / timescales[t]);
            }
        }
        boolean styp = partStartsSegment;
        boolean independent = part.independent();
        byte[] bytes = new byte[(int) part.encodedSize(styp)];
        part.write(ByteBuffer.wrap(bytes), sequence++, styp); // clears the part
        long start = partStart;
        partStartsSegment = endsSegment;
        listener.onPart(bytes, independent, start, duration, endsSegment);
    }

    /** Places the held samples (in arrival order) and ends the segment in progress. */
    void flush() {
        hold.releaseAll();
        emit(true);
        started = false;
    }

    /** Whether no sample has been placed or held since the last segment ended. */
    boolean isEmpty() {
        for (int t = 0; t < timescales.length; t++) {
            if (hold.holding(t)) {
                return false;
            }
        }
        return part.isEmpty();
    }

    /** Bytes held in the part being built (sample payloads). */
    long pendingBytes() {
        return hold.heldBytes() + (part.isEmpty() ? 0 : part.encodedSize(false));
    }

    /** The mfhd sequence_number the next part will get. */
    long nextSequence() {
        return sequence;
    }
}
