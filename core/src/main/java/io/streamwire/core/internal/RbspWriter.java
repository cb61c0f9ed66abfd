package io.streamwire.core.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Bit writer producing an RBSP (ITU-T H.264 (08/2021) §7.2 and ITU-T H.265 (09/2023) §7.2 descriptors
 * u(n), ue(v), se(v), rbsp_trailing_bits()), and the NAL unit around it with emulation prevention inserted
 * (§7.4.1, {@link EmulationPrevention}).
 *
 * <p>Grows its internal array as needed. Not thread-safe.
 *
 * @since 0.1.0
 */
public final class RbspWriter {
    private byte[] out;
    private int bytes;
    private long acc;
    private int accBits;

    /** An empty writer. */
    public RbspWriter() {
        out = new byte[64];
    }

    private void flushWholeBytes() {
        while (accBits >= 8) {
            if (bytes == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[bytes++] = (byte) (acc >>> (accBits - 8));
            accBits -= 8;
        }
        acc &= accBits == 0 ? 0 : (1L << accBits) - 1;
    }

    /** Writes the low {@code n} bits of {@code value}, 0 &le; n &le; 32. */
    public RbspWriter u(int n, long value) {
        if (n < 0 || n > 32) {
            throw new IllegalArgumentException("bit count " + n + " outside 0..32");
        }
        if (n > 0 && (value >>> n) != 0) {
            throw new IllegalArgumentException(value + " does not fit " + n + " bits");
        }
        if (n == 0) {
            return this;
        }
        acc = (acc << n) | value;
        accBits += n;
        flushWholeBytes();
        return this;
    }

    /** Writes a flag as u(1). */
    public RbspWriter flag(boolean value) {
        return u(1, value ? 1 : 0);
    }

    /** Writes ue(v), 0..2^32-2. */
    public RbspWriter ue(long value) {
        if (value < 0 || value > 0xFFFFFFFEL) {
            throw new IllegalArgumentException("ue(v) " + value + " outside 0..2^32-2");
        }
        long v = value + 1;
        int len = 64 - Long.numberOfLeadingZeros(v);
        u(len - 1, 0);
        return u(len, v);
    }

    /** Writes se(v). */
    public RbspWriter se(long value) {
        return ue(value > 0 ? 2 * value - 1 : -2 * value);
    }

    /** Writes rbsp_trailing_bits(): a 1 bit and zero bits up to the byte boundary. */
    public RbspWriter trailingBits() {
        u(1, 1);
        while (accBits != 0) {
            u(1, 0);
        }
        return this;
    }

    /** Pads with zero bits to the byte boundary (alignment without a stop bit). */
    public RbspWriter alignZero() {
        while (accBits != 0) {
            u(1, 0);
        }
        return this;
    }

    /** Writes whole bytes; the writer must be byte aligned. */
    public RbspWriter bytes(byte[] data, int from, int length) {
        requireAligned();
        for (int i = 0; i < length; i++) {
            u(8, data[from + i] & 0xFF);
        }
        return this;
    }

    /** True at a byte boundary. */
    public boolean byteAligned() {
        return accBits == 0;
    }

    /** Bits written so far. */
    public long bitsWritten() {
        return (long) bytes * 8 + accBits;
    }

    private void requireAligned() {
        if (accBits != 0) {
            throw new IllegalStateException("not byte aligned: " + accBits + " bits pending");
        }
    }

    /** The RBSP written so far; requires byte alignment. */
    public byte[] toRbsp() {
        requireAligned();
        return Arrays.copyOf(out, bytes);
    }

    /**
     * The NAL unit: {@code header} byte then the RBSP with emulation prevention inserted.
     * Requires byte alignment.
     */
    public byte[] toNal(int header) {
        return toNal(header, 1);
    }

    /**
     * The NAL unit: a {@code headerLength}-byte header (1 for H.264, 2 for H.265 §7.3.1.2), big-endian
     * from {@code header}'s low bytes, then the RBSP with emulation prevention inserted. Requires byte
     * alignment.
     */
    public byte[] toNal(int header, int headerLength) {
        if (headerLength != 1 && headerLength != 2) {
            throw new IllegalArgumentException("headerLength " + headerLength + " (expected: 1 or 2)");
        }
        byte[] rbsp = toRbsp();
        byte[] nal = new byte[headerLength + EmulationPrevention.escapedSize(ByteBuffer.wrap(rbsp))];
        if (headerLength == 2) {
            nal[0] = (byte) (header >>> 8);
        }
        nal[headerLength - 1] = (byte) header;
        EmulationPrevention.insert(ByteBuffer.wrap(rbsp), ByteBuffer.wrap(nal, headerLength, nal.length - headerLength));
        return nal;
    }

    /** Clears the writer for reuse. */
    public void reset() {
        bytes = 0;
        acc = 0;
        accBits = 0;
    }
}
