package io.streamwire.examples.origin;

import java.nio.ByteBuffer;

/**
 * One held sample per track, until the next sample of the track gives its duration (the decode-time
 * difference, ISO/IEC 14496-12:2022 §8.6.1.2): what both the CMAF cutter and the MP4 recording need,
 * as FLV carries no sample durations. A held sample is copied into a per-track buffer that grows to
 * the largest sample seen; {@link #releaseAll} places what is still held, in arrival order, with its
 * track's previous duration.
 *
 * <p>Not thread-safe: its owner is used from one thread at a time.
 *
 * @param <E> what the sink may throw
 */
final class SampleHold<E extends Exception> {
    /** Where a sample goes once its duration is known. */
    interface Sink<E extends Exception> {
        void accept(int track, ByteBuffer payload, long dts, int compositionOffset, long duration, boolean sync) throws E;
    }

    private final Sink<E> sink;
    private final byte[][] held;
    private final int[] length;
    private final long[] dts;
    private final int[] cto;
    private final boolean[] sync;
    private final boolean[] holding;
    private final long[] order;
    private final long[] lastDuration;
    private long arrivals;

    /** @param defaultDurations per track, the duration of a sample that has neither successor nor predecessor */
    SampleHold(long[] defaultDurations, int initialBytes, Sink<E> sink) {
        int n = defaultDurations.length;
        this.sink = sink;
        held = new byte[n][initialBytes];
        length = new int[n];
        dts = new long[n];
        cto = new int[n];
        sync = new boolean[n];
        holding = new boolean[n];
        order = new long[n];
        lastDuration = defaultDurations.clone();
    }

    /**
     * Holds the next sample of {@code track} (payload from its position to its limit, not moved),
     * releasing the one held before it; false when dropped: its decode time is before the held one's.
     */
    boolean add(int track, ByteBuffer payload, long decodeTime, int compositionOffset, boolean syncSample) throws E {
        if (holding[track] && decodeTime < dts[track]) {
            return false;
        }
        if (holding[track]) {
            release(track, decodeTime - dts[track]);
        }
        int size = payload.remaining();
        if (held[track].length < size) {
            held[track] = new byte[Math.max(size, held[track].length * 2)];
        }
        payload.get(payload.position(), held[track], 0, size);
        length[track] = size;
        dts[track] = decodeTime;
        cto[track] = compositionOffset;
        sync[track] = syncSample;
        order[track] = arrivals++;
        holding[track] = true;
        return true;
    }

    private void release(int track, long duration) throws E {
        holding[track] = false;
        if (duration > 0) {
            lastDuration[track] = duration;
        }
        sink.accept(track, ByteBuffer.wrap(held[track], 0, length[track]), dts[track], cto[track], duration, sync[track]);
    }

    /** Places every held sample, in arrival order, with its track's previous sample duration. */
    void releaseAll() throws E {
        for (;;) {
            int next = -1;
            for (int t = 0; t < holding.length; t++) {
                if (holding[t] && (next < 0 || order[t] < order[next])) {
                    next = t;
                }
            }
            if (next < 0) {
                return;
            }
            release(next, lastDuration[next]);
        }
    }

    /** Bytes of the samples held now. */
    long heldBytes() {
        long n = 0;
        for (int t = 0; t < holding.length; t++) {
            n += holding[t] ? length[t] : 0;
        }
        return n;
    }

    /** Whether {@code track} holds a sample. */
    boolean holding(int track) {
        return holding[track];
    }
}
