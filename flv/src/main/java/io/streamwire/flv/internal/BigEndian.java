package io.streamwire.flv.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Multi-byte reads and writes that are big-endian whatever {@link ByteBuffer#order()} the caller's
 * buffer has: every format here is big-endian, and a caller may hand us a buffer it set to
 * little-endian for its own use. Same bounds and exceptions as the {@code ByteBuffer} methods; the
 * order test is a field read and a predictable branch; the buffer's order is never changed. Each
 * module has its own copy with the methods it uses, as library modules do not depend on each other;
 * rtmp-protocol, which depends on flv, uses this one (a qualified export).
 */
public final class BigEndian {
    private static final ByteOrder BIG = ByteOrder.BIG_ENDIAN;

    private BigEndian() {}

    /** {@link ByteBuffer#getShort(int)}, big-endian. */
    public static short getShort(ByteBuffer b, int i) {
        short v = b.getShort(i);
        return b.order() == BIG ? v : Short.reverseBytes(v);
    }

    /** {@link ByteBuffer#getInt(int)}, big-endian. */
    public static int getInt(ByteBuffer b, int i) {
        int v = b.getInt(i);
        return b.order() == BIG ? v : Integer.reverseBytes(v);
    }

    /** {@link ByteBuffer#getDouble(int)}, big-endian. */
    public static double getDouble(ByteBuffer b, int i) {
        return b.order() == BIG ? b.getDouble(i) : Double.longBitsToDouble(Long.reverseBytes(b.getLong(i)));
    }

    /** {@link ByteBuffer#putInt(int, int)}, big-endian. */
    public static ByteBuffer putInt(ByteBuffer b, int i, int v) {
        return b.putInt(i, b.order() == BIG ? v : Integer.reverseBytes(v));
    }

    /** {@link ByteBuffer#putShort(short)}, big-endian. */
    public static ByteBuffer putShortRelative(ByteBuffer b, short v) {
        return b.putShort(b.order() == BIG ? v : Short.reverseBytes(v));
    }

    /** {@link ByteBuffer#putInt(int)}, big-endian. */
    public static ByteBuffer putIntRelative(ByteBuffer b, int v) {
        return b.putInt(b.order() == BIG ? v : Integer.reverseBytes(v));
    }

    /** {@link ByteBuffer#putDouble(double)}, big-endian. */
    public static ByteBuffer putDoubleRelative(ByteBuffer b, double v) {
        return b.order() == BIG ? b.putDouble(v) : b.putLong(Long.reverseBytes(Double.doubleToRawLongBits(v)));
    }
}
