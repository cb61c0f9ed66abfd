package io.streamwire.examples.origin;

/**
 * Frames per second measured from video decode timestamps (milliseconds), for a stream whose SPS VUI
 * or AV1 sequence header has no timing information: (frames - 1) / (last - first).
 *
 * <p>Not thread-safe: one per packager.
 */
final class FrameRate {
    private long frames;
    private long firstMs;
    private long lastMs;

    /** A video frame decoded at {@code ms}. */
    void frame(long ms) {
        if (frames++ == 0) {
            firstMs = ms;
        }
        lastMs = Math.max(lastMs, ms);
    }

    /** The measured rate rounded to 3 decimals, 0 before two frames with different times. */
    double measured() {
        if (frames < 2 || lastMs <= firstMs) {
            return 0;
        }
        return Math.round((frames - 1) * 1_000_000.0 / (lastMs - firstMs)) / 1000.0;
    }

    void reset() {
        frames = 0;
        firstMs = 0;
        lastMs = 0;
    }
}
