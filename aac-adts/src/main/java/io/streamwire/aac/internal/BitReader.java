package io.streamwire.aac.internal;

import io.streamwire.aac.TruncatedInputException;
import java.nio.ByteBuffer;

/**
 * MSB-first bit reader over a byte range of a buffer, with absolute reads only; every read checks
 * the bits left and names the field it was reading when it runs out.
 *
 * <p>Not thread-safe, keep it on one connection or event loop.
 */
public final class BitReader {
    private final ByteBuffer buffer;
    private final int start;
    private final long endBit;
    private final long streamOffset;
    private final String specRef;
    private long bit;

    /**
     * @param buffer the bytes (never modified, position ignored)
     * @param start index of the first byte
     * @param length number of bytes readable
     * @param streamOffset stream offset of byte {@code start}, for error offsets
     * @param specRef the spec reference errors carry
     */
    public BitReader(ByteBuffer buffer, int start, int length, long streamOffset, String specRef) {
        this.buffer = buffer;
        this.start = start;
        this.endBit = 8L * length;
        this.streamOffset = streamOffset;
        this.specRef = specRef;
    }

    /** Reads {@code n} (0..32) bits as an unsigned value (n = 32 returns the low 32 bits as int). */
    public int u(int n, String field) {
        require(n, field);
        long value = 0;
        int left = n;
        while (left > 0) {
            int index = start + (int) (bit >>> 3);
            int used = (int) (bit & 7);
            int take = Math.min(8 - used, left);
            int b = buffer.get(index) & 0xFF;
            int part = (b >>> (8 - used - take)) & ((1 << take) - 1);
            value = (value << take) | part;
            left -= take;
            bit += take;
        }
        return (int) value;
    }

    /** Reads one bit. */
    public boolean flag(String field) {
        return u(1, field) == 1;
    }

    /** The next {@code n} bits without consuming them; -1 if fewer remain. */
    public int peek(int n) {
        if (bitsLeft() < n) {
            return -1;
        }
        long saved = bit;
        int value = u(n, "peek");
        bit = saved;
        return value;
    }

    /** Throws if fewer than {@code n} bits remain. */
    public void require(long n, String field) {
        if (bitsLeft() < n) {
            throw new TruncatedInputException(field, "needs " + n + " bits, " + bitsLeft() + " remain",
                    byteOffset(), specRef);
        }
    }

    /** Bits left to read. */
    public long bitsLeft() {
        return endBit - bit;
    }

    /** Bits read so far. */
    public long bitPosition() {
        return bit;
    }

    /** Moves to an earlier or later bit position (0..length). */
    public void seek(long bitPosition) {
        if (bitPosition < 0 || bitPosition > endBit) {
            throw new IllegalArgumentException("bit position " + bitPosition);
        }
        bit = bitPosition;
    }

    /** Stream offset of the byte holding the next bit. */
    public long byteOffset() {
        return streamOffset + (bit >>> 3);
    }

    /** Stream offset of the byte holding bit {@code bitPosition}. */
    public long byteOffsetOf(long bitPosition) {
        return streamOffset + (bitPosition >>> 3);
    }

    /** The spec reference errors carry. */
    public String specRef() {
        return specRef;
    }
}
