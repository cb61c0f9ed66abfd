package io.streamwire.aac.internal;

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

    /** {@link ByteBuffer#putShort(short)}, big-endian. */
    public static ByteBuffer putShortRelative(ByteBuffer b, short v) {
        return b.putShort(b.order() == BIG ? v : Short.reverseBytes(v));
    }
}
