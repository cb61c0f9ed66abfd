package io.streamwire.h264;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Bit reader over the RBSP of one NAL unit: ITU-T H.264 (08/2021) §7.2 descriptors u(n), ue(v),
 * se(v) (§9.1), more_rbsp_data() and rbsp_trailing_bits() (§7.3.2.11). Emulation prevention bytes
 * (the {@code 0x03} of {@code 0x000003}, §7.4.1) are skipped on the fly, so the reader works on the
 * escaped NAL payload as it sits in the stream and never copies it.
 *
 * <p>Every read names its syntax element; a failure raises {@link H264Exception} whose field is
 * {@code "<structure> <element>"} (e.g. {@code "sps log2_max_frame_num_minus4"}) and whose offset is
 * the stream offset of the byte holding the offending bit. Exp-Golomb codes with more than 31
 * leading zero bits are rejected (§9.1: no syntax element needs more).
 *
 * <p>Not thread-safe: one reader per parse, on one thread. It reads the buffer with absolute gets
 * and never changes its position or limit.
 *
 * @since 0.1.0
 */
public final class RbspReader implements BitSource {
    private static final VarHandle ARRAY_LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private ByteBuffer buf;
    private int start;
    private int end;
    private long baseOffset;
    private final String structure;
    private final String specRef;
    private boolean escaped = true;
    private byte[] array;
    private int arrayBase;
    private int pos;
    private int zeros;
    private long cache;
    private int cacheBits;
    /** RBSP bytes moved into the cache so far: bits read = 8 * loaded - cacheBits. */
    private long loaded;
    private long stopBit = -1;

    /**
     * A reader over {@code buf[from, to)}, escaped RBSP bytes (the NAL unit after its header).
     *
     * @param baseOffset the stream offset of {@code buf[from]}, used in error offsets
     * @param structure the structure name put in front of each field in errors, e.g. {@code "sps"}
     * @param specRef the spec section named in errors
     */
    public RbspReader(ByteBuffer buf, int from, int to, long baseOffset, String structure, String specRef) {
        if (from < 0 || to < from || to > buf.limit()) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") outside the buffer's limit " + buf.limit());
        }
        this.buf = buf;
        this.start = from;
        this.end = to;
        this.pos = from;
        this.baseOffset = baseOffset;
        this.structure = structure;
        this.specRef = specRef;
        this.array = buf.hasArray() ? buf.array() : null;
        this.arrayBase = buf.hasArray() ? buf.arrayOffset() : 0;
    }

    /**
     * A reader over {@code buf[from, to)} holding RBSP bytes already free of emulation prevention
     * (e.g. an SEI payload): every 0x03 is data.
     */
    public static RbspReader unescaped(ByteBuffer buf, int from, int to, long baseOffset, String structure, String specRef) {
        RbspReader r = new RbspReader(buf, from, to, baseOffset, structure, specRef);
        r.escaped = false;
        return r;
    }

    /** Restarts this reader over another range, keeping its structure name: allocation-free reuse. */
    void reset(ByteBuffer buf, int from, int to, long baseOffset) {
        this.buf = buf;
        this.start = from;
        this.end = to;
        this.pos = from;
        this.baseOffset = baseOffset;
        this.array = buf.hasArray() ? buf.array() : null;
        this.arrayBase = buf.hasArray() ? buf.arrayOffset() : 0;
        this.zeros = 0;
        this.cache = 0;
        this.cacheBits = 0;
        this.loaded = 0;
        this.stopBit = -1;
    }

    /** A reader over the remaining bytes of {@code buf}, with offsets counted from its position. */
    public static RbspReader of(ByteBuffer buf, String structure, String specRef) {
        return new RbspReader(buf, buf.position(), buf.limit(), 0, structure, specRef);
    }

    private void fill() {
        if (array != null) {
            fillFromArray();
            return;
        }
        while (cacheBits <= 56 && pos < end) {
            int b = buf.get(pos++) & 0xFF;
            if (zeros >= 2 && b == 3 && escaped) {
                zeros = 0;
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            cache |= (long) b << (56 - cacheBits);
            cacheBits += 8;
            loaded++;
        }
    }

    /** {@link #fill()} over the backing array, with the state in locals. */
    private void fillFromArray() {
        byte[] a = array;
        int base = arrayBase;
        int p = pos;
        int z = zeros;
        long c = cache;
        int bits = cacheBits;
        final int e = end;
        int n = 0;
        if (z == 0 && p + 8 <= e) {
            // fast path: eight bytes without a zero byte hold no emulation prevention byte and do not
            // start a zero run, so the whole bytes that fit the cache are taken with one load.
            long w = (long) ARRAY_LONG_BE.get(a, base + p);
            if (((w - ONES) & ~w & HIGHS) == 0) {
                int k = (64 - bits) >>> 3;
                c |= (w >>> (64 - 8 * k)) << (64 - bits - 8 * k);
                pos = p + k;
                cache = c;
                cacheBits = bits + 8 * k;
                loaded += k;
                return;
            }
        }
        while (bits <= 56 && p < e) {
            int b = a[base + p++] & 0xFF;
            if (z >= 2 && b == 3 && escaped) {
                z = 0;
                continue;
            }
            z = b == 0 ? z + 1 : 0;
            c |= (long) b << (56 - bits);
            bits += 8;
            n++;
        }
        loaded += n;
        pos = p;
        zeros = z;
        cache = c;
        cacheBits = bits;
    }

    /** Reads u(n), 1 &le; n &le; 32, as an unsigned value. */
    public long readBitsLong(int n, String field) {
        if (n < 1 || n > 32) {
            throw new IllegalArgumentException("bit count " + n + " outside 1..32");
        }
        if (cacheBits < n) {
            fill();
            if (cacheBits < n) {
                throw truncated(field);
            }
        }
        long v = cache >>> (64 - n);
        cache <<= n;
        cacheBits -= n;
        return v;
    }

    /** Reads u(n), 1 &le; n &le; 31. */
    public int u(int n, String field) {
        if (n < 1 || n > 31 || cacheBits < n) {
            return uSlow(n, field);
        }
        long c = cache;
        cache = c << n;
        cacheBits -= n;
        return (int) (c >>> (64 - n));
    }

    private int uSlow(int n, String field) {
        if (n > 31) {
            throw new IllegalArgumentException("u(" + n + ") does not fit an int: use readBitsLong");
        }
        return (int) readBitsLong(n, field);
    }

    /** Reads u(1) as a flag. */
    @Override
    public boolean flag(String field) {
        long c = cache;
        if (cacheBits == 0) {
            return readBitsLong(1, field) != 0;
        }
        cache = c << 1;
        cacheBits--;
        return c < 0;
    }

    /** Reads u(1) as 0 or 1. */
    public int bit(String field) {
        return flag(field) ? 1 : 0;
    }

    /** Reads ue(v) over its full range 0..2^32-2. */
    public long ueLong(String field) {
        if (cacheBits < 32) {
            fill();
        }
        // common case: the whole code (at most 31 bits) is in the cache
        long c = cache;
        int lz = Long.numberOfLeadingZeros(c);
        int len = 2 * lz + 1;
        if (lz >= 16 || len > cacheBits) {
            return ueSlow(field);
        }
        cache = c << len;
        cacheBits -= len;
        return (c >>> (64 - len)) - 1;
    }

    private long ueSlow(String field) {
        if (cacheBits == 0) {
            throw truncated(field);
        }
        int lz = Long.numberOfLeadingZeros(cache);
        if (lz >= cacheBits) {
            if (cacheBits >= 32) {
                throw error(field, "exp-Golomb code has more than 31 leading zero bits");
            }
            throw truncated(field);
        }
        if (lz > 31) {
            throw error(field, "exp-Golomb code has " + lz + " leading zero bits (at most 31)");
        }
        cache <<= lz;
        cacheBits -= lz;
        return readBitsLong(lz + 1, field) - 1;
    }

    /** Reads ue(v) and requires it to fit an int. */
    public int ue(String field) {
        long v = ueLong(field);
        if (v > Integer.MAX_VALUE) {
            throw error(field, v + " out of range (expected: 0.." + Integer.MAX_VALUE + ")");
        }
        return (int) v;
    }

    /** Reads ue(v) and requires {@code 0 <= value <= max}. */
    public int ue(String field, int max) {
        int p0 = pos;
        int cached0 = cacheBits;
        long v = ueLong(field);
        if (v > max) {
            throw outOfRange(field, v, 0, max, p0, cached0);
        }
        return (int) v;
    }

    /** An out-of-range error at the offset() a read had before it started. */
    private H264Exception outOfRange(String field, long v, int min, int max, int p0, int cached0) {
        long at = baseOffset + (p0 - start) - (cached0 >>> 3);
        return new H264Exception(structure + " " + field, v + " out of range (expected: " + min + ".." + max + ")", at, specRef);
    }

    /** Reads se(v) (§9.1.1); values past the int range are rejected. */
    public int se(String field) {
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
        int p0 = pos;
        int cached0 = cacheBits;
        int v = se(field);
        if (v < min || v > max) {
            throw outOfRange(field, v, min, max, p0, cached0);
        }
        return v;
    }

    /** Requires {@code min <= value <= max} for a value already read. */
    public int check(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw error(field, value + " out of range (expected: " + min + ".." + max + ")");
        }
        return value;
    }

    /** Bits consumed so far, counted in RBSP bits (emulation prevention bytes excluded). */
    public long bitsRead() {
        return loaded * 8 - cacheBits;
    }

    /** True when the next bit starts a byte. */
    public boolean byteAligned() {
        return (cacheBits & 7) == 0; // loaded counts whole bytes
    }

    /**
     * more_rbsp_data() (§7.2): true while bits remain before the rbsp_stop_one_bit, the last
     * 1 bit of the RBSP (trailing zero bytes, e.g. cabac_zero_words, are ignored).
     */
    public boolean moreRbspData() {
        if (stopBit < 0) {
            stopBit = findStopBit();
        }
        return bitsRead() < stopBit;
    }

    private long findStopBit() {
        long rbspBytes = 0;
        long lastNonZeroIndex = -1;
        int lastNonZero = 0;
        int z = 0;
        for (int i = start; i < end; i++) {
            int b = buf.get(i) & 0xFF;
            if (z >= 2 && b == 3 && escaped) {
                z = 0;
                continue;
            }
            z = b == 0 ? z + 1 : 0;
            if (b != 0) {
                lastNonZeroIndex = rbspBytes;
                lastNonZero = b;
            }
            rbspBytes++;
        }
        if (lastNonZeroIndex < 0) {
            return 0;
        }
        return lastNonZeroIndex * 8 + 7 - Integer.numberOfTrailingZeros(lastNonZero);
    }

    /** Reads rbsp_trailing_bits(): the stop bit 1, then 0 bits up to the byte boundary. */
    public void rbspTrailingBits() {
        if (!flag("rbsp_stop_one_bit")) {
            throw error("rbsp_stop_one_bit", "is 0 (expected: 1)");
        }
        while (!byteAligned()) {
            if (flag("rbsp_alignment_zero_bit")) {
                throw error("rbsp_alignment_zero_bit", "is 1 (expected: 0)");
            }
        }
    }

    /** Skips to the next byte boundary (e.g. before SEI payload bytes). */
    public void alignToByte(String field) {
        while (!byteAligned()) {
            readBitsLong(1, field);
        }
    }

    /** RBSP bytes left to read from the next byte boundary (counting emulation bytes removed). */
    public int remainingBytesAligned() {
        // bytes in the cache are already unescaped; the rest may still contain 0x03s.
        int unescapedLeft = 0;
        int z = zeros;
        for (int i = pos; i < end; i++) {
            int b = buf.get(i) & 0xFF;
            if (z >= 2 && b == 3 && escaped) {
                z = 0;
                continue;
            }
            z = b == 0 ? z + 1 : 0;
            unescapedLeft++;
        }
        return (cacheBits >>> 3) + unescapedLeft;
    }

    /** Stream offset of the byte that holds the next bit. */
    public long offset() {
        return baseOffset + (pos - start) - (cacheBits >>> 3);
    }

    /** An error at the current position naming {@code "<structure> <field>"}. */
    public H264Exception error(String field, String problem) {
        return new H264Exception(structure + " " + field, problem, offset(), specRef);
    }

    private H264Exception truncated(String field) {
        return new TruncatedInputException(structure + " " + field, "runs past the end of the NAL unit", offset(), specRef);
    }
}
