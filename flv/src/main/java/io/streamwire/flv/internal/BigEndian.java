package io.streamwire.flv.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;

/**
 * Multi-byte reads and writes that are big-endian whatever {@link ByteBuffer#order()} the caller's
 * buffer has: FLV and AMF are big-endian, and a caller may hand us a buffer it set to
 * little-endian for its own use. Each goes through a big-endian
 * {@link MethodHandles#byteBufferViewVarHandle byte buffer view}: no allocation, no change to the
 * buffer's order. Each method throws what the {@code ByteBuffer} method it replaces throws, and
 * the relative forms move the position only on success. rtmp-protocol, which depends on this
 * module and carries FLV and AMF in its messages, uses this class through a qualified export; the
 * other library modules depend on no other module and keep their own copy with the methods they use.
 *
 * <p>Stateless and thread-safe.
 */
public final class BigEndian {
    private static final VarHandle SHORT = MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle DOUBLE = MethodHandles.byteBufferViewVarHandle(double[].class, ByteOrder.BIG_ENDIAN);

    private BigEndian() {}

    /** {@link ByteBuffer#getShort(int)}, big-endian. */
    public static short getShort(ByteBuffer b, int i) {
        return (short) SHORT.get(b, i);
    }

    /** {@link ByteBuffer#getInt(int)}, big-endian. */
    public static int getInt(ByteBuffer b, int i) {
        return (int) INT.get(b, i);
    }

    /** {@link ByteBuffer#getDouble(int)}, big-endian. */
    public static double getDouble(ByteBuffer b, int i) {
        return (double) DOUBLE.get(b, i);
    }

    /** {@link ByteBuffer#putInt(int, int)}, big-endian. */
    public static ByteBuffer putInt(ByteBuffer b, int i, int v) {
        INT.set(b, i, v);
        return b;
    }

    /** {@link ByteBuffer#putShort(short)}, big-endian. */
    public static ByteBuffer putShortRelative(ByteBuffer b, short v) {
        SHORT.set(b, reserve(b, Short.BYTES), v);
        return b;
    }

    /** {@link ByteBuffer#putInt(int)}, big-endian. */
    public static ByteBuffer putIntRelative(ByteBuffer b, int v) {
        INT.set(b, reserve(b, Integer.BYTES), v);
        return b;
    }

    /** {@link ByteBuffer#putDouble(double)}, big-endian. */
    public static ByteBuffer putDoubleRelative(ByteBuffer b, double v) {
        DOUBLE.set(b, reserve(b, Double.BYTES), v);
        return b;
    }

    /** Moves the position past {@code n} bytes to write and returns where it was. */
    private static int reserve(ByteBuffer b, int n) {
        if (b.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        int p = b.position();
        if (b.limit() - p < n) {
            throw new BufferOverflowException();
        }
        b.position(p + n);
        return p;
    }
}
