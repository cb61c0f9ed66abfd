package io.streamwire.core.internal;

import java.nio.ByteBuffer;

/**
 * Emulation prevention (ITU-T H.264 (08/2021) §7.3.1 and §7.4.1; the same in ITU-T H.265 (09/2023) §7.3.1.1
 * and §7.4.2): the encoder inserts
 * {@code emulation_prevention_three_byte} (0x03) after every two zero bytes followed by a byte
 * &le; 0x03, so that no start code prefix appears inside a NAL unit; the decoder removes it to get
 * the RBSP back.
 *
 * <p>One-shot removal copies only when a {@code 0x000003} is present; {@link Remover} does the same
 * across chunk boundaries. Insertion computes the size first ({@link #escapedSize}) so the caller
 * allocates once.
 *
 * <p>Static methods are thread-safe; a {@link Remover} is not.
 *
 * @since 0.1.0
 */
public final class EmulationPrevention {
    private EmulationPrevention() {}

    /**
     * The absolute index of the first emulation prevention byte (the 0x03 of {@code 00 00 03}) in
     * {@code buf[from, to)}, or -1.
     */
    public static int indexOf(ByteBuffer buf, int from, int to) {
        if (buf.hasArray()) {
            int base = buf.arrayOffset();
            int r = StartCodes.findPair(buf.array(), base + from, base + to, 3);
            return r < 0 ? -1 : r - base + 2;
        }
        int r = StartCodes.findPair(buf, from, to, 3);
        return r < 0 ? -1 : r + 2;
    }

    /**
     * The RBSP of the escaped bytes remaining in {@code escaped}: a slice of it (no copy) when no
     * emulation prevention byte is present, else a new heap buffer. {@code escaped}'s position is
     * unchanged.
     */
    public static ByteBuffer remove(ByteBuffer escaped) {
        int from = escaped.position();
        int to = escaped.limit();
        if (indexOf(escaped, from, to) < 0) {
            return escaped.slice();
        }
        byte[] dst = new byte[to - from];
        int n = remove(escaped, from, to, dst, 0);
        return ByteBuffer.wrap(dst, 0, n).slice();
    }

    /**
     * Removes emulation prevention from {@code src[from, to)} into {@code dst} at {@code dstOffset},
     * which must have room for {@code to - from} bytes. Allocates nothing.
     *
     * @return the number of RBSP bytes written
     */
    public static int remove(ByteBuffer src, int from, int to, byte[] dst, int dstOffset) {
        if (to - from > dst.length - dstOffset) {
            throw new IllegalArgumentException("destination too small");
        }
        if (src.hasArray()) {
            int base = src.arrayOffset();
            return removeArray(src.array(), base + from, base + to, dst, dstOffset);
        }
        int out = dstOffset;
        int runStart = from;
        int search = from;
        while (true) {
            int ep = indexOf(src, search, to);
            if (ep < 0) {
                break;
            }
            src.get(runStart, dst, out, ep - runStart);
            out += ep - runStart;
            runStart = ep + 1;
            search = ep + 1;
            // the next emulation byte needs two zeros after this one: start the search there.
            if (search + 2 > to) {
                break;
            }
        }
        src.get(runStart, dst, out, to - runStart);
        out += to - runStart;
        return out - dstOffset;
    }

    /** {@link #remove(ByteBuffer, int, int, byte[], int)} over an array: word scan, bulk copies between 0x03s. */
    private static int removeArray(byte[] src, int from, int to, byte[] dst, int dstOffset) {
        int out = dstOffset;
        int runStart = from;
        while (runStart + 2 < to) {
            int j = StartCodes.findPair(src, runStart, to, 3);
            if (j < 0) {
                break;
            }
            int ep = j + 2;
            System.arraycopy(src, runStart, dst, out, ep - runStart);
            out += ep - runStart;
            runStart = ep + 1;
        }
        System.arraycopy(src, runStart, dst, out, to - runStart);
        out += to - runStart;
        return out - dstOffset;
    }

    /** The size of {@code rbsp}'s remaining bytes once emulation prevention is inserted. */
    public static int escapedSize(ByteBuffer rbsp) {
        int zeros = 0;
        int size = 0;
        for (int i = rbsp.position(); i < rbsp.limit(); i++) {
            int b = rbsp.get(i) & 0xFF;
            if (zeros >= 2 && b <= 3) {
                size++;
                zeros = 0;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            size++;
        }
        return zeros >= 2 ? size + 1 : size;
    }

    /**
     * Writes {@code rbsp}'s remaining bytes to {@code out} with emulation prevention inserted,
     * including the final 0x03 after an RBSP ending in a cabac_zero_word 0x0000 (§7.4.1). Moves {@code out}'s position;
     * {@code rbsp}'s position is unchanged.
     *
     * @throws java.nio.BufferOverflowException if {@code out} has less room than {@link #escapedSize}
     */
    public static void insert(ByteBuffer rbsp, ByteBuffer out) {
        int zeros = 0;
        for (int i = rbsp.position(); i < rbsp.limit(); i++) {
            int b = rbsp.get(i) & 0xFF;
            if (zeros >= 2 && b <= 3) {
                out.put((byte) 3);
                zeros = 0;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            out.put((byte) b);
        }
        if (zeros >= 2) {
            out.put((byte) 3);
        }
    }

    /** {@code rbsp} with emulation prevention inserted, as a new array. */
    public static byte[] insert(byte[] rbsp) {
        ByteBuffer in = ByteBuffer.wrap(rbsp);
        byte[] out = new byte[escapedSize(in)];
        insert(in, ByteBuffer.wrap(out));
        return out;
    }

    /**
     * Streaming removal: feed escaped bytes in any chunking and get the same RBSP bytes as the
     * one-shot {@link EmulationPrevention#remove(ByteBuffer)}.
     *
     * <p>Not thread-safe.
     */
    public static final class Remover {
        private int zeros;

        /** A remover at the start of a NAL unit. */
        public Remover() {}

        /**
         * Moves the bytes of {@code in} to {@code out} without emulation prevention bytes, as far as
         * {@code out} has room; both positions advance.
         *
         * @return RBSP bytes written
         */
        public int remove(ByteBuffer in, ByteBuffer out) {
            int written = 0;
            while (in.hasRemaining() && out.hasRemaining()) {
                int b = in.get() & 0xFF;
                if (zeros >= 2 && b == 3) {
                    zeros = 0;
                    continue;
                }
                zeros = b == 0 ? zeros + 1 : 0;
                out.put((byte) b);
                written++;
            }
            return written;
        }

        /** Starts a new NAL unit. */
        public void reset() {
            zeros = 0;
        }
    }
}
