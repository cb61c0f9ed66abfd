package io.streamwire.testkit;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Splits test input the ways every decoder is fed in tests: whole, one byte at a time, split at
 * every point, and in random chunks; each in heap, direct, non-zero array offset and non-zero
 * position buffers.
 *
 * <p>Thread-safe.
 */
public final class Chunks {
    private Chunks() {}

    /** How a chunk is presented to the decoder. */
    public enum Kind {
        HEAP(b -> ByteBuffer.wrap(b.clone())),
        DIRECT(b -> ByteBuffer.allocateDirect(b.length).put(b).flip()),
        /** A slice of a larger array, so {@code arrayOffset() != 0}. */
        ARRAY_OFFSET(b -> {
            byte[] padded = new byte[b.length + 7];
            System.arraycopy(b, 0, padded, 5, b.length);
            return ByteBuffer.wrap(padded, 5, b.length).slice();
        }),
        /** {@code position() != 0} and bytes after the limit that must not be read. */
        POSITION(b -> {
            byte[] padded = new byte[b.length + 6];
            java.util.Arrays.fill(padded, (byte) 0x5A);
            System.arraycopy(b, 0, padded, 3, b.length);
            return ByteBuffer.wrap(padded).position(3).limit(3 + b.length);
        }),
        /**
         * A heap buffer set to little-endian order: the formats are big-endian whatever order the
         * caller's buffer happens to have, so parsers must not use its multi-byte getters.
         */
        LITTLE_ENDIAN(b -> ByteBuffer.wrap(b.clone()).order(java.nio.ByteOrder.LITTLE_ENDIAN)),
        /** The same for a direct buffer. */
        DIRECT_LITTLE_ENDIAN(b -> ByteBuffer.allocateDirect(b.length).put(b).flip().order(java.nio.ByteOrder.LITTLE_ENDIAN));

        private final Function<byte[], ByteBuffer> wrap;

        Kind(Function<byte[], ByteBuffer> wrap) {
            this.wrap = wrap;
        }

        /** Wraps a copy of {@code bytes} in this kind of buffer. */
        public ByteBuffer wrap(byte[] bytes) {
            return wrap.apply(bytes);
        }
    }

    /** One split of the input into consecutive pieces. */
    public record Split(String name, List<byte[]> pieces) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The input whole, byte by byte, split in two at every point, and in 20 random splits. */
    public static List<Split> splits(byte[] input, long seed) {
        List<Split> splits = new ArrayList<>();
        splits.add(new Split("whole", List.of(input.clone())));
        splits.add(new Split("1-byte", fixed(input, 1)));
        for (int at = 1; at < input.length; at++) {
            splits.add(new Split("at-" + at, List.of(copy(input, 0, at), copy(input, at, input.length))));
        }
        Random random = new Random(seed);
        for (int i = 0; i < 20; i++) {
            splits.add(new Split("random-" + seed + "-" + i, random(input, random)));
        }
        return splits;
    }

    /** Pieces of {@code size} bytes (the last may be shorter). */
    public static List<byte[]> fixed(byte[] input, int size) {
        List<byte[]> pieces = new ArrayList<>();
        for (int from = 0; from < input.length; from += size) {
            pieces.add(copy(input, from, Math.min(input.length, from + size)));
        }
        return pieces;
    }

    /** Pieces of random sizes between 0 and 64 bytes; empty pieces are included on purpose. */
    public static List<byte[]> random(byte[] input, Random random) {
        List<byte[]> pieces = new ArrayList<>();
        int from = 0;
        while (from < input.length) {
            int size = Math.min(input.length - from, random.nextInt(65));
            pieces.add(copy(input, from, from + size));
            from += size;
        }
        return pieces;
    }

    private static byte[] copy(byte[] input, int from, int to) {
        return java.util.Arrays.copyOfRange(input, from, to);
    }
}
