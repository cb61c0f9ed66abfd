package io.streamwire.benchmarks.flv;

import io.streamwire.benchmarks.Counters;
import io.streamwire.benchmarks.Main;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Experiment for issue 5 (small-tag FLV scan): does memory-level parallelism help the tag walk?
 * Interleaved best-of-N in one JVM over the 240p input of {@link FlvBenchmark}: the real
 * {@code FlvDecoder} scan, jcodec, a bare single pointer chase, K bare chains walked together from
 * resynchronised split points, and two full-scan prototypes (phase 1 walks K chains per window,
 * phase 2 delivers the tags in order: {@code touch} re-walks the now cached chain, {@code hint}
 * follows the offsets phase 1 recorded). Run with
 * {@code java -cp benchmarks/target/benchmarks.jar io.streamwire.benchmarks.flv.FlvMlpExperiment [rounds]}.
 */
public final class FlvMlpExperiment {
    private FlvMlpExperiment() {}

    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final long PLAUSIBLE_B0 = 0x0004_0300_0004_0300L;
    private static final int HEADER = 11;
    private static final int MAX_TAG = 16 * 1024 * 1024 - 1;

    private static int readInt(byte[] a, int i) {
        return (int) INT_BE.get(a, i);
    }

    /** Stand-in for the decoder's reusable FlvTag view. */
    static final class Tag {
        int reserved;
        boolean filter;
        int tagType;
        int dataSize;
        int timestamp;
        int streamId;
        long offset;
        byte[] buffer;
        int bodyIndex;
    }

    /** Same work as FlvBenchmark.Scan. */
    static final class Sink {
        long tags;
        long check;
        long anomalies;

        void onTag(Tag tag) {
            tags++;
            check += tag.timestamp + tag.dataSize + tag.tagType + (tag.dataSize > 0 ? tag.buffer[tag.bodyIndex] : 0);
        }
    }

    /** A copy of FlvDecoder.fastTags's loop (heap case), same listener work. */
    static final class Single {
        final Tag t = new Tag();
        final Sink sink = new Sink();
        long offset;

        int scan(byte[] a, int p, int lim) {
            return scanTo(a, p, lim, Integer.MAX_VALUE);
        }

        int scanTo(byte[] a, int p, int lim, int stop) {
            Tag t = this.t;
            long off = offset;
            t.buffer = a;
            while (lim - p >= HEADER + 4 & p < stop) {
                int w0 = readInt(a, p);
                int b0 = w0 >>> 24;
                int size = w0 & 0xFF_FFFF;
                int streamId = readInt(a, p + 7) & 0xFF_FFFF;
                boolean plausible = ((b0 & 0xC0) | streamId) == 0 & ((PLAUSIBLE_B0 >>> b0) & 1) != 0;
                if (!plausible | size > Math.min(MAX_TAG, lim - p - HEADER - 4)) {
                    break;
                }
                t.reserved = 0;
                t.filter = (b0 & 0x20) != 0;
                t.tagType = b0 & 0x1F;
                t.dataSize = size;
                t.timestamp = Integer.rotateRight(readInt(a, p + 4), 8);
                t.streamId = 0;
                t.offset = off;
                t.bodyIndex = p + HEADER;
                offset = off;
                sink.onTag(t);
                int expected = HEADER + size;
                int previous = readInt(a, p + expected);
                if (previous != expected) {
                    sink.anomalies++;
                }
                off += expected + 4;
                p += expected + 4;
            }
            t.buffer = null;
            offset = off;
            return p;
        }
    }

    /** Bare single chase: DataSize only. */
    static long chase(byte[] a, int p, int lim) {
        long n = 0;
        while (lim - p >= HEADER + 4) {
            p += (readInt(a, p) & 0xFF_FFFF) + HEADER + 4;
            n++;
        }
        return n;
    }

    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long LOW7 = 0x7F7F_7F7F_7F7F_7F7FL;

    /**
     * Like {@link #resync} but looks for the header's StreamID (three zero bytes) eight bytes at a
     * time, stepping six so every run of three lies inside one word.
     */
    static int resyncSwar(byte[] a, int s, int end, int lim) {
        for (int base = s + 8; base < end + 8 && base + 8 <= lim; base += 6) {
            long x = (long) LONG_BE.get(a, base);
            long z = ~(((x & LOW7) + LOW7) | x | LOW7); // 0x80 in each zero byte
            long m = z & (z << 8) & (z << 16); // byte i: bytes i..i+2 zero
            while (m != 0) {
                int i = Long.numberOfLeadingZeros(m) >>> 3;
                m &= ~(Long.MIN_VALUE >>> (i << 3));
                int q = base + i - 8;
                int w0 = readInt(a, q);
                int b0 = w0 >>> 24;
                int size = w0 & 0xFF_FFFF;
                if (((PLAUSIBLE_B0 >>> b0) & 1) == 0 | (b0 & 0xC0) != 0 | q >= end | size > lim - q - HEADER - 4) {
                    continue;
                }
                if (readInt(a, q + HEADER + size) == HEADER + size) {
                    return q;
                }
            }
        }
        return -1;
    }

    static boolean swar = true;

    /** First plausible tag at or after {@code s} (before {@code end}) whose trailer is 11 + DataSize, or -1. */
    static int resync(byte[] a, int s, int end, int lim) {
        for (int q = s; q < end; q++) {
            int w0 = readInt(a, q);
            int b0 = w0 >>> 24;
            if (((PLAUSIBLE_B0 >>> b0) & 1) == 0 | (b0 & 0xC0) != 0) {
                continue;
            }
            if ((readInt(a, q + 7) & 0xFF_FFFF) != 0) {
                continue;
            }
            int size = w0 & 0xFF_FFFF;
            if (size > lim - q - HEADER - 4) {
                continue;
            }
            if (readInt(a, q + HEADER + size) == HEADER + size) {
                return q;
            }
        }
        return -1;
    }

    /**
     * Phase 1: K chains over [p, wEnd), wEnd <= lim - 15. Records each chain's tag offsets into
     * hints (compacted in chain order); returns the count. Chains stop at the next chain's start.
     */
    static final class Walker {
        final int k;
        final int window;
        final int[] start;
        final int[] end;
        final int[] pos;
        final int[] count;
        final int cap;
        final int[] hints;
        long resyncBytes;

        Walker(int k, int window) {
            this.k = k;
            this.window = window;
            start = new int[k + 1];
            end = new int[k];
            pos = new int[k];
            count = new int[k];
            cap = window / k / 64 + 64;
            hints = new int[cap * k];
        }

        /** Sets the chain starts; false if a split point found nothing. */
        void splits(byte[] a, int p, int wEnd, int lim) {
            int seg = (wEnd - p) / k;
            start[0] = p;
            int prev = p;
            for (int c = 1; c < k; c++) {
                int s = Math.max(prev, p + c * seg);
                int q = swar ? resyncSwar(a, s, wEnd, lim) : resync(a, s, wEnd, lim);
                start[c] = q < 0 ? wEnd : q;
                prev = start[c];
            }
            start[k] = wEnd;
        }

        /** Walks all chains; touching only. Returns a checksum of final positions. */
        int touch(byte[] a, int p, int wEnd, int lim) {
            splits(a, p, wEnd, lim);
            int[] pos = this.pos;
            for (int c = 0; c < k; c++) {
                pos[c] = start[c];
                end[c] = start[c + 1];
            }
            boolean live = true;
            while (live) {
                live = false;
                for (int c = 0; c < k; c++) {
                    int q = pos[c];
                    if (q < end[c]) {
                        pos[c] = q + (readInt(a, q) & 0xFF_FFFF) + HEADER + 4;
                        live = true;
                    }
                }
            }
            int h = 0;
            for (int c = 0; c < k; c++) {
                h += pos[c];
            }
            return h;
        }

        /** Walks four chains unrolled, recording offsets; returns hint count (compacted). */
        int record4(byte[] a, int p, int wEnd, int lim) {
            splits(a, p, wEnd, lim);
            int[] h = hints;
            int c0 = cap;
            int p0 = start[0], p1 = start[1], p2 = start[2], p3 = start[3];
            int e0 = start[1], e1 = start[2], e2 = start[3], e3 = start[4];
            int n0 = 0, n1 = c0, n2 = 2 * c0, n3 = 3 * c0;
            int m0 = c0, m1 = 2 * c0, m2 = 3 * c0, m3 = 4 * c0;
            while (p0 < e0 & p1 < e1 & p2 < e2 & p3 < e3 & n0 < m0 & n1 < m1 & n2 < m2 & n3 < m3) {
                h[n0++] = p0;
                h[n1++] = p1;
                h[n2++] = p2;
                h[n3++] = p3;
                p0 += (readInt(a, p0) & 0xFF_FFFF) + HEADER + 4;
                p1 += (readInt(a, p1) & 0xFF_FFFF) + HEADER + 4;
                p2 += (readInt(a, p2) & 0xFF_FFFF) + HEADER + 4;
                p3 += (readInt(a, p3) & 0xFF_FFFF) + HEADER + 4;
            }
            while (p0 < e0 & n0 < m0) {
                h[n0++] = p0;
                p0 += (readInt(a, p0) & 0xFF_FFFF) + HEADER + 4;
            }
            while (p1 < e1 & n1 < m1) {
                h[n1++] = p1;
                p1 += (readInt(a, p1) & 0xFF_FFFF) + HEADER + 4;
            }
            while (p2 < e2 & n2 < m2) {
                h[n2++] = p2;
                p2 += (readInt(a, p2) & 0xFF_FFFF) + HEADER + 4;
            }
            while (p3 < e3 & n3 < m3) {
                h[n3++] = p3;
                p3 += (readInt(a, p3) & 0xFF_FFFF) + HEADER + 4;
            }
            // compact: chain c's records follow chain c-1's; a broken junction is caught by phase 2
            int n = n0;
            System.arraycopy(h, c0, h, n, n1 - c0);
            n += n1 - c0;
            System.arraycopy(h, 2 * c0, h, n, n2 - 2 * c0);
            n += n2 - 2 * c0;
            System.arraycopy(h, 3 * c0, h, n, n3 - 3 * c0);
            n += n3 - 3 * c0;
            return n;
        }

        /** Generic K, recording (loop over chains). */
        int record(byte[] a, int p, int wEnd, int lim) {
            splits(a, p, wEnd, lim);
            int[] h = hints;
            int[] pos = this.pos;
            int[] count = this.count;
            for (int c = 0; c < k; c++) {
                pos[c] = start[c];
                end[c] = start[c + 1];
                count[c] = c * cap;
            }
            boolean live = true;
            while (live) {
                live = false;
                for (int c = 0; c < k; c++) {
                    int q = pos[c];
                    int n = count[c];
                    if (q < end[c] & n < (c + 1) * cap) {
                        h[n] = q;
                        count[c] = n + 1;
                        pos[c] = q + (readInt(a, q) & 0xFF_FFFF) + HEADER + 4;
                        live = true;
                    }
                }
            }
            int n = count[0];
            for (int c = 1; c < k; c++) {
                int len = count[c] - c * cap;
                System.arraycopy(h, c * cap, h, n, len);
                n += len;
            }
            return n;
        }
    }

    /** Bare K-chain walk over the whole buffer in windows (no delivery). */
    static long chaseK(Walker w, byte[] a, int p, int lim) {
        long h = 0;
        while (lim - p >= w.window + HEADER + 4) {
            int wEnd = p + w.window;
            h += w.touch(a, p, wEnd, lim);
            p = w.pos[w.k - 1];
        }
        return h + chase(a, p, lim);
    }

    /** Full scan, phase 1 touch + phase 2 normal chain. */
    static final class TwoPhaseTouch {
        final Single single = new Single();
        final Walker w;

        TwoPhaseTouch(int k, int window) {
            w = new Walker(k, window);
        }

        int scan(byte[] a, int p, int lim) {
            while (lim - p >= w.window + HEADER + 4) {
                int wEnd = p + w.window;
                w.touch(a, p, wEnd, lim);
                int q = single.scanTo(a, p, lim, wEnd);
                if (q < wEnd) {
                    return q; // stopped on something: leave it to the caller
                }
                p = q;
            }
            return single.scan(a, p, lim);
        }
    }

    /** Full scan, phase 1 records offsets, phase 2 follows them. */
    static final class TwoPhaseHint {
        final Tag t = new Tag();
        final Sink sink = new Sink();
        final Single single = new Single();
        final Walker w;
        final boolean unrolled;
        long offset;
        long fallbacks;

        TwoPhaseHint(int k, int window, boolean unrolled) {
            w = new Walker(k, window);
            this.unrolled = unrolled && k == 4;
            single.offset = 0;
        }

        int scan(byte[] a, int p, int lim) {
            while (lim - p >= w.window + HEADER + 4) {
                int wEnd = p + w.window;
                int n = unrolled ? w.record4(a, p, wEnd, lim) : w.record(a, p, wEnd, lim);
                int q = deliver(a, p, lim, w.hints, n);
                if (q < 0) {
                    // mismatch or a stop: finish the window on the single chain
                    q = -q - 1;
                    fallbacks++;
                    single.offset = offset;
                    int r = single.scanTo(a, q, lim, wEnd);
                    offset = single.offset;
                    if (r < wEnd) {
                        return r;
                    }
                    q = r;
                }
                p = q;
            }
            single.offset = offset;
            int r = single.scan(a, p, lim);
            offset = single.offset;
            return r;
        }

        /** Delivers the hinted tags; returns the next position, or -(position)-1 to fall back there. */
        int deliver(byte[] a, int p, int lim, int[] hints, int n) {
            Tag t = this.t;
            long off = offset;
            t.buffer = a;
            int next = p;
            int i = 0;
            for (; i < n; i++) {
                int q = hints[i];
                if (q != next) {
                    break;
                }
                int w0 = readInt(a, q);
                int b0 = w0 >>> 24;
                int size = w0 & 0xFF_FFFF;
                int streamId = readInt(a, q + 7) & 0xFF_FFFF;
                boolean plausible = ((b0 & 0xC0) | streamId) == 0 & ((PLAUSIBLE_B0 >>> b0) & 1) != 0;
                if (!plausible | size > Math.min(MAX_TAG, lim - q - HEADER - 4)) {
                    break;
                }
                t.reserved = 0;
                t.filter = (b0 & 0x20) != 0;
                t.tagType = b0 & 0x1F;
                t.dataSize = size;
                t.timestamp = Integer.rotateRight(readInt(a, q + 4), 8);
                t.streamId = 0;
                t.offset = off;
                t.bodyIndex = q + HEADER;
                offset = off;
                sink.onTag(t);
                int expected = HEADER + size;
                int previous = readInt(a, q + expected);
                if (previous != expected) {
                    sink.anomalies++;
                }
                off += expected + 4;
                next = q + expected + 4;
            }
            t.buffer = null;
            offset = off;
            return i == n ? next : -next - 1;
        }
    }

    /**
     * Fused: while the tags of window N are delivered (following its hints), the K chains of
     * window N+1 advance one step per delivered tag, round robin, so their misses overlap the
     * delivery work instead of adding to it.
     */
    static final class Fused {
        final Tag t = new Tag();
        final Sink sink = new Sink();
        final Single single = new Single();
        final Walker w;
        final int k;
        final int window;
        final int cap;
        int[] cur;
        int[] nxt;
        final int[] hp;
        final int[] he;
        final int[] hn;
        final int[] hm;
        long offset;
        long fallbacks;
        final int steps;

        Fused(int k, int window, int steps) {
            this.steps = steps;
            this.k = k;
            this.window = window;
            w = new Walker(k, window);
            cap = window / k / 64 + 64;
            cur = new int[cap * k];
            nxt = new int[cap * k];
            hp = new int[k];
            he = new int[k];
            hn = new int[k];
            hm = new int[k];
        }

        int scan(byte[] a, int p, int lim) {
            outer:
            while (lim - p >= 2 * window + HEADER + 4) {
                // prologue: hints of the first window, walked on their own
                int n = w.record(a, p, p + window, lim);
                System.arraycopy(w.hints, 0, cur, 0, n);
                int e = w.pos[k - 1];
                while (true) {
                    boolean ahead = lim - e >= window + HEADER + 4 && e >= p;
                    if (ahead) {
                        w.splits(a, e, e + window, lim);
                        for (int c = 0; c < k; c++) {
                            hp[c] = w.start[c];
                            he[c] = w.start[c + 1];
                            hn[c] = c * cap;
                            hm[c] = (c + 1) * cap;
                        }
                    } else {
                        for (int c = 0; c < k; c++) {
                            hp[c] = he[c] = 0;
                        }
                    }
                    int q = deliver(a, p, lim, cur, n);
                    if (q < 0) {
                        q = -q - 1;
                        fallbacks++;
                        single.offset = offset;
                        int r = single.scanTo(a, q, lim, e);
                        offset = single.offset;
                        if (r < e) {
                            return r;
                        }
                        p = r;
                        continue outer;
                    }
                    p = q;
                    if (!ahead) {
                        continue outer;
                    }
                    // finish the helper chains
                    boolean live = true;
                    while (live) {
                        live = false;
                        for (int c = 0; c < k; c++) {
                            int hq = hp[c];
                            int hc = hn[c];
                            if (hq < he[c] & hc < hm[c]) {
                                nxt[hc] = hq;
                                hn[c] = hc + 1;
                                hp[c] = hq + (readInt(a, hq) & 0xFF_FFFF) + HEADER + 4;
                                live = true;
                            }
                        }
                    }
                    n = hn[0];
                    for (int c = 1; c < k; c++) {
                        int len = hn[c] - c * cap;
                        System.arraycopy(nxt, c * cap, nxt, n, len);
                        n += len;
                    }
                    e = hp[k - 1];
                    int[] x = cur;
                    cur = nxt;
                    nxt = x;
                    if (lim - p < 2 * window + HEADER + 4) {
                        // deliver the last hinted window, then the tail
                        int r = deliver2(a, p, lim, n);
                        if (r < 0) {
                            p = -r - 1;
                        } else {
                            p = r;
                        }
                        break outer;
                    }
                }
            }
            single.offset = offset;
            int r = single.scan(a, p, lim);
            offset = single.offset;
            return r;
        }

        private int deliver2(byte[] a, int p, int lim, int n) {
            for (int c = 0; c < k; c++) {
                hp[c] = he[c] = 0;
            }
            return deliver(a, p, lim, cur, n);
        }

        int deliver(byte[] a, int p, int lim, int[] hints, int n) {
            Tag t = this.t;
            long off = offset;
            t.buffer = a;
            int next = p;
            int i = 0;
            int[] hp = this.hp;
            int[] he = this.he;
            int[] hn = this.hn;
            int[] hm = this.hm;
            int[] nx = this.nxt;
            int mask = k - 1;
            int steps = this.steps;
            for (; i < n; i++) {
                int q = hints[i];
                if (q != next) {
                    break;
                }
                // steps helper chains per delivered tag, round robin
                for (int st = 0; st < steps; st++) {
                    int c = (i * steps + st) & mask;
                    int hq = hp[c];
                    int hc = hn[c];
                    if (hq < he[c] & hc < hm[c]) {
                        nx[hc] = hq;
                        hn[c] = hc + 1;
                        hp[c] = hq + (readInt(a, hq) & 0xFF_FFFF) + HEADER + 4;
                    }
                }
                int w0 = readInt(a, q);
                int b0 = w0 >>> 24;
                int size = w0 & 0xFF_FFFF;
                int streamId = readInt(a, q + 7) & 0xFF_FFFF;
                boolean plausible = ((b0 & 0xC0) | streamId) == 0 & ((PLAUSIBLE_B0 >>> b0) & 1) != 0;
                if (!plausible | size > Math.min(MAX_TAG, lim - q - HEADER - 4)) {
                    break;
                }
                t.reserved = 0;
                t.filter = (b0 & 0x20) != 0;
                t.tagType = b0 & 0x1F;
                t.dataSize = size;
                t.timestamp = Integer.rotateRight(readInt(a, q + 4), 8);
                t.streamId = 0;
                t.offset = off;
                t.bodyIndex = q + HEADER;
                offset = off;
                sink.onTag(t);
                int expected = HEADER + size;
                int previous = readInt(a, q + expected);
                if (previous != expected) {
                    sink.anomalies++;
                }
                off += expected + 4;
                next = q + expected + 4;
            }
            t.buffer = null;
            offset = off;
            return i == n ? next : -next - 1;
        }
    }

    private interface Pass {
        long run();
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        FlvBenchmark small = new FlvBenchmark();
        small.input = "240p-200kbit";
        small.setUp();
        byte[] one = Main.fixture("flv/avc-aac-bframes.flv");
        int head = 13;
        int tagBytes = one.length - head;
        byte[] a = new byte[head + tagBytes * 100];
        System.arraycopy(one, 0, a, 0, head);
        for (int i = 0; i < 100; i++) {
            System.arraycopy(one, head, a, head + i * tagBytes, tagBytes);
        }
        int lim = a.length;
        long tags = chase(a, head, lim);
        System.out.printf(Locale.ROOT, "buffer %,d bytes, %,d tags%n", lim, tags);

        List<String> names = new ArrayList<>();
        List<Pass> passes = new ArrayList<>();
        Counters dc = new Counters();
        names.add("decoder");
        passes.add(() -> {
            dc.units = 0;
            small.flvTagScan_streamwire(dc);
            return dc.units;
        });
        names.add("jcodec");
        passes.add(() -> {
            dc.units = 0;
            try {
                small.flvTagScan_jcodec(dc);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return dc.units;
        });
        names.add("chase1");
        passes.add(() -> chase(a, head, lim));
        Single single = new Single();
        names.add("single-copy");
        passes.add(() -> {
            single.sink.tags = 0;
            single.offset = 0;
            single.scan(a, head, lim);
            return single.sink.tags;
        });
        int[] ks = {2, 4, 8};
        int[] windows = {512 << 10, 1 << 20, 2 << 20, 4 << 20};
        if (args.length > 1) {
            String[] kk = args[1].split(",");
            ks = new int[kk.length];
            for (int i = 0; i < kk.length; i++) {
                ks[i] = Integer.parseInt(kk[i]);
            }
        }
        if (args.length > 2) {
            String[] ww = args[2].split(",");
            windows = new int[ww.length];
            for (int i = 0; i < ww.length; i++) {
                windows[i] = Integer.parseInt(ww[i]) << 10;
            }
        }
        // resync cost alone: from 1,000 spread split points
        names.add("resync x1000 (units=1000)");
        passes.add(() -> {
            long h = 0;
            for (int i = 0; i < 1000; i++) {
                h += resync(a, head + (int) ((long) i * (lim - 4096) / 1000), lim - 15, lim);
            }
            blackhole = h;
            return 1000;
        });
        names.add("resyncSwar x1000 (units=1000)");
        passes.add(() -> {
            long h = 0;
            for (int i = 0; i < 1000; i++) {
                h += resyncSwar(a, head + (int) ((long) i * (lim - 4096) / 1000), lim - 15, lim);
            }
            blackhole = h;
            return 1000;
        });
        for (int i = 0; i < 1000; i++) {
            int s0 = head + (int) ((long) i * (lim - 4096) / 1000);
            if (resyncSwar(a, s0, lim - 15, lim) != resync(a, s0, lim - 15, lim)) {
                System.out.println("WARN resync differs at " + s0 + ": " + resyncSwar(a, s0, lim - 15, lim) + " vs "
                        + resync(a, s0, lim - 15, lim));
            }
        }
        // L2-resident copy (3 copies of the fixture)
        byte[] sm = new byte[head + tagBytes * 3];
        System.arraycopy(a, 0, sm, 0, sm.length);
        long smTags = chase(sm, head, sm.length);
        int[] smAll = new int[(int) smTags];
        {
            int p = head;
            for (int i = 0; i < smTags; i++) {
                smAll[i] = p;
                p += (readInt(sm, p) & 0xFF_FFFF) + HEADER + 4;
            }
        }
        Single smSingle = new Single();
        names.add("L2 single-copy");
        passes.add(() -> {
            smSingle.sink.tags = 0;
            smSingle.offset = 0;
            smSingle.scan(sm, head, sm.length);
            return smSingle.sink.tags * 0 + smTags;
        });
        names.add("L2 chase1");
        passes.add(() -> chase(sm, head, sm.length) * 1000 / smTags);
        TwoPhaseHint smIdeal = new TwoPhaseHint(2, 1 << 20, false);
        names.add("L2 phase2 ideal hints");
        passes.add(() -> {
            smIdeal.sink.tags = 0;
            smIdeal.offset = 0;
            smIdeal.deliver(sm, head, sm.length, smAll, smAll.length);
            return smIdeal.sink.tags * 0 + smTags;
        });
        // phase 2 alone with perfect hints over the whole buffer
        int[] all = new int[(int) tags];
        {
            int p = head;
            for (int i = 0; i < tags; i++) {
                all[i] = p;
                p += (readInt(a, p) & 0xFF_FFFF) + HEADER + 4;
            }
        }
        TwoPhaseHint ideal = new TwoPhaseHint(2, 1 << 20, false);
        names.add("phase2 ideal hints");
        passes.add(() -> {
            ideal.sink.tags = 0;
            ideal.offset = 0;
            ideal.deliver(a, head, lim, all, all.length);
            return ideal.sink.tags;
        });
        for (int k : ks) {
            for (int win : windows) {
                Walker w = new Walker(k, win);
                names.add("record k=" + k + " w=" + (win >> 10) + "K");
                passes.add(() -> {
                    int p = head;
                    long n = 0;
                    while (lim - p >= w.window + HEADER + 4) {
                        n += w.record(a, p, p + w.window, lim);
                        p = w.pos[w.k - 1];
                    }
                    return n + chase(a, p, lim);
                });
            }
        }
        for (int k : ks) {
            for (int win : windows) {
                Walker w = new Walker(k, win);
                names.add("chaseK k=" + k + " w=" + (win >> 10) + "K");
                passes.add(() -> {
                    chaseK(w, a, head, lim);
                    return tags;
                });
            }
        }
        for (int k : ks) {
            for (int win : windows) {
              for (int st : new int[] {1, 2, 4}) {
                if (st > k) {
                    continue;
                }
                Fused fu = new Fused(k, win, st);
                names.add("fused k=" + k + " s=" + st + " w=" + (win >> 10) + "K");
                passes.add(() -> {
                    fu.sink.tags = 0;
                    fu.single.sink.tags = 0;
                    fu.offset = 0;
                    fu.scan(a, head, lim);
                    return fu.sink.tags + fu.single.sink.tags;
                });
                fu.scan(a, head, lim);
              }
            }
        }
        for (int k : ks) {
            for (int win : windows) {
                TwoPhaseTouch tp = new TwoPhaseTouch(k, win);
                names.add("touch k=" + k + " w=" + (win >> 10) + "K");
                passes.add(() -> {
                    tp.single.sink.tags = 0;
                    tp.scan(a, head, lim);
                    return tp.single.sink.tags;
                });
            }
        }
        for (int k : ks) {
            for (int win : windows) {
                for (boolean unrolled : k == 4 ? new boolean[] {false, true} : new boolean[] {false}) {
                    TwoPhaseHint tp = new TwoPhaseHint(k, win, unrolled);
                    names.add("hint" + (unrolled ? "4u" : "") + " k=" + k + " w=" + (win >> 10) + "K");
                    passes.add(() -> {
                        tp.sink.tags = 0;
                        tp.single.sink.tags = 0;
                        tp.offset = 0;
                        tp.scan(a, head, lim);
                        return tp.sink.tags + tp.single.sink.tags;
                    });
                }
            }
        }
        // correctness of the prototypes: same tag count, same checksum
        for (int i = 0; i < passes.size(); i++) {
            long got = passes.get(i).run();
            if (got != tags && !names.get(i).startsWith("L2") && !names.get(i).startsWith("resync")) {
                System.out.printf(Locale.ROOT, "WARN %s: %d tags (expected %d)%n", names.get(i), got, tags);
            }
        }
        double[] best = new double[passes.size()];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < passes.size(); i++) {
                best[i] = Math.max(best[i], rate(passes.get(i), 3_000_000));
            }
        }
        double jcodec = best[1];
        for (int i = 0; i < passes.size(); i++) {
            System.out.printf(Locale.ROOT, "%-22s %6.1f M tags/s  %5.2fx jcodec%n", names.get(i), best[i] / 1e6,
                    best[i] / jcodec);
        }
    }

    static volatile long blackhole;

    private static double rate(Pass pass, long units) {
        long n = 0;
        long h = 0;
        long start = System.nanoTime();
        while (n < units) {
            long got = pass.run();
            n += got;
            h += got;
        }
        long ns = System.nanoTime() - start;
        blackhole = h;
        return n * 1e9 / ns;
    }
}
