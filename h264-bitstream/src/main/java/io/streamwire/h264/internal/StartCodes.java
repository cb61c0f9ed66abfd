package io.streamwire.h264.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Finds start code prefixes {@code 00 00 01} in Annex B byte streams (ITU-T H.264 (08/2021) §B.2).
 * Reads eight bytes at a time and looks at single bytes only around zero bytes.
 *
 * <p>Stateless and thread-safe.
 */
public final class StartCodes {
    private static final VarHandle ARRAY_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BUFFER_LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private StartCodes() {}

    /** The absolute index {@code j} of the first {@code 00 00 01} lying wholly in {@code buf[from, to)}, or -1. */
    public static int find(ByteBuffer buf, int from, int to) {
        if (buf.hasArray()) {
            int base = buf.arrayOffset();
            int r = find(buf.array(), base + from, base + to);
            return r < 0 ? -1 : r - base;
        }
        return findPair(buf, from, to, 1);
    }

    /** {@link #find(ByteBuffer, int, int)} over an array. */
    public static int find(byte[] a, int from, int to) {
        return findPair(a, from, to, 1);
    }

    /**
     * The absolute index of the first {@code 00 00 third} in {@code a[from, to)}, or -1. Loads eight
     * bytes at a time, advancing by seven, and looks closer only where two adjacent bytes may both
     * be zero (the zero-byte test is exact for the lowest zero byte of a word, so nothing is missed;
     * false candidates above it are checked and skipped).
     */
    public static int findPair(byte[] a, int from, int to, int third) {
        return findPair(a, from, to, third, third);
    }

    /** The first {@code 00 00 x} with {@code lo <= x <= hi} in {@code a[from, to)}, or -1. */
    public static int findPair(byte[] a, int from, int to, int lo, int hi) {
        int i = from;
        while (i + 8 <= to) {
            long w = (long) ARRAY_LONG.get(a, i);
            long z = (w - ONES) & ~w & HIGHS;
            long pairs = z & (z >>> 8);
            if (pairs == 0) {
                i += 7;
                continue;
            }
            int j = i + (Long.numberOfTrailingZeros(pairs) >>> 3);
            if (j + 2 < to && a[j] == 0 && a[j + 1] == 0 && (a[j + 2] & 0xFF) >= lo && (a[j + 2] & 0xFF) <= hi) {
                return j;
            }
            i = j + 1;
        }
        for (; i + 2 < to; i++) {
            if (a[i] == 0 && a[i + 1] == 0 && (a[i + 2] & 0xFF) >= lo && (a[i + 2] & 0xFF) <= hi) {
                return i;
            }
        }
        return -1;
    }

    /** {@link #findPair(byte[], int, int, int)} over any buffer, with absolute indices. */
    public static int findPair(ByteBuffer buf, int from, int to, int third) {
        return findPair(buf, from, to, third, third);
    }

    /** {@link #findPair(byte[], int, int, int, int)} over any buffer, with absolute indices. */
    public static int findPair(ByteBuffer buf, int from, int to, int lo, int hi) {
        if (buf.hasArray()) {
            int base = buf.arrayOffset();
            int r = findPair(buf.array(), base + from, base + to, lo, hi);
            return r < 0 ? -1 : r - base;
        }
        int i = from;
        while (i + 8 <= to) {
            long w = (long) BUFFER_LONG.get(buf, i);
            long z = (w - ONES) & ~w & HIGHS;
            long pairs = z & (z >>> 8);
            if (pairs == 0) {
                i += 7;
                continue;
            }
            int j = i + (Long.numberOfTrailingZeros(pairs) >>> 3);
            if (j + 2 < to && buf.get(j) == 0 && buf.get(j + 1) == 0 && (buf.get(j + 2) & 0xFF) >= lo && (buf.get(j + 2) & 0xFF) <= hi) {
                return j;
            }
            i = j + 1;
        }
        for (; i + 2 < to; i++) {
            if (buf.get(i) == 0 && buf.get(i + 1) == 0 && (buf.get(i + 2) & 0xFF) >= lo && (buf.get(i + 2) & 0xFF) <= hi) {
                return i;
            }
        }
        return -1;
    }
}
