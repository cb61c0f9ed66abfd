package io.streamwire.core.internal;

import io.streamwire.core.StreamwireException;
import io.streamwire.core.TruncatedInputException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The one MSB-first bit reader of Streamwire, over a byte range of a buffer: the descriptors
 * u(n), ue(v) and se(v) of ITU-T H.264/H.265 §7.2 and §9.1, and the fixed-width fields of ADTS,
 * AudioSpecificConfig, MPEG-TS and the rest. Every read names its syntax element; a malformed value
 * raises the module's exception (made by the {@link Errors} the reader was given) and running out of
 * bits raises {@link TruncatedInputException}, both with the field written
 * {@code "<structure> <element>"} and the stream offset of the byte holding the offending bit.
 *
 * <p>An {@linkplain #rbsp RBSP reader} skips emulation prevention bytes (the {@code 0x03} of
 * {@code 0x000003}, H.264 §7.4.1, H.265 §7.4.2) as it goes, so it reads an escaped NAL payload where
 * it sits and never copies it; a {@linkplain #raw raw reader} reads every byte and can be limited to
 * a number of bits, {@linkplain #seek sought} and {@linkplain #peek peeked}. Exp-Golomb codes with
 * more than 31 leading zero bits are rejected (§9.1: no syntax element needs more).
 *
 * <p>It reads the buffer with absolute gets (the backing array where there is one) and never
 * changes its position or limit. Exported to Streamwire modules only; not public API. Not
 * thread-safe: one reader per parse, on one thread.
 */
public final class BitReader {
    /** Makes the module's exception for a malformed value. */
    @FunctionalInterface
    public interface Errors {
        /**
         * @param field {@code "<structure> <element>"}
         * @param problem what is wrong, e.g. {@code "13 out of range (expected: 0..12)"}
         * @param offset stream offset of the byte holding the offending bit
         * @param specRef the reader's spec reference
         */
        StreamwireException malformed(String field, String problem, long offset, String specRef);
    }

    private static final VarHandle ARRAY_LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final String module;
    private final String structure;
    private final String specRef;
    private final Errors errors;
    private final boolean escaped;
    private ByteBuffer buf;
    private int start;
    private int end;
    private long baseOffset;
    private byte[] array;
    private int arrayBase;
    private int pos;
    private int zeros;
    /** Up to 64 not yet consumed bits, left-aligned (the next bit is bit 63). */
    private long cache;
    private int cacheBits;
    /** Bytes (after unescaping) moved into the cache so far: bits read = 8 * loaded - cacheBits. */
    private long loaded;
    /** Readable bits (raw readers), Long.MAX_VALUE when the whole range is readable. */
    private long endBit = Long.MAX_VALUE;
    private long stopBit = -1;
    /** Bits of loaded bytes past the bit limit, dropped from the cache (0 until the limit is reached). */
    private int trimmed;

    private BitReader(String module, ByteBuffer buf, int from, int to, long baseOffset, String structure,
                      String specRef, Errors errors, boolean escaped) {
        this.module = module;
        this.structure = structure;
        this.specRef = specRef;
        this.errors = errors;
        this.escaped = escaped;
        reset(buf, from, to, baseOffset);
    }

    /**
     * A reader of every bit of {@code buf[from, to)}.
     *
     * @param module the module name exceptions carry ({@link StreamwireException#module()})
     * @param baseOffset the stream offset of {@code buf[from]}, used in error offsets
     * @param structure put in front of each field in errors (e.g. {@code "adts"}), or null for none
     * @param specRef the spec section named in errors
     * @param errors makes the module's exception for malformed values
     */
    public static BitReader raw(String module, ByteBuffer buf, int from, int to, long baseOffset,
                                String structure, String specRef, Errors errors) {
        return new BitReader(module, buf, from, to, baseOffset, structure, specRef, errors, false);
    }

    /**
     * A reader of the RBSP in {@code buf[from, to)}, escaped bytes as they sit in a NAL unit after its
     * header: emulation prevention bytes are skipped. Parameters as for {@link #raw}.
     */
    public static BitReader rbsp(String module, ByteBuffer buf, int from, int to, long baseOffset,
                                 String structure, String specRef, Errors errors) {
        return new BitReader(module, buf, from, to, baseOffset, structure, specRef, errors, true);
    }

    /** Restarts this reader over another range, keeping its names and mode: allocation-free reuse. */
    public void reset(ByteBuffer buf, int from, int to, long baseOffset) {
        if (from < 0 || to < from || to > buf.limit()) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") outside the buffer's limit " + buf.limit());
        }
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
        this.endBit = Long.MAX_VALUE;
        this.trimmed = 0;
    }

    /**
     * Limits a raw reader to its first {@code bitLength} bits (e.g. an AudioSpecificConfig inside a
     * LATM StreamMuxConfig); reads past them are truncated. Call before the first read.
     */
    public BitReader limitBits(long bitLength) {
        if (escaped) {
            throw new IllegalStateException("an RBSP reader cannot be limited to a bit count");
        }
        if (bitLength < 0 || bitLength > 8L * (end - start)) {
            throw new IllegalArgumentException("bitLength " + bitLength + " for " + (end - start) + " bytes");
        }
        if (loaded != 0) {
            throw new IllegalStateException("limitBits after reading");
        }
        endBit = bitLength;
        return this;
    }

    private void fill() {
        if (endBit != Long.MAX_VALUE && loaded * 8 >= endBit) {
            return; // a limited reader loads nothing past its limit
        }
        if (array != null) {
            fillFromArray();
        } else {
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
        if (endBit != Long.MAX_VALUE && loaded * 8 > endBit) {
            // bits past the limit never stay in the cache, so reads past it run out as at the end
            int excess = (int) (loaded * 8 - endBit);
            cacheBits -= excess;
            cache = cacheBits == 0 ? 0 : cache & (-1L << (64 - cacheBits));
            trimmed = excess;
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
        if ((z == 0 || !escaped) && p + 8 <= e) {
            // eight bytes without a zero byte hold no emulation prevention byte and do not start a
            // zero run, so the whole bytes that fit the cache are taken with one load.
            long w = (long) ARRAY_LONG_BE.get(a, base + p);
            if (!escaped || ((w - ONES) & ~w & HIGHS) == 0) {
                int k = (64 - bits) >>> 3;
                if (k > 0) {
                    c |= (w >>> (64 - 8 * k)) << (64 - bits - 8 * k);
                    if (escaped) {
                        zeros = 0;
                    }
                    pos = p + k;
                    cache = c;
                    cacheBits = bits + 8 * k;
                    loaded += k;
                    return;
                }
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

    /** Reads u(n), 0 &le; n &le; 32, as an unsigned value. */
    public long readBitsLong(int n, String field) {
        if (n < 0 || n > 32) {
            throw new IllegalArgumentException("bit count " + n + " outside 0..32");
        }
        if (n == 0) {
            return 0;
        }
        if (cacheBits < n) {
            fill();
            if (cacheBits < n) {
                throw truncated(field, n);
            }
        }
        long v = cache >>> (64 - n);
        cache <<= n;
        cacheBits -= n;
        return v;
    }

    /** Reads u(n), 0 &le; n &le; 31. */
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

    /** Skips {@code n} bits (reserved or ignored fields). */
    public void skip(long n, String field) {
        while (n > 32) {
            readBitsLong(32, field);
            n -= 32;
        }
        readBitsLong((int) n, field);
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
            throw truncated(field, 1);
        }
        int lz = Long.numberOfLeadingZeros(cache);
        if (lz >= cacheBits) {
            if (cacheBits >= 32) {
                throw error(field, "exp-Golomb code has more than 31 leading zero bits");
            }
            throw truncated(field, cacheBits + 1);
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

    /** Reads ue(v) and requires {@code 0 <= value <= max}; the error's offset is where the code starts. */
    public int ue(String field, int max) {
        long at = offset();
        long v = ueLong(field);
        if (v > max) {
            throw errors.malformed(name(field), v + " out of range (expected: 0.." + max + ")", at, specRef);
        }
        return (int) v;
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

    /** Reads se(v) and requires {@code min <= value <= max}; the error's offset is where the code starts. */
    public int se(String field, int min, int max) {
        long at = offset();
        int v = se(field);
        if (v < min || v > max) {
            throw errors.malformed(name(field), v + " out of range (expected: " + min + ".." + max + ")", at, specRef);
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

    /**
     * The next {@code n} bits (0..32) without consuming them, or -1 when fewer remain. Raw readers only.
     */
    public long peek(int n) {
        requireRaw("peek");
        if (bitsLeft() < n) {
            return -1;
        }
        int p = pos;
        int z = zeros;
        long c = cache;
        int bits = cacheBits;
        long l = loaded;
        int t = trimmed;
        long v = readBitsLong(n, "peek");
        pos = p;
        zeros = z;
        cache = c;
        cacheBits = bits;
        loaded = l;
        trimmed = t;
        return v;
    }

    /** Throws {@link TruncatedInputException} when fewer than {@code n} bits remain. Raw readers only. */
    public void require(long n, String field) {
        if (bitsLeft() < n) {
            throw new TruncatedInputException(module, name(field), "needs " + n + " bits, " + bitsLeft() + " remain",
                    offset(), specRef);
        }
    }

    /** Bits left to read. Raw readers only. */
    public long bitsLeft() {
        requireRaw("bitsLeft");
        return Math.min(endBit, 8L * (end - start)) - bitsRead();
    }

    /** Moves to bit {@code bitPosition} counted from the start of the range. Raw readers only. */
    public void seek(long bitPosition) {
        requireRaw("seek");
        if (bitPosition < 0 || bitPosition > Math.min(endBit, 8L * (end - start))) {
            throw new IllegalArgumentException("bit position " + bitPosition);
        }
        pos = start + (int) (bitPosition >>> 3);
        loaded = bitPosition >>> 3;
        cache = 0;
        cacheBits = 0;
        trimmed = 0;
        readBitsLong((int) (bitPosition & 7), "seek");
    }

    private void requireRaw(String call) {
        if (escaped) {
            throw new IllegalStateException(call + " is for raw readers");
        }
    }

    /** Bits consumed so far (for an RBSP reader, emulation prevention bytes excluded). */
    public long bitsRead() {
        return loaded * 8 - cacheBits - trimmed;
    }

    /** True when the next bit starts a byte. */
    public boolean byteAligned() {
        return (bitsRead() & 7) == 0;
    }

    /**
     * more_rbsp_data() (H.264 §7.2, H.265 §7.2): true while bits remain before the
     * rbsp_stop_one_bit, the last 1 bit of the RBSP (trailing zero bytes, e.g. cabac_zero_words,
     * are ignored).
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

    /** Skips to the next byte boundary. */
    public void alignToByte(String field) {
        while (!byteAligned()) {
            readBitsLong(1, field);
        }
    }

    /** Bytes left to read from the next byte boundary (after removing emulation prevention bytes). */
    public int remainingBytesAligned() {
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
        long left = (cacheBits >>> 3) + (long) unescapedLeft;
        if (endBit != Long.MAX_VALUE) {
            left = Math.min(left, (endBit - ((bitsRead() + 7) & ~7L)) >>> 3);
        }
        return (int) left;
    }

    /** Stream offset of the byte that holds the next bit. */
    public long offset() {
        return baseOffset + (pos - start) - ((cacheBits + trimmed + 7) >>> 3);
    }

    /** An error of the module at the current position naming {@code "<structure> <field>"}. */
    public StreamwireException error(String field, String problem) {
        return errors.malformed(name(field), problem, offset(), specRef);
    }

    /** The truncation error at the current position for a read of {@code bits} more bits. */
    public TruncatedInputException truncated(String field, int bits) {
        return new TruncatedInputException(module, name(field), "needs " + bits + " more bits, "
                + Math.max(0, cacheBits) + " remain", offset(), specRef);
    }

    private String name(String field) {
        return structure == null ? field : structure + " " + field;
    }
}
