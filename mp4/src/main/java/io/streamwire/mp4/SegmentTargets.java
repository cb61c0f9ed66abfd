package io.streamwire.mp4;

import java.time.Duration;
import java.util.Objects;

/**
 * Where {@link CmafSegmenter} cuts: the segment target duration (HLS {@code EXT-X-TARGETDURATION},
 * RFC 8216bis-16 §4.4.3.1; a segment ends at the first sync sample at or after it, as CMAF
 * ISO/IEC 23000-19:2020 §7.3.3 and HLS §6.2 want every segment to start with an IDR/IRAP picture)
 * and the LL-HLS part target duration ({@code EXT-X-PART-INF PART-TARGET}, RFC 8216bis-16
 * §4.4.3.7; a part holds as many samples as fit without passing it).
 *
 * @param segmentTarget the segment target duration, 1 ms..1 h
 * @param partTarget the part target duration, 1 ms..{@code segmentTarget}; {@link Duration#ZERO}
 *     for no parts (every part is a whole segment)
 * @param referenceTrack the index of the track whose samples decide the cuts; -1 for the first
 *     video track (or track 0 when there is none)
 * @param styp whether each segment's first part starts with {@link FragmentWriter#STYP}
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record SegmentTargets(Duration segmentTarget, Duration partTarget, int referenceTrack, boolean styp) {
    private static final Duration MIN = Duration.ofMillis(1);
    private static final Duration MAX = Duration.ofHours(1);

    /** Checks the components. */
    public SegmentTargets {
        Objects.requireNonNull(segmentTarget, "segmentTarget");
        Objects.requireNonNull(partTarget, "partTarget");
        if (segmentTarget.compareTo(MIN) < 0 || segmentTarget.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("segment target out of range 1 ms..1 h: " + segmentTarget);
        }
        if (!partTarget.isZero() && (partTarget.compareTo(MIN) < 0 || partTarget.compareTo(segmentTarget) > 0)) {
            throw new IllegalArgumentException("part target is 0 or 1 ms..segment target: " + partTarget);
        }
        if (referenceTrack < -1) {
            throw new IllegalArgumentException("referenceTrack is -1 or a track index: " + referenceTrack);
        }
    }

    /** Segments of {@code segmentTarget} with parts of {@code partTarget} (zero: none), cut on the first video track, with styp. */
    public static SegmentTargets of(Duration segmentTarget, Duration partTarget) {
        return new SegmentTargets(segmentTarget, partTarget, -1, true);
    }

    /** {@code d} in ticks of {@code timescale}, rounded down. */
    static long ticks(Duration d, long timescale) {
        // seconds <= 3600 and timescale < 2^32, nanos < 10^9: both products fit in a long
        return d.getSeconds() * timescale + d.getNano() * timescale / 1_000_000_000L;
    }
}
