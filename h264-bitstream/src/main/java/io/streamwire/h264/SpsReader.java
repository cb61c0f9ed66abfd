package io.streamwire.h264;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Bit reader for one sequence parameter set: seq_parameter_set_data() of ITU-T H.264 (08/2021)
 * §7.3.2.1.1 with its scaling_list(), vui_parameters() and hrd_parameters() (Annex E). The escaped
 * RBSP is copied once (an SPS is 10 to 40 bytes) with its emulation prevention bytes (§7.4.1)
 * removed in place, into an array with sixteen bytes of zero padding. Reads then work on a 64-bit
 * cache whose refill is one big-endian long load and no branch on the data ({@link #refill});
 * each read is a shift or a leading-zero count plus one bounds check on the bits consumed, a few
 * instructions that C2 inlines into the large {@link Sps#read} and {@link VuiParameters#read}
 * (the general {@link RbspReader}'s refill, which tests bytes for emulation prevention as it goes,
 * is inlined at every read there and bloats them).
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
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final String STRUCTURE = "sps ";

    private final byte[] rbsp;
    /** RBSP length in bits. */
    private final int limit;
    private final ByteBuffer escaped;
    private final int from;
    private final int to;
    private final long baseOffset;
    /** The next bits, left-aligned; bits past {@link #bits} are zero or equal to the data. */
    private long cache;
    /** Valid bits in {@link #cache}, 0..63. */
    private int bits;
    /** Index in {@link #rbsp} of the next byte to load. */
    private int next;

    /**
     * A reader over the escaped RBSP {@code nal[from, to)}.
     *
     * @param baseOffset the stream offset of {@code nal[from]}, used in error offsets
     */
    SpsReader(ByteBuffer nal, int from, int to, long baseOffset) {
        int n = to - from;
        byte[] copy = new byte[n + 16];
        if (nal.hasArray()) {
            System.arraycopy(nal.array(), nal.arrayOffset() + from, copy, 0, n);
        } else {
            nal.get(from, copy, 0, n);
        }
        n = removeEmulationPrevention(copy, n);
        this.rbsp = copy;
        this.limit = n * 8;
        this.escaped = nal;
        this.from = from;
        this.to = to;
        this.baseOffset = baseOffset;
    }

    /**
     * Removes the emulation prevention bytes of {@code b[0, n)} in place, zeroing what is freed, and
     * returns the RBSP length; {@code b} has eight bytes of zeros past {@code n}. Eight bytes per step
     * (each OR-ed with the next byte, zero-byte test): only a {@code 00 00} pair stops the scan.
     */
    private static int removeEmulationPrevention(byte[] b, int n) {
        for (int i = 0; i < n; i += 8) {
            long v = (long) LONG_LE.get(b, i) | (long) LONG_LE.get(b, i + 1);
            long z = (v - ONES) & ~v & HIGHS;
            while (z != 0) {
                int j = i + (Long.numberOfTrailingZeros(z) >>> 3);
                if (j + 2 < n && b[j] == 0 && b[j + 1] == 0 && b[j + 2] == 3) {
                    return compact(b, j + 2, n);
                }
                z &= z - 1;
            }
        }
        return n;
    }

    /** Drops the emulation prevention byte at {@code ep} and any later ones from {@code b[0, n)}. */
    private static int compact(byte[] b, int ep, int n) {
        int out = ep;
        int zeros = 0;
        for (int i = ep + 1; i < n; i++) {
            byte x = b[i];
            if (x == 3 && zeros >= 2) {
                zeros = 0;
                continue;
            }
            b[out++] = x;
            zeros = x == 0 ? zeros + 1 : 0;
        }
        java.util.Arrays.fill(b, out, n, (byte) 0);
        return out;
    }

    /**
     * Tops the cache up to 56..63 valid bits without a branch (one big-endian load at the next
     * whole byte; bits past the RBSP are the zero padding). The next byte to load moves by the whole
     * bytes taken, so the valid bit count becomes {@code bits | 56}.
     */
    private void refill() {
        int b = bits;
        cache |= (long) LONG_BE.get(rbsp, next) >>> b;
        next += (63 - b) >>> 3;
        bits = b | 56;
    }

    /** RBSP bits consumed so far. */
    private int consumed() {
        return (next << 3) - bits;
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
        if (consumed() > limit) {
            throw truncated(field, consumed() - n);
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
        if (consumed() > limit) {
            throw truncated(field, consumed() - 1);
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
        long v = (c >>> (64 - len)) - 1;
        if (consumed() > limit) {
            throw truncated(field, consumed() - len);
        }
        if (v > max) {
            throw outOfRange(field, v, 0, max, consumed() - len);
        }
        return (int) v;
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
        if (consumed() > limit) {
            throw truncated(field, consumed() - len);
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
