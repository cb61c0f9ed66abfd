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
     * bytes at a time (thirty-two per step while no zero byte shows up), advancing by eight, and looks
     * closer only where two adjacent bytes may both be zero or a word ends in a zero byte (the
     * zero-byte test has no false negatives, so nothing is missed; false candidates are checked and
     * skipped).
     */
    public static int findPair(byte[] a, int from, int to, int third) {
        return findPair(a, from, to, third, third);
    }

    /** The first {@code 00 00 x} with {@code lo <= x <= hi} in {@code a[from, to)}, or -1. */
    public static int findPair(byte[] a, int from, int to, int lo, int hi) {
        int i = from;
        while (true) {
            i = skipZeroFree(a, i, to);
            if (i + 8 > to) {
                break;
            }
            long c = candidates((long) ARRAY_LONG.get(a, i));
            if (c == 0) {
                i += 8;
                continue;
            }
            int j = i + (Long.numberOfTrailingZeros(c) >>> 3);
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

    /**
     * The first index from {@code i} of a 32-byte block that holds a zero byte, or where fewer than
     * 32 bytes remain: four words per step, tested together with the cheap zero-byte test (no false
     * negatives), so zero-free data costs a few instructions per word.
     */
    private static int skipZeroFree(byte[] a, int i, int to) {
        while (i + 32 <= to) {
            long w0 = (long) ARRAY_LONG.get(a, i);
            long w1 = (long) ARRAY_LONG.get(a, i + 8);
            long w2 = (long) ARRAY_LONG.get(a, i + 16);
            long w3 = (long) ARRAY_LONG.get(a, i + 24);
            long t = ((w0 - ONES) & ~w0) | ((w1 - ONES) & ~w1) | ((w2 - ONES) & ~w2) | ((w3 - ONES) & ~w3);
            if ((t & HIGHS) != 0) {
                return i;
            }
            i += 32;
        }
        return i;
    }

    /**
     * High bits marking the bytes of little-endian word {@code w} that may start a {@code 00 00}
     * pair: both bytes zero inside the word, or the last byte zero (a pair straddling into the next
     * word). The zero-byte test has no false negatives (false positives above the lowest zero byte
     * are checked byte by byte by the caller), so no pair is missed when advancing by eight.
     */
    private static long candidates(long w) {
        long z = (w - ONES) & ~w & HIGHS;
        return z & ((z >>> 8) | 0x8000000000000000L);
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
            long c = candidates((long) BUFFER_LONG.get(buf, i));
            if (c == 0) {
                i += 8;
                continue;
            }
            int j = i + (Long.numberOfTrailingZeros(c) >>> 3);
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
