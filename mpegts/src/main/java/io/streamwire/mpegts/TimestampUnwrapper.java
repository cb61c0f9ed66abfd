package io.streamwire.mpegts;

/**
 * Turns 33-bit PTS/DTS (and PCR bases) into a monotonic 64-bit timeline: ISO/IEC 13818-1:2019
 * §2.4.3.7 (PTS/DTS wrap every 2^33 / 90 kHz ≈ 26.5 h).
 *
 * <p>Each value is placed within ±2^32 ticks of the previous reference, so a wrap forwards (…, 2^33−1,
 * 0, …) adds 2^33, and a value slightly before the reference (a B-frame PTS before the DTS that
 * wrapped) stays in the earlier epoch. {@link #discontinuity()} (discontinuity_indicator) places the
 * next value in the current epoch without inferring a wrap from the jump.
 *
 * <p>Not thread-safe, keep it on one connection or event loop.
 *
 * @since 0.1.0
 */
public final class TimestampUnwrapper {
    /** 2^33. */
    public static final long WRAP = 1L << 33;
    private static final long MASK = WRAP - 1;
    private long last;
    private boolean anchored;
    private boolean discontinuity;

    /** An unwrapper without a reference: the first value is taken as it is. */
    public TimestampUnwrapper() {}

    /**
     * Unwraps {@code raw} (the low 33 bits are used) and makes it the new reference.
     *
     * @return the 64-bit value
     */
    public long unwrap(long raw) {
        long v = place(raw & MASK);
        last = v;
        anchored = true;
        discontinuity = false;
        return v;
    }

    /** Unwraps {@code raw} against the current reference without changing it (for a PTS beside its DTS). */
    public long peek(long raw) {
        return place(raw & MASK);
    }

    /** The next value starts a new timebase in the current epoch (discontinuity_indicator). */
    public void discontinuity() {
        discontinuity = true;
    }

    /** Forgets the reference. */
    public void reset() {
        anchored = false;
        discontinuity = false;
        last = 0;
    }

    private long place(long raw) {
        if (!anchored) {
            return raw;
        }
        if (discontinuity) {
            return (last & ~MASK) + raw;
        }
        long delta = ((raw - last) << 31) >> 31;
        return last + delta;
    }
}
