package io.streamwire.h264.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Multi-byte reads and writes that are big-endian whatever {@link ByteBuffer#order()} the caller's
 * buffer has: every format here is big-endian, and a caller may hand us a buffer it set to
 * little-endian for its own use. Same bounds and exceptions as the {@code ByteBuffer} methods; the
 * order test is a field read and a predictable branch; the buffer's order is never changed. Each
 * module has its own copy with the methods it uses, as library modules do not depend on each other.
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

    /** {@link ByteBuffer#getLong()}, big-endian. */
    public static long getLongRelative(ByteBuffer b) {
        long v = b.getLong();
        return b.order() == BIG ? v : Long.reverseBytes(v);
    }

    /** {@link ByteBuffer#putShort(short)}, big-endian. */
    public static ByteBuffer putShortRelative(ByteBuffer b, short v) {
        return b.putShort(b.order() == BIG ? v : Short.reverseBytes(v));
    }

    /** {@link ByteBuffer#putInt(int)}, big-endian. */
    public static ByteBuffer putIntRelative(ByteBuffer b, int v) {
        return b.putInt(b.order() == BIG ? v : Integer.reverseBytes(v));
    }

    /** {@link ByteBuffer#putLong(long)}, big-endian. */
    public static ByteBuffer putLongRelative(ByteBuffer b, long v) {
        return b.putLong(b.order() == BIG ? v : Long.reverseBytes(v));
    }
}
