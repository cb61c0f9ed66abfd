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
    private final int endByte;
    /** The backing array of a heap buffer (read directly: cheaper than ByteBuffer.get), else null. */
    private final byte[] array;
    private final int arrayOffset;
    private long bit;
    /** Up to 64 not yet consumed bits, left-aligned (the next bit is bit 63). */
    private long cache;
    private int cacheBits;
    private int nextByte;

    /**
     * @param buffer the bytes (never modified, position ignored)
     * @param start index of the first byte
     * @param length number of bytes readable
     * @param streamOffset stream offset of byte {@code start}, for error offsets
     * @param specRef the spec reference errors carry
     */
    public BitReader(ByteBuffer buffer, int start, int length, long streamOffset, String specRef) {
        this(buffer, start, length, 8L * length, streamOffset, specRef);
    }

    /**
     * A reader of only the first {@code bitLength} bits of the byte range.
     *
     * @param bitLength readable bits, at most {@code 8 * length}
     */
    public BitReader(ByteBuffer buffer, int start, int length, long bitLength, long streamOffset, String specRef) {
        if (bitLength < 0 || bitLength > 8L * length) {
            throw new IllegalArgumentException("bitLength " + bitLength + " for " + length + " bytes");
        }
        this.buffer = buffer;
        this.start = start;
        this.endBit = bitLength;
        this.streamOffset = streamOffset;
        this.specRef = specRef;
        this.endByte = start + length;
        this.nextByte = start;
        this.array = buffer.hasArray() ? buffer.array() : null;
        this.arrayOffset = buffer.hasArray() ? buffer.arrayOffset() : 0;
        if (start < 0 || start + length > buffer.capacity()) {
            throw new IndexOutOfBoundsException("bytes " + start + ".." + (start + length) + " of " + buffer.capacity());
        }
    }

    /** Reads {@code n} (0..32) bits as an unsigned value (n = 32 returns the low 32 bits as int). */
    public int u(int n, String field) {
        if (bit + n > endBit) {
            require(n, field);
        }
        if (n > cacheBits) {
            refill();
        }
        if (n == 0) {
            return 0;
        }
        int value = (int) (cache >>> (64 - n));
        cache <<= n;
        cacheBits -= n;
        bit += n;
        return value;
    }

    private void refill() {
        byte[] bytes = array;
        while (cacheBits <= 56 && nextByte < endByte) {
            int b = bytes != null ? bytes[arrayOffset + nextByte] : buffer.get(nextByte);
            nextByte++;
            cache |= (long) (b & 0xFF) << (56 - cacheBits);
            cacheBits += 8;
        }
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
        long savedBit = bit;
        long savedCache = cache;
        int savedCacheBits = cacheBits;
        int savedNextByte = nextByte;
        int value = u(n, "peek");
        bit = savedBit;
        cache = savedCache;
        cacheBits = savedCacheBits;
        nextByte = savedNextByte;
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
        bit = bitPosition & ~7L;
        nextByte = start + (int) (bitPosition >>> 3);
        cache = 0;
        cacheBits = 0;
        u((int) (bitPosition & 7), "seek");
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
