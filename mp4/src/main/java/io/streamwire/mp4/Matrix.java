package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * The transformation matrix of {@code mvhd} and {@code tkhd} (ISO/IEC 14496-12:2022 §6.2.2):
 * nine 32-bit values {a, b, u, c, d, v, x, y, w}; a, b, c, d, x, y are 16.16 fixed point, u, v, w
 * are 2.30.
 *
 * @param a a (16.16)
 * @param b b (16.16)
 * @param u u (2.30)
 * @param c c (16.16)
 * @param d d (16.16)
 * @param v v (2.30)
 * @param x x (16.16)
 * @param y y (16.16)
 * @param w w (2.30)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record Matrix(int a, int b, int u, int c, int d, int v, int x, int y, int w) {
    /** The identity {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000}. */
    public static final Matrix IDENTITY = new Matrix(0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000);

    static Matrix parse(Payload p) {
        p.need(36, "matrix");
        return new Matrix(p.i32("matrix"), p.i32("matrix"), p.i32("matrix"), p.i32("matrix"), p.i32("matrix"),
                p.i32("matrix"), p.i32("matrix"), p.i32("matrix"), p.i32("matrix"));
    }

    void writeTo(ByteBuffer out) {
        for (int value : new int[] {a, b, u, c, d, v, x, y, w}) {
            BigEndian.putIntRelative(out, value);
        }
    }
}
