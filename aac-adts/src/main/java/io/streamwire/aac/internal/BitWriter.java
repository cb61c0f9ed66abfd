package io.streamwire.aac.internal;

import java.util.Arrays;

/**
 * MSB-first bit writer into a growing byte array.
 *
 * <p>Not thread-safe, keep it on one connection or event loop.
 */
public final class BitWriter {
    private byte[] bytes = new byte[16];
    private long bit;

    /** Writes the low {@code n} (0..32) bits of {@code value}. */
    public BitWriter u(int n, long value) {
        for (int i = n - 1; i >= 0; i--) {
            put((int) (value >>> i) & 1);
        }
        return this;
    }

    /** Writes one bit. */
    public BitWriter flag(boolean value) {
        return u(1, value ? 1 : 0);
    }

    private void put(int b) {
        int index = (int) (bit >>> 3);
        if (index >= bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        if (b != 0) {
            bytes[index] |= (byte) (0x80 >>> (bit & 7));
        }
        bit++;
    }

    /** Bits written so far. */
    public long bitPosition() {
        return bit;
    }

    /** The bytes written, the last one padded with zero bits. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, (int) ((bit + 7) >>> 3));
    }
}
