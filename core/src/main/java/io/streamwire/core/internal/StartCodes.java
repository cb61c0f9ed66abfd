package io.streamwire.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Finds start code prefixes {@code 00 00 01} in Annex B byte streams (ITU-T H.264 (08/2021) §B.2, ITU-T H.265 (09/2023) §B.2; one search for both).
 * Over arrays it filters 64 bytes per step on 16-bit lanes and looks at single bytes only around
 * the lanes that fire; over other buffers, eight bytes at a time.
 *
 * <p>Stateless and thread-safe.
 */
public final class StartCodes {
    private static final VarHandle ARRAY_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BUFFER_LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    /** Keeps a lane's low byte and bits 2-6 of its high byte: zero for high bytes 0-3 and 0x80-0x83. */
    private static final long LANE_MASK = 0x7CFF_7CFF_7CFF_7CFFL;
    /**
     * Keeps a lane's low byte and bits 1-6 of its high byte: zero for high bytes 0, 1, 0x80 and 0x81.
     * Used when the third byte sought is at most 1 (start codes), so that emulation prevention
     * ({@code 00 00 03}) and {@code 00 00 02} do not fire the filter.
     */
    private static final long LANE_MASK_01 = 0x7EFF_7EFF_7EFF_7EFFL;
    private static final long LANE_ONES = 0x0001_0001_0001_0001L;
    private static final long LANE_HIGHS = 0x8000_8000_8000_8000L;
    private static final long LANE_LOWS = 0x7FFF_7FFF_7FFF_7FFFL;

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
     * The first {@code 00 00 x} with {@code lo <= x <= hi} in {@code a[from, to)}, or -1;
     * {@code 0 <= lo <= hi <= 3} (start codes, {@code 00 00 00}, emulation prevention).
     *
     * <p>Reads 16-bit little-endian lanes: a pattern starting at an even distance {@code 2k} from
     * the word makes lane {@code k} zero; one starting at {@code 2k - 1} makes lane {@code k} equal
     * to {@code x << 8}. So every pattern leaves a lane whose low byte is zero and whose high byte
     * is at most 3, so lane {@code & 0x7CFF == 0}: an AND and a subtraction per word ({@link #lanes}),
     * no false negatives, 64 bytes (eight plain loads) per branch. When {@code hi <= 1} (start
     * codes) the mask is {@code 0x7EFF}, which lets high bytes 0 and 1 through but not 2 and 3, so
     * emulation prevention does not fire the filter (on the 720p benchmark stream, one block in 94
     * fires instead of one in 79). That test fires on about one 64-byte block in ninety of
     * compressed video;
     * the lanes of a firing block are then taken exactly and each is confirmed byte by byte
     * ({@link #inWord}). The previous filter (each word OR-ed with the word one byte on) needed two
     * loads per word and ran at 34-49 % of a long-word scan under JMH.
     */
    public static int findPair(byte[] a, int from, int to, int lo, int hi) {
        if (lo < 0 || hi > 3 || lo > hi) {
            throw new IllegalArgumentException("third byte range " + lo + ".." + hi + " is not within 0..3");
        }
        // a lane must be tested for high bytes 0 (the even-distance case) and lo..hi
        long mask = hi <= 1 ? LANE_MASK_01 : LANE_MASK;
        int i = from;
        int last = to - 64;
        while ((i = nextBlock(a, i, last, mask)) <= last) {
            for (int w = i; w < i + 64; w += 8) {
                int j = inWord(a, w, from, to, lo, hi, mask);
                if (j >= 0) {
                    return j;
                }
            }
            i += 64;
        }
        // fewer than 64 bytes left: the same test a word at a time, then bytes
        for (; i + 8 <= to; i += 8) {
            int j = inWord(a, i, from, to, lo, hi, mask);
            if (j >= 0) {
                return j;
            }
        }
        for (int j = Math.max(i - 1, from); j + 2 < to; j++) {
            if (a[j] == 0 && a[j + 1] == 0 && (a[j + 2] & 0xFF) >= lo && (a[j + 2] & 0xFF) <= hi) {
                return j;
            }
        }
        return -1;
    }

    /**
     * The start of the first 64-byte block from {@code i} (in steps of 64, up to {@code last}) with a
     * lane that may mark a pattern, or a value past {@code last}. Kept apart from the confirmation so
     * that the loop C2 compiles holds no inner loop.
     */
    private static int nextBlock(byte[] a, int i, int last, long mask) {
        for (; i <= last; i += 64) {
            long t = lanes((long) ARRAY_LONG.get(a, i), mask) | lanes((long) ARRAY_LONG.get(a, i + 8), mask)
                    | lanes((long) ARRAY_LONG.get(a, i + 16), mask) | lanes((long) ARRAY_LONG.get(a, i + 24), mask)
                    | lanes((long) ARRAY_LONG.get(a, i + 32), mask) | lanes((long) ARRAY_LONG.get(a, i + 40), mask)
                    | lanes((long) ARRAY_LONG.get(a, i + 48), mask) | lanes((long) ARRAY_LONG.get(a, i + 56), mask);
            if ((t & LANE_HIGHS) != 0) {
                return i;
            }
        }
        return i;
    }

    /**
     * Zero-lane test on {@code m = w & mask} ({@code 0x7CFF..} or {@code 0x7EFF..}) before the final AND with the lane high bits (the
     * caller does it once). The mask clears each lane's top bit, so {@code m - 0x0001..} sets a
     * lane's top bit only where the lane is zero or a borrow comes from a zero lane below it: the
     * usual {@code & ~m} is not needed. The price is that high bytes 0x80-0x83 (0x80-0x81) fire too
     * (eight lane values in 65,536 instead of four), which the exact test in {@link #inWord} drops.
     */
    private static long lanes(long w, long mask) {
        return (w & mask) - LANE_ONES;
    }

    /**
     * The first pattern (as in {@link #findPair(byte[], int, int, int, int)}) at or after
     * {@code max(from, w - 1)} that the lanes of the word at {@code w} mark, or -1. Lanes are taken
     * exactly (no false positives) and in order, so the first confirmed is the first there is.
     */
    private static int inWord(byte[] a, int w, int from, int to, int lo, int hi, long mask) {
        long m = (long) ARRAY_LONG.get(a, w) & mask;
        if (((m - LANE_ONES) & LANE_HIGHS) == 0) {
            return -1; // most words of a firing block
        }
        long z = ~(((m & LANE_LOWS) + LANE_LOWS) | m | LANE_LOWS); // high bit of each zero lane
        while (z != 0) {
            int p = w + (Long.numberOfTrailingZeros(z) >>> 3 & ~1); // a[p] == 0
            int x = a[p + 1] & 0xFF;
            if (p - 1 >= from && a[p - 1] == 0 && x >= lo && x <= hi) {
                return p - 1; // 00 | 00 x
            }
            if (x == 0 && p + 2 < to) {
                int y = a[p + 2] & 0xFF;
                if (y >= lo && y <= hi) {
                    return p; // 00 00 | x
                }
            }
            z &= z - 1;
        }
        return -1;
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
