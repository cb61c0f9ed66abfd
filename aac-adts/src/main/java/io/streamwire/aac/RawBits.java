package io.streamwire.aac;

import io.streamwire.aac.internal.BitWriter;
import io.streamwire.core.internal.BitReader;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A run of bits kept as read so that unparsed syntax (an unsupported specific config, padding,
 * extension bits) survives a parse/write round trip.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RawBits {
    /** No bits. */
    public static final RawBits EMPTY = new RawBits(new byte[0], 0);

    /** The zero padding bits that end most configs, 1..7 bits, shared. */
    private static final RawBits[] ZERO_PADDING = new RawBits[8];

    static {
        ZERO_PADDING[0] = EMPTY;
        for (int i = 1; i < 8; i++) {
            ZERO_PADDING[i] = new RawBits(new byte[1], i);
        }
    }

    private final byte[] bytes;
    private final int bitLength;

    private RawBits(byte[] bytes, int bitLength) {
        this.bytes = bytes;
        this.bitLength = bitLength;
    }

    /**
     * The first {@code bitLength} bits of {@code bytes}, MSB first; bits past the length must be zero.
     *
     * @throws IllegalArgumentException if the array is too short or has bits set past the length
     */
    public static RawBits of(byte[] bytes, int bitLength) {
        if (bitLength < 0 || bytes.length != (bitLength + 7) / 8) {
            throw new IllegalArgumentException(bytes.length + " bytes for " + bitLength + " bits");
        }
        if (bitLength % 8 != 0 && (bytes[bytes.length - 1] & (0xFF >>> (bitLength % 8))) != 0) {
            throw new IllegalArgumentException("bits set past the length");
        }
        return new RawBits(bytes.clone(), bitLength);
    }

    static RawBits read(BitReader in, long bitLength) {
        if (bitLength == 0) {
            return EMPTY;
        }
        in.require(bitLength, "raw bits");
        if (bitLength <= 32) {
            int n = (int) bitLength;
            long value = in.readBitsLong(n, "raw bits");
            if (value == 0 && n < 8) {
                return ZERO_PADDING[n];
            }
            byte[] bytes = new byte[(n + 7) / 8];
            long aligned = value << (8 * bytes.length - n);
            for (int i = bytes.length - 1; i >= 0; i--, aligned >>>= 8) {
                bytes[i] = (byte) aligned;
            }
            return new RawBits(bytes, n);
        }
        BitWriter out = new BitWriter();
        for (long left = bitLength; left > 0; left -= Math.min(left, 32)) {
            int n = (int) Math.min(left, 32);
            out.u(n, in.readBitsLong(n, "raw bits"));
        }
        return new RawBits(out.toByteArray(), (int) bitLength);
    }

    void writeTo(BitWriter out) {
        for (int i = 0; i < bitLength; i++) {
            out.u(1, (bytes[i >>> 3] >>> (7 - (i & 7))) & 1);
        }
    }

    /** Number of bits. */
    public int bitLength() {
        return bitLength;
    }

    /** The bits, MSB first, padded with zero bits to a whole byte. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawBits other && other.bitLength == bitLength && Arrays.equals(other.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * bitLength + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RawBits[" + bitLength + " bits: " + HexFormat.of().formatHex(bytes) + "]";
    }
}
