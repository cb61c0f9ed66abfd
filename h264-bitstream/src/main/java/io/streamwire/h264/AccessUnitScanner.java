package io.streamwire.h264;

import java.nio.ByteBuffer;

/**
 * Allocation-free access unit iteration over a complete Annex B buffer: {@link AnnexBScanner} plus
 * {@link AccessUnitSplitter}. Each {@link #next()} exposes one access unit's absolute bounds, NAL
 * unit count and keyframe flag.
 *
 * <pre>{@code
 * AccessUnitScanner aus = new AccessUnitScanner(H264Limits.defaults()).reset(stream);
 * while (aus.next()) { if (aus.isKeyframe()) { ... stream.slice(aus.start(), aus.end() - aus.start()) ... } }
 * }</pre>
 *
 * <p>Parameter sets carry over {@link #reset} calls (a new scanner forgets them, unless it is given
 * a {@link ParameterSets} kept for the stream with {@link #AccessUnitScanner(ParameterSets, H264Limits)}:
 * then each buffer, e.g. one PES payload, may use the SPS and PPS of earlier ones).
 *
 * <p>Not thread-safe.
 *
 * @since 0.1.0
 */
public final class AccessUnitScanner {
    private final AccessUnitSplitter splitter;
    private final AnnexBScanner nals = new AnnexBScanner();
    private ByteBuffer buf;
    private int pendingStart = -1;
    private int lastEnd;
    private int start;
    private int end;
    private int count;
    private boolean keyframe;
    private boolean idr;
    private boolean done = true;

    /** A scanner with {@link H264Limits#defaults()}. */
    public AccessUnitScanner() {
        this(H264Limits.defaults());
    }

    /** A scanner with these limits. */
    public AccessUnitScanner(H264Limits limits) {
        this.splitter = new AccessUnitSplitter(limits);
    }

    /**
     * A scanner that reads and fills {@code sets}: slices may refer to the SPSs and PPSs already in
     * it, and those found in the scanned buffers are added to it.
     *
     * @param sets the stream's parameter sets, shared with the caller
     * @param limits the limits to apply
     * @since 0.1.0
     */
    public AccessUnitScanner(ParameterSets sets, H264Limits limits) {
        this.splitter = new AccessUnitSplitter(sets, limits);
    }

    /** Scans {@code stream[position, limit)} from its start. */
    public AccessUnitScanner reset(ByteBuffer stream) {
        this.buf = stream;
        nals.reset(stream);
        splitter.reset();
        pendingStart = -1;
        done = false;
        return this;
    }

    /** Moves to the next access unit; false at the end of the buffer. */
    public boolean next() {
        if (done) {
            return false;
        }
        while (nals.next()) {
            int from = nals.nalStart();
            if (splitter.push(buf, from, nals.nalEnd(), from)) {
                // this NAL unit begins the next access unit and completes the pending one
                complete(pendingStart, lastEnd);
                pendingStart = from;
                lastEnd = nals.nalEnd();
                return true;
            }
            if (pendingStart < 0) {
                pendingStart = from;
            }
            lastEnd = nals.nalEnd();
        }
        done = true;
        if (splitter.finish()) {
            complete(pendingStart, lastEnd);
            return true;
        }
        return false;
    }

    private void complete(int from, int to) {
        start = from;
        end = to;
        count = splitter.completedNalUnitCount();
        keyframe = splitter.completedIsKeyframe();
        idr = splitter.completedIsIdr();
    }

    /** Absolute index of the access unit's first NAL header byte. */
    public int start() {
        return start;
    }

    /** Absolute index just past its last NAL unit. */
    public int end() {
        return end;
    }

    /** NAL units in it. */
    public int nalUnitCount() {
        return count;
    }

    /** True if it holds an IDR slice or a recovery point SEI. */
    public boolean isKeyframe() {
        return keyframe;
    }

    /** True if it holds an IDR picture. */
    public boolean isIdr() {
        return idr;
    }

    /** The parameter sets seen so far. */
    public ParameterSets parameterSets() {
        return splitter.parameterSets();
    }
}
