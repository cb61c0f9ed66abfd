package io.streamwire.h264;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Bit reader for one sequence parameter set: seq_parameter_set_data() of ITU-T H.264 (08/2021)
 * §7.3.2.1.1 with its scaling_list(), vui_parameters() and hrd_parameters() (Annex E). The escaped
 * RBSP is copied once (an SPS is 10 to 40 bytes) without its emulation prevention bytes (§7.4.1),
 * as big-endian words followed by zero words ({@link #unescape}); {@link SpsFastPath} reads the same
 * words. Reads then work on a 64-bit cache whose refill is two word loads and no branch on the data
 * ({@link #refill}); each
 * read is a shift or a leading-zero count, a few instructions that C2 inlines into the large
 * {@link Sps#read} and {@link VuiParameters#read} (the general {@link RbspReader}'s refill, which
 * tests bytes for emulation prevention as it goes, is inlined at every read there and bloats them).
 *
 * <p>{@link Sps#parse} first tries {@link SpsFastPath}, which reads the common shapes of SPS with its
 * reader in registers; this reader takes every SPS that declines (scaling matrices, POC type 1,
 * HRD, long codes, and all errors).
 *
 * <p><b>Two passes.</b> {@link Sps#parse} then reads with a fast reader that does not compare the
 * position with the end of the RBSP at each read: past the end it reads the zero padding, and only
 * a refill (about once per seven bytes) and rbsp_trailing_bits() check the end. A fast pass that
 * succeeds read its stop bit inside the RBSP, so no read ran past the end and the result is the one
 * a checked read gives. Any failure of the fast pass (whatever it reports) is thrown away and the
 * SPS is read again by {@link #exactPass()}, which checks the end at every read like before, so
 * the error a caller sees names the first element at fault. Bad input costs two passes; good input
 * saves the position arithmetic, compare and branch at each element.
 *
 * <p>Errors carry the same fields and messages as {@link RbspReader}'s ({@code "sps <element>"},
 * ITU-T H.264 §7.3.2.1.1) and the stream offset of the escaped byte that holds the first bit of the
 * element at fault (the mapping back over removed emulation prevention bytes is only computed when
 * an error is raised). Exp-Golomb codes with more than 31 leading zero bits are rejected.
 *
 * <p>Not thread-safe: one reader per parse; it never keeps the caller's buffer after the parse.
 */
final class SpsReader implements BitSource {
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long THREES = 0x0303030303030303L;
    private static final String STRUCTURE = "sps ";

    /** The RBSP as big-endian words, then at least two zero words ({@link #unescape}). */
    private final long[] words;
    /** RBSP length in bits. */
    private final int limit;
    private final ByteBuffer escaped;
    private final int from;
    private final int to;
    private final long baseOffset;
    /**
     * False for the fast pass, which skips the per-read end check; true for the exact pass, which
     * checks the end at every read (see {@link #exactPass}).
     */
    private final boolean exact;
    /** The next bits, left-aligned; bits past {@link #bits} are zero or equal to the data. */
    private long cache;
    /** Valid bits in {@link #cache}, 0..63. */
    private int bits;
    /** Index of the next RBSP byte to load. */
    private int next;

    /**
     * A reader over the escaped RBSP {@code nal[from, to)}.
     *
     * @param baseOffset the stream offset of {@code nal[from]}, used in error offsets
     */
    static SpsReader over(ByteBuffer nal, int from, int to, long baseOffset) {
        long[] words = words(to - from);
        return new SpsReader(words, unescape(nal, from, to, words), nal, from, to, baseOffset);
    }

    /**
     * A reader over RBSP words that {@link #unescape} made from the escaped RBSP {@code nal[from, to)}.
     *
     * @param length the RBSP length in bytes
     * @param baseOffset the stream offset of {@code nal[from]}, used in error offsets
     */
    SpsReader(long[] words, int length, ByteBuffer nal, int from, int to, long baseOffset) {
        this.words = words;
        this.limit = length * 8;
        this.escaped = nal;
        this.from = from;
        this.to = to;
        this.baseOffset = baseOffset;
        this.exact = false;
    }

    private SpsReader(SpsReader fast) {
        this.words = fast.words;
        this.limit = fast.limit;
        this.escaped = fast.escaped;
        this.from = fast.from;
        this.to = fast.to;
        this.baseOffset = fast.baseOffset;
        this.exact = true;
    }

    /**
     * A reader for the exact pass over the same RBSP, from its first bit: every read checks the end
     * of the RBSP, so the first element that runs past it raises {@link TruncatedInputException} at
     * its own offset. {@link Sps#parse} uses it only after the fast pass failed.
     */
    SpsReader exactPass() {
        return new SpsReader(this);
    }

    /** A zeroed array for {@link #unescape} of an escaped RBSP of {@code escapedLength} bytes. */
    static long[] words(int escapedLength) {
        return new long[(escapedLength >>> 3) + 4];
    }

    /**
     * Removes the emulation prevention bytes (§7.4.1) from the escaped RBSP {@code nal[from, to)} and
     * packs the RBSP into {@code w} ({@link #words}) as big-endian words; returns the RBSP length in
     * bytes. At least two zero words follow the RBSP, and the bits of its last word past the end are
     * zero.
     *
     * <p>A {@code 03} is an emulation prevention byte exactly when the two bytes before it in the
     * escaped stream are {@code 00} (neither of them can be an earlier one, which is {@code 03}), so
     * eight bytes at a time: exact zero and three masks, the zero mask shifted by one and two bytes
     * (the previous word's low bytes carried in) give the emulation prevention bytes without a branch
     * per byte. A word holding one (rare) squeezes it out with shifts; the word's kept bytes are then
     * appended to the output at a byte offset. The loads read the caller's bytes where its array has
     * seven bytes to spare after the NAL unit, else a copy. A byte loop, or a zero-pair scan that
     * branches per candidate, took two to three times as long on a 26-byte SPS.
     */
    static int unescape(ByteBuffer nal, int from, int to, long[] w) {
        int n = to - from;
        byte[] src;
        int start;
        if (nal.hasArray() && nal.arrayOffset() + to <= nal.array().length - 8) {
            src = nal.array();
            start = nal.arrayOffset() + from;
        } else {
            // direct or read-only buffer, or a NAL unit at the very end of its array: the loads
            // below read up to seven bytes past the NAL unit, so copy it out first
            src = new byte[n + 8];
            nal.get(from, src, 0, n);
            start = 0;
        }
        return unescape(src, start, n, w);
    }

    /**
     * {@link #unescape(ByteBuffer, int, int, long[])} of {@code src[start, start + n)}, which has
     * seven readable bytes after it. Kept apart from the buffer handling so that the latter stays
     * small enough for C2 to inline into {@link Sps#parse}; otherwise the caller's buffer escapes
     * there (a {@code duplicate()} handed to each parse would then be allocated).
     */
    private static int unescape(byte[] src, int start, int n, long[] w) {
        long acc = 0;
        int accBytes = 0;
        int k = 0;
        int total = 0;
        long prevZeros = 0;
        for (int i = 0; i < n; i += 8) {
            long x = (long) LONG_BE.get(src, start + i);
            int kept = Math.min(8, n - i);
            if (kept < 8) {
                x &= -1L << (64 - 8 * kept); // bytes past the end read as zero, never as 03
            }
            long zeros = zeroBytes(x);
            long ep = zeroBytes(x ^ THREES) & (zeros >>> 8 | prevZeros << 56) & (zeros >>> 16 | prevZeros << 48);
            prevZeros = zeros;
            while (ep != 0) {
                // drop the least significant one first, so the ones above keep their places
                int bit = Long.numberOfTrailingZeros(ep); // bit 7 of the byte to drop
                long below = (1L << (bit - 7)) - 1;
                x = (x & (-1L << bit << 1)) | ((x & below) << 8);
                ep &= ep - 1;
                kept--;
            }
            acc |= x >>> (8 * accBytes);
            int sum = accBytes + kept;
            if (sum >= 8) {
                w[k++] = acc;
                acc = accBytes == 0 ? 0 : x << (64 - 8 * accBytes);
                sum -= 8;
            }
            accBytes = sum;
            total += kept;
        }
        if (accBytes > 0) {
            w[k] = acc;
        }
        return total;
    }

    /** 0x80 in each byte of {@code x} that is zero, else 0 (exact: no borrow crosses bytes). */
    private static long zeroBytes(long x) {
        return ~(((x & LOW7) + LOW7) | x | LOW7);
    }

    /**
     * The 64 RBSP bits from bit {@code bit} on (zeros past the RBSP): two word loads and a funnel
     * shift. {@code bit} is at most 64 bits past the RBSP, so both words are in the array.
     */
    static long bitsAt(long[] w, int bit) {
        int k = bit >>> 6;
        int sh = bit & 63;
        return w[k] << sh | w[k + 1] >>> 1 >>> (63 - sh);
    }

    /**
     * Tops the cache up to 56..63 valid bits without a branch on the data (the 64 bits from the next
     * whole byte, {@link #bitsAt}; bits past the RBSP are zero). The next byte to load moves by the
     * whole bytes taken, so the valid bit count becomes {@code bits | 56}.
     *
     * <p>The fast pass reads past the end of the RBSP unchecked (zeros), so a refill first makes sure
     * no bit past the end has been consumed yet; that keeps every load inside the zero words after
     * the RBSP, however long a bad SPS makes the parse loop, and costs one compare per refill rather
     * than one per read. The exact pass never gets here past the end.
     */
    private void refill() {
        int b = bits;
        if ((next << 3) - b > limit) {
            throw overrun();
        }
        cache |= bitsAt(words, next << 3) >>> b;
        next += (63 - b) >>> 3;
        bits = b | 56;
    }

    /** RBSP bits consumed so far. */
    private int consumed() {
        return (next << 3) - bits;
    }

    /**
     * The exact pass's end check after a read of {@code n} bits. Out of line: the fast pass only
     * tests {@link #exact} at each read.
     */
    private void checkEnd(String field, int n) {
        if (consumed() > limit) {
            throw truncated(field, consumed() - n);
        }
    }

    /** Reads u(n), 1 &le; n &le; 31. */
    int u(int n, String field) {
        return (int) readBitsLong(n, field);
    }

    /** Reads u(n), 1 &le; n &le; 32, as an unsigned value. */
    long readBitsLong(int n, String field) {
        if (bits < n) {
            refill();
        }
        long c = cache;
        cache = c << n;
        bits -= n;
        if (exact) {
            checkEnd(field, n);
        }
        return c >>> (64 - n);
    }

    /** Reads u(1) as a flag. */
    @Override
    public boolean flag(String field) {
        if (bits == 0) {
            refill();
        }
        long c = cache;
        cache = c << 1;
        bits--;
        if (exact) {
            checkEnd(field, 1);
        }
        return c < 0;
    }

    /** Reads ue(v) and requires {@code 0 <= value <= max}. */
    int ue(String field, int max) {
        if (bits < 32) {
            refill();
        }
        long c = cache;
        int lz = Long.numberOfLeadingZeros(c);
        if (lz > 15) {
            int start = consumed();
            return checkUe(field, ueLongSlow(field), max, start);
        }
        int len = 2 * lz + 1;
        cache = c << len;
        bits -= len;
        // at most 31 bits, so the value fits an int
        int v = (int) (c >>> (64 - len)) - 1;
        if (exact) {
            checkEnd(field, len);
        }
        if (v > max) {
            throw outOfRange(field, v, 0, max, consumed() - len);
        }
        return v;
    }

    /** Reads ue(v) and requires it to fit an int. */
    int ue(String field) {
        return ue(field, Integer.MAX_VALUE);
    }

    private int checkUe(String field, long v, int max, int start) {
        if (v > max) {
            throw outOfRange(field, v, 0, max, start);
        }
        return (int) v;
    }

    /** Reads ue(v) over its full range 0..2^32-2. */
    long ueLong(String field) {
        if (bits < 32) {
            refill();
        }
        long c = cache;
        int lz = Long.numberOfLeadingZeros(c);
        if (lz > 15) {
            return ueLongSlow(field);
        }
        int len = 2 * lz + 1;
        cache = c << len;
        bits -= len;
        if (exact) {
            checkEnd(field, len);
        }
        return (c >>> (64 - len)) - 1;
    }

    /** ue(v) with 16 or more leading zero bits, or an error. */
    private long ueLongSlow(String field) {
        int start = consumed();
        refill();
        int lz = Long.numberOfLeadingZeros(cache);
        if (start + lz >= limit) {
            throw truncated(field, start);
        }
        if (lz > 31) {
            throw new H264Exception(STRUCTURE + field, "exp-Golomb code has more than 31 leading zero bits", offsetOf(start), Sps.SPEC);
        }
        cache <<= lz;
        bits -= lz;
        refill();
        int n = lz + 1;
        long v = (cache >>> (64 - n)) - 1;
        cache <<= n;
        bits -= n;
        if (consumed() > limit) {
            throw truncated(field, start);
        }
        return v;
    }

    /** Reads se(v) (§9.1.1). */
    int se(String field) {
        long k = ueLong(field);
        long v = (k & 1) != 0 ? (k + 1) >> 1 : -(k >> 1);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw error(field, v + " out of the int range");
        }
        return (int) v;
    }

    /** Reads se(v) and requires {@code min <= value <= max}. */
    @Override
    public int se(String field, int min, int max) {
        int p = consumed();
        int v = se(field);
        if (v < min || v > max) {
            throw outOfRange(field, v, min, max, p);
        }
        return v;
    }

    /** Reads rbsp_trailing_bits(): the stop bit 1, then 0 bits up to the byte boundary. */
    void rbspTrailingBits() {
        if (!flag("rbsp_stop_one_bit")) {
            throw error("rbsp_stop_one_bit", "is 0 (expected: 1)");
        }
        if (!exact) {
            // the fast pass reads the alignment bits in one go and checks that no read ran past the end
            int n = -consumed() & 7;
            if ((n != 0 && readBitsLong(n, "rbsp_alignment_zero_bit") != 0) || consumed() > limit) {
                throw overrun();
            }
            return;
        }
        while ((consumed() & 7) != 0) {
            if (flag("rbsp_alignment_zero_bit")) {
                throw error("rbsp_alignment_zero_bit", "is 1 (expected: 0)");
            }
        }
    }

    /** An error at the byte holding the next bit, naming {@code "sps <field>"}. */
    H264Exception error(String field, String problem) {
        return new H264Exception(STRUCTURE + field, problem, offsetOf(consumed()), Sps.SPEC);
    }

    private H264Exception outOfRange(String field, long v, int min, int max, int p) {
        return new H264Exception(STRUCTURE + field, v + " out of range (expected: " + min + ".." + max + ")", offsetOf(p), Sps.SPEC);
    }

    /**
     * The fast pass read past the end of the RBSP or hit a bad alignment bit: {@link Sps#parse}
     * catches this and runs the exact pass, which raises the real error. Never leaves the module.
     */
    private H264Exception overrun() {
        return new H264Exception(STRUCTURE + "rbsp", "read past the end in the fast pass", -1, Sps.SPEC);
    }

    private H264Exception truncated(String field, int p) {
        return new TruncatedInputException(STRUCTURE + field, "runs past the end of the NAL unit", offsetOf(p), Sps.SPEC);
    }

    /**
     * The stream offset of the escaped byte holding RBSP bit {@code bit} (the end of the NAL unit
     * past the last RBSP byte): walks the escaped bytes again, skipping emulation prevention bytes.
     */
    private long offsetOf(int bit) {
        int target = bit >>> 3;
        int rbspIndex = 0;
        int zeros = 0;
        for (int i = from; i < to; i++) {
            int b = escaped.get(i) & 0xFF;
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            if (rbspIndex == target) {
                return baseOffset + (i - from);
            }
            zeros = b == 0 ? zeros + 1 : 0;
            rbspIndex++;
        }
        return baseOffset + (to - from);
    }
}
