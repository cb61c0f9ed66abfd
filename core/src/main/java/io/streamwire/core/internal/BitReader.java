package io.streamwire.core.internal;

import io.streamwire.core.StreamwireException;
import io.streamwire.core.TruncatedInputException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The one MSB-first bit reader of Streamwire, over a byte range of a buffer: the descriptors
 * u(n), ue(v) and se(v) of ITU-T H.264/H.265 §7.2 and §9.1, and the fixed-width fields of ADTS,
 * AudioSpecificConfig, MPEG-TS and the rest. Every read names its syntax element; a malformed value
 * raises the module's exception (made by the {@link Errors} the reader was given) and running out of
 * bits raises {@link TruncatedInputException}, both with the field written
 * {@code "<structure> <element>"} and the stream offset of the byte holding the offending bit.
 *
 * <p>An {@linkplain #rbsp RBSP reader} drops emulation prevention bytes (the {@code 0x03} of
 * {@code 0x000003}, H.264 §7.4.1, H.265 §7.4.2) and never copies the caller's NAL unit as a whole; a
 * {@linkplain #raw raw reader} reads every byte and can be limited to a number of bits,
 * {@linkplain #seek sought} and {@linkplain #peek peeked}. Exp-Golomb codes with more than 31
 * leading zero bits are rejected (§9.1: no syntax element needs more).
 *
 * <p><b>How it reads.</b> The bytes are first moved into big-endian {@code long} words
 * ({@link #convert}), an RBSP reader dropping the emulation prevention bytes there eight bytes per
 * step, with masks rather than a test per byte. A range of up to 128 bytes (a parameter
 * set, an SEI payload, a header) is moved whole when the reader is made or {@linkplain #reset reset};
 * a longer one (a slice NAL unit) a chunk at a time as the reads reach it, so reading a slice header
 * does not touch the slice data. A read checks its end against the converted bits and takes its
 * bits from a 64-bit cache, loaded with two word loads and a funnel shift when it runs short.
 *
 * <p><b>Why it is shaped this way.</b> A parse method that makes a reader and reads a whole
 * structure with it (an H.264 SPS with its VUI: some 45 reads) runs about twice as fast when the JIT
 * keeps the reader in registers (escape analysis) as when the reader lives in memory, where every
 * read waits for the store of the read before. C2 does that only when every method the reader is
 * handed to is inlined into the parse method, and it stops inlining once the inlined bytecode of one
 * compilation reaches 8,000 bytes (DesiredMethodLimit). So: the reads are short and call nothing
 * out of line on their common paths; the end of the range and a long range's next chunk are checked
 * by position, and the cache is loaded without a test on the data; the error paths are separate
 * methods (never reached, never inlined); and {@link #convert} is a static method of more than 325
 * bytes of bytecode, never inlined and never given the reader. Making a reader ({@link #open}) is
 * small too, whatever C2 compiled first: C2 does not inline a method whose own compiled code is
 * over InlineSmallCode (2,500 bytes with tiered compilation, 1,000 without), and which of the parse
 * method, its reader factory and the factory's callees it compiles first depends on timing. So the
 * factory allocates the reader, sets its fields itself (a constructor compiled on its own would pay
 * a GC write barrier per reference field, the object not being known to be new) and calls nothing
 * but {@link #convert}, which allocates the word array: about 700 bytes of machine code. The word
 * array is kept across {@link #reset} calls, so a reused reader allocates nothing.
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
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long THREES = 0x0303030303030303L;
    /** Ranges up to this many bytes are converted whole when the reader starts. */
    private static final int EAGER = 128;
    /** Bytes converted when a longer range starts; each later chunk is as long as all before it. */
    private static final int FIRST_CHUNK = 32;

    // set by open (see there); never changed afterwards
    private String module;
    private String structure;
    private String specRef;
    private Errors errors;
    private boolean escaped;
    private ByteBuffer buf;
    private int start;
    private int end;
    private long baseOffset;

    /** Next byte of the range to convert. */
    private int src;
    /**
     * Converted bytes as big-endian words (byte i is byte {@code 7 - i % 8} of {@code words[i / 8]}),
     * then at least one more word; what follows the converted bytes is not read as data.
     */
    private long[] words;
    /** Bytes converted so far. */
    private int converted;
    /** Bits that may be read from what is converted: min(bit limit, 8 * converted). */
    private long readable;
    /** Readable bits of a raw reader ({@link #limitBits}), Long.MAX_VALUE for the whole range. */
    private long endBit;

    /** Converted bits read so far. */
    private long pos;
    /** The converted bits from {@link #pos} on, left-aligned: {@link #valid} of them were loaded. */
    private long cache;
    /** Bits of {@link #cache} not read yet (0..64); they may run past the readable bits. */
    private int valid;
    private long stopBit;

    /** Empty: {@link #open} sets the fields (see there). */
    private BitReader() {}

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
        return open(module, buf, from, to, baseOffset, structure, specRef, errors, false);
    }

    /**
     * A reader of the RBSP in {@code buf[from, to)}, escaped bytes as they sit in a NAL unit after its
     * header: emulation prevention bytes are skipped. Parameters as for {@link #raw}.
     */
    public static BitReader rbsp(String module, ByteBuffer buf, int from, int to, long baseOffset,
                                 String structure, String specRef, Errors errors) {
        return open(module, buf, from, to, baseOffset, structure, specRef, errors, true);
    }

    /**
     * Makes a reader: the range checked, its first bytes converted into a new word array by the
     * static {@link #convert} (which never receives the reader), and the fields set here rather than
     * by a constructor. All of it is small: C2 inlines a method only while its code compiled on its
     * own is at most InlineSmallCode bytes (2,500 with tiered compilation, 1,000 without), and a
     * constructor compiled on its own, its receiver not known to be new, would pay a GC write
     * barrier for each reference field; here the object is new and the stores need none.
     */
    private static BitReader open(String module, ByteBuffer buf, int from, int to, long baseOffset, String structure,
                                  String specRef, Errors errors, boolean escaped) {
        if (from < 0 || to < from || to > buf.limit()) {
            throw badRange(buf, from, to);
        }
        int stop = to - from <= EAGER ? to : from + FIRST_CHUNK;
        long[] w = convert(buf, from, stop, escaped, 0, null, 0);
        BitReader r = new BitReader();
        r.module = module;
        r.structure = structure;
        r.specRef = specRef;
        r.errors = errors;
        r.escaped = escaped;
        r.buf = buf;
        r.start = from;
        r.end = to;
        r.baseOffset = baseOffset;
        r.words = w;
        r.src = stop;
        int n = (int) w[w.length - 1];
        r.converted = n;
        r.readable = 8L * n;
        r.endBit = Long.MAX_VALUE;
        r.stopBit = -1;
        return r;
    }

    /** Restarts this reader over another range, keeping its names and mode: allocation-free reuse. */
    public void reset(ByteBuffer buf, int from, int to, long baseOffset) {
        if (from < 0 || to < from || to > buf.limit()) {
            throw badRange(buf, from, to);
        }
        this.buf = buf;
        this.start = from;
        this.end = to;
        this.baseOffset = baseOffset;
        this.pos = 0;
        this.cache = 0;
        this.valid = 0;
        this.endBit = Long.MAX_VALUE;
        this.stopBit = -1;
        int stop = to - from <= EAGER ? to : from + FIRST_CHUNK;
        long[] w = convert(buf, from, stop, escaped, 0, words, 0);
        words = w;
        int n = (int) w[w.length - 1];
        this.converted = n;
        this.src = stop;
        this.readable = 8L * n;
    }

    private static IllegalArgumentException badRange(ByteBuffer buf, int from, int to) {
        return new IllegalArgumentException("range [" + from + ", " + to + ") outside the buffer's limit " + buf.limit());
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
        if (pos != 0) {
            throw new IllegalStateException("limitBits after reading");
        }
        endBit = bitLength;
        readable = Math.min(readable, bitLength);
        return this;
    }

    /** The 64 converted bits from bit {@code bit} on (bit &le; 64 * (w.length - 1)). */
    private static long bitsAt(long[] w, long bit) {
        int k = (int) (bit >>> 6);
        return w[k] << bit | w[k + 1] >>> 1 >>> ~bit;
    }

    /**
     * A read of {@code n} bits from bit {@code p} goes past the converted bits: converts the next
     * chunks of a long range, or throws the truncation error when the range is all converted.
     */
    private void beyond(long p, int n, String field) {
        if (src < end) {
            more(p + n);
            if (p + n <= readable) {
                return;
            }
        }
        throw truncated(field, n);
    }

    /**
     * Converts chunks of a long range until bit {@code bit} and the 64 after it are converted, or all
     * is. Empties the cache, which may hold bits loaded past the converted ones.
     */
    private void more(long bit) {
        valid = 0;
        int chunk = Math.max(FIRST_CHUNK, src - start);
        do {
            int stop = end - src - chunk < FIRST_CHUNK ? end : src + chunk;
            long[] w = convert(buf, src, stop, escaped, zerosBefore(src), words, converted);
            words = w;
            converted = (int) w[w.length - 1];
            src = stop;
            chunk = src - start;
        } while (src < end && bit + 64 > 8L * converted);
        readable = Math.min(endBit, 8L * converted);
    }

    /** Converts the rest of the range. */
    private void convertAll() {
        if (src < end) {
            more(Long.MAX_VALUE - 64);
        }
    }

    /** Zero bytes right before range index {@code p} (0..2): the emulation prevention state there. */
    private int zerosBefore(int p) {
        if (p - 1 < start || byteAt(p - 1) != 0) {
            return 0;
        }
        return p - 2 < start || byteAt(p - 2) != 0 ? 1 : 2;
    }

    private int byteAt(int i) {
        return buf.get(i) & 0xFF;
    }

    /**
     * Moves bytes {@code [p, stop)} of the buffer into the word array after the {@code c} bytes
     * already in {@code w} (null or too short: a new array, the words holding those {@code c} bytes
     * copied), an RBSP reader dropping emulation prevention bytes. Returns the array, the new count
     * of converted bytes in its last element: there is always at least one word after the converted
     * bytes, which is read (by the two-word loads) but never as data, so the count can sit there.
     * {@code z} is the number of zero bytes right before {@code p} (0..2). Every word past the
     * first {@code c} bytes is written before it is or-ed into, so what the array held there does
     * not matter.
     *
     * <p>A {@code 03} is an emulation prevention byte exactly when the two escaped bytes before it
     * are {@code 00} (neither of them can be an earlier one, which is {@code 03}), so eight bytes at a
     * time: the zero mask and the "is 03" mask, with the zero mask shifted by one and two bytes (the
     * zeros before the word carried in), give the emulation prevention bytes without a test per
     * byte; a word holding one (rare) squeezes it out.
     *
     * <p>Static, so that the reader it fills does not escape into it, and more than 325 bytes of
     * bytecode (C2's FreqInlineSize), so that it is never inlined into the code that makes a reader;
     * see the class comment.
     */
    private static long[] convert(ByteBuffer buf, int p, int stop, boolean escaped, int z, long[] words, int c) {
        int need = ((c + (stop - p)) >>> 3) + 2;
        long[] w = words;
        if (w == null || w.length < need) {
            w = w == null || c == 0 ? new long[need] : Arrays.copyOf(w, Math.max(need, 2 * w.length));
        }
        byte[] array = buf.hasArray() ? buf.array() : null;
        int arrayBase = array != null ? buf.arrayOffset() : 0;
        while (p + 8 <= stop) {
            long x = array != null ? (long) ARRAY_LONG_BE.get(array, arrayBase + p) : BigEndian.getLong(buf, p);
            int kept = 8;
            if (escaped) {
                long zm = zeroBytes(x);
                long prev = (z >= 1 ? 0x80L : 0) | (z >= 2 ? 0x8000L : 0);
                long ep = zeroBytes(x ^ THREES) & (zm >>> 8 | prev << 56) & (zm >>> 16 | prev << 48);
                // zero bytes ending the word, at most 2 (a 03 there is never zero, removed or not)
                z = (zm & 0x80L) == 0 ? 0 : (zm & 0x8000L) == 0 ? 1 : 2;
                while (ep != 0) {
                    // drop the least significant one first, so the ones above keep their places
                    int bit = Long.numberOfTrailingZeros(ep); // bit 7 of the byte to drop
                    long below = (1L << (bit - 7)) - 1;
                    x = (x & (-1L << bit << 1)) | ((x & below) << 8);
                    ep &= ep - 1;
                    kept--;
                }
            }
            // append the top `kept` bytes of x (the rest are zero) after byte c
            int k = c >>> 3;
            int o = c & 7;
            if (o == 0) {
                w[k] = x;
            } else {
                w[k] |= x >>> (8 * o);
                w[k + 1] = x << (64 - 8 * o);
            }
            c += kept;
            p += 8;
        }
        while (p < stop) {
            int v = array != null ? array[arrayBase + p] & 0xFF : buf.get(p) & 0xFF;
            p++;
            if (escaped) {
                if (z >= 2 && v == 3) {
                    z = 0;
                    continue;
                }
                z = v == 0 ? z + 1 : 0;
            }
            int k = c >>> 3;
            int o = c & 7;
            if (o == 0) {
                w[k] = (long) v << 56;
            } else {
                w[k] |= (long) v << (56 - 8 * o);
            }
            c++;
        }
        w[w.length - 1] = c;
        return w;
    }

    /** 0x80 in each byte of {@code x} that is zero, else 0 (exact: no borrow crosses bytes). */
    private static long zeroBytes(long x) {
        return ~(((x & LOW7) + LOW7) | x | LOW7);
    }

    /** Reads u(n), 0 &le; n &le; 32, as an unsigned value. */
    public long readBitsLong(int n, String field) {
        if (n < 0 || n > 32) {
            throw new IllegalArgumentException("bit count " + n + " outside 0..32");
        }
        long p = pos;
        if (p + n > readable) {
            beyond(p, n, field);
        }
        if (valid < n) {
            cache = bitsAt(words, p);
            valid = 64;
        }
        long c = cache;
        cache = c << n;
        valid -= n;
        pos = p + n;
        return c >>> 1 >>> (63 - n);
    }

    /**
     * Reads u(n), 0 &le; n &le; 31. The width is the caller's, not checked here (it is a constant or
     * bounded by the spec at every call site); use {@link #readBitsLong} for 32 bits.
     */
    public int u(int n, String field) {
        long p = pos;
        if (p + n > readable) {
            beyond(p, n, field);
        }
        if (valid < n) {
            cache = bitsAt(words, p);
            valid = 64;
        }
        long c = cache;
        cache = c << n;
        valid -= n;
        pos = p + n;
        return (int) (c >>> 1 >>> (63 - n));
    }

    /** Reads u(1) as a flag. */
    public boolean flag(String field) {
        long p = pos;
        if (p >= readable) {
            beyond(p, 1, field);
        }
        if (valid == 0) {
            cache = bitsAt(words, p);
            valid = 64;
        }
        long c = cache;
        cache = c << 1;
        valid--;
        pos = p + 1;
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
        long p = pos;
        if (valid < 32) {
            cache = bitsAt(words, p);
            valid = 64;
        }
        // common case: the whole code (at most 63 bits) is in the cache and readable
        long c = cache;
        int len = 2 * Long.numberOfLeadingZeros(c) + 1;
        if (len > valid || p + len > readable) {
            return ueSlow(field);
        }
        cache = c << len;
        valid -= len;
        pos = p + len;
        return (c >>> (64 - len)) - 1;
    }

    /** ue(v) whose code is not all in the cache or the converted bits: a long range, a bad code, the end. */
    private long ueSlow(String field) {
        long p = pos;
        if (src < end) {
            more(p);
        }
        long left = readable - p;
        long c = bitsAt(words, p);
        if (left < 64) {
            c &= ~(-1L >>> left); // bits past the readable ones are not data
        }
        int lz = Long.numberOfLeadingZeros(c);
        if (lz >= left) {
            if (left >= 32) {
                throw error(field, "exp-Golomb code has more than 31 leading zero bits");
            }
            throw truncated(field, (int) left + 1);
        }
        if (lz > 31) {
            throw error(field, "exp-Golomb code has " + lz + " leading zero bits (at most 31)");
        }
        int len = 2 * lz + 1;
        if (len > left) {
            throw truncated(field, len);
        }
        pos = p + len;
        valid = 0;
        return (c >>> (64 - len)) - 1;
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
        long at = pos;
        long v = ueLong(field);
        if (v > max) {
            throw outOfRange(field, v, 0, max, at);
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
        long at = pos;
        int v = se(field);
        if (v < min || v > max) {
            throw outOfRange(field, v, min, max, at);
        }
        return v;
    }

    private StreamwireException outOfRange(String field, long v, int min, int max, long atBit) {
        return errors.malformed(name(field), v + " out of range (expected: " + min + ".." + max + ")", offsetOfBit(atBit), specRef);
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
        long p = pos;
        long v = readBitsLong(n, "peek");
        pos = p;
        valid = 0; // the next read loads the cache again
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
        return Math.min(endBit, 8L * (end - start)) - pos;
    }

    /** Moves to bit {@code bitPosition} counted from the start of the range. Raw readers only. */
    public void seek(long bitPosition) {
        requireRaw("seek");
        if (bitPosition < 0 || bitPosition > Math.min(endBit, 8L * (end - start))) {
            throw new IllegalArgumentException("bit position " + bitPosition);
        }
        if (src < end && bitPosition + 64 > readable) {
            more(bitPosition);
        }
        pos = bitPosition;
        valid = 0;
    }

    private void requireRaw(String call) {
        if (escaped) {
            throw new IllegalStateException(call + " is for raw readers");
        }
    }

    /** Bits consumed so far (for an RBSP reader, emulation prevention bytes excluded). */
    public long bitsRead() {
        return pos;
    }

    /** True when the next bit starts a byte. */
    public boolean byteAligned() {
        return (pos & 7) == 0;
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
        return pos < stopBit;
    }

    private long findStopBit() {
        convertAll();
        long limit = readable;
        for (long i = ((limit + 7) >>> 3) - 1; i >= 0; i--) {
            int v = (int) (words[(int) (i >>> 3)] >>> (56 - 8 * (i & 7))) & 0xFF;
            if (8 * i + 8 > limit) {
                v &= 0xFF00 >>> (int) (limit - 8 * i); // bits past a raw limit
            }
            if (v != 0) {
                return 8 * i + 7 - Integer.numberOfTrailingZeros(v);
            }
        }
        return 0;
    }

    /** Reads rbsp_trailing_bits(): the stop bit 1, then 0 bits up to the byte boundary. */
    public void rbspTrailingBits() {
        long at = pos;
        int n = 8 - (int) (at & 7);
        if (u(n, "rbsp_stop_one_bit") != 1 << (n - 1)) {
            throw trailingBitsError(at);
        }
    }

    /** The error for bad trailing bits starting at bit {@code at}: a 0 stop bit, or a 1 after it. */
    private StreamwireException trailingBitsError(long at) {
        pos = at;
        valid = 0;
        if (!flag("rbsp_stop_one_bit")) {
            return error("rbsp_stop_one_bit", "is 0 (expected: 1)");
        }
        return errors.malformed(name("rbsp_alignment_zero_bit"), "is 1 (expected: 0)", offsetOfBit(at), specRef);
    }

    /** Skips to the next byte boundary. */
    public void alignToByte(String field) {
        int n = (int) (-pos & 7);
        if (n != 0) {
            u(n, field);
        }
    }

    /** Bytes left to read from the next byte boundary (after removing emulation prevention bytes). */
    public int remainingBytesAligned() {
        convertAll();
        return (int) Math.max(0, (readable - ((pos + 7) & ~7L)) >>> 3);
    }

    /** Stream offset of the byte that holds the next bit. */
    public long offset() {
        return offsetOfBit(pos);
    }

    /**
     * The stream offset of the byte holding converted bit {@code bit}; for an RBSP reader found by
     * walking the escaped bytes and skipping the emulation prevention bytes (errors only).
     */
    private long offsetOfBit(long bit) {
        long target = bit >>> 3;
        if (!escaped) {
            return baseOffset + target;
        }
        long index = 0;
        int z = 0;
        for (int i = start; i < end; i++) {
            int v = byteAt(i);
            if (z >= 2 && v == 3) {
                z = 0;
                continue;
            }
            if (index == target) {
                return baseOffset + (i - start);
            }
            z = v == 0 ? z + 1 : 0;
            index++;
        }
        return baseOffset + (end - start);
    }

    /** An error of the module at the current position naming {@code "<structure> <field>"}. */
    public StreamwireException error(String field, String problem) {
        return errors.malformed(name(field), problem, offset(), specRef);
    }

    /** The truncation error at the current position for a read of {@code bits} more bits. */
    public TruncatedInputException truncated(String field, int bits) {
        convertAll();
        return new TruncatedInputException(module, name(field), "needs " + bits + " more bits, "
                + Math.max(0, readable - pos) + " remain", offset(), specRef);
    }

    private String name(String field) {
        return structure == null ? field : structure + " " + field;
    }
}
