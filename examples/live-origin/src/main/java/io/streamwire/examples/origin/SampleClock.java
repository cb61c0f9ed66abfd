package io.streamwire.examples.origin;

/**
 * Turns one track's millisecond timestamps (FLV / RTMP) into decode times in the track's timescale.
 *
 * <p>AAC frames last a fixed number of samples (1024 per frame at 44.1 kHz is 23.22 ms), but FLV
 * timestamps are rounded to whole milliseconds, so decode times taken from them alone jitter by up
 * to a millisecond and the sample durations with them (1013 or 1058 ticks instead of 1024). For AAC
 * the clock therefore counts frames: the next decode time is the previous one plus one frame while
 * that stays within 2 ms of the timestamp, and follows the timestamp otherwise (a gap, a jump, a
 * publisher whose frames are not contiguous). Other tracks (video, Opus, whose packets may last
 * 2.5-120 ms) take {@code round(ms × timescale / 1000)}.
 *
 * <p>Not thread-safe: one per track of one packager or recorder.
 */
final class SampleClock {
    private final long timescale;
    private final long frameTicks;
    private long next = -1;

    /**
     * @param timescale ticks per second
     * @param frameTicks the fixed frame duration in ticks to count frames with, or 0 to follow the timestamps
     */
    SampleClock(long timescale, long frameTicks) {
        this.timescale = timescale;
        this.frameTicks = frameTicks;
    }

    static SampleClock of(MediaTracks.Config c) {
        return new SampleClock(c.timescale(), c.codec() == FlvMedia.Codec.AAC ? c.frameTicks() : 0);
    }

    /** The decode time of a frame at {@code ms}, in ticks (negative when {@code ms} is). */
    long ticks(long ms) {
        long exact = Math.floorDiv(ms * timescale + 500, 1000);
        if (frameTicks == 0) {
            return exact;
        }
        long t = next >= 0 && Math.abs(next - exact) <= 2 * timescale / 1000 ? next : exact;
        next = t + frameTicks;
        return t;
    }

    /** Ticks of {@code ms} milliseconds, rounded. */
    long toTicks(long ms) {
        return Math.floorDiv(ms * timescale + 500, 1000);
    }
}
