package io.streamwire.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.BufferOverflowException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;

/**
 * Multi-byte reads and writes that are big-endian whatever {@link ByteBuffer#order()} the caller's
 * buffer has: every format Streamwire reads is big-endian on the wire (except where a method says
 * {@code Le}), and a caller may hand over a buffer it set to little-endian for its own use. Each goes
 * through a big-endian {@link MethodHandles#byteBufferViewVarHandle byte buffer view} (or
 * {@link MethodHandles#byteArrayViewVarHandle byte array view}): no allocation, no change to the
 * buffer's order. Each method throws what the {@code ByteBuffer} method it replaces throws, and the
 * relative forms move the position only on success.
 *
 * <p>Exported to Streamwire modules only; not public API. Stateless and thread-safe.
 */
public final class BigEndian {
    private static final VarHandle SHORT = MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle DOUBLE = MethodHandles.byteBufferViewVarHandle(double[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle ARRAY_SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle ARRAY_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle ARRAY_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private BigEndian() {}

    /** {@link ByteBuffer#getShort(int)}, big-endian. */
    public static short getShort(ByteBuffer b, int i) {
        return (short) SHORT.get(b, i);
    }

    /** Two bytes at {@code i} as an unsigned value, 0..65535. */
    public static int getUnsignedShort(ByteBuffer b, int i) {
        return (short) SHORT.get(b, i) & 0xFFFF;
    }

    /** Three bytes at {@code i} as an unsigned value, 0..2^24-1. */
    public static int getUnsignedMedium(ByteBuffer b, int i) {
        return (b.get(i) & 0xFF) << 16 | ((short) SHORT.get(b, i + 1) & 0xFFFF);
    }

    /** {@link ByteBuffer#getInt(int)}, big-endian. */
    public static int getInt(ByteBuffer b, int i) {
        return (int) INT.get(b, i);
    }

    /** Four bytes at {@code i} as an unsigned value. */
    public static long getUnsignedInt(ByteBuffer b, int i) {
        return (int) INT.get(b, i) & 0xFFFF_FFFFL;
    }

    /** {@link ByteBuffer#getInt(int)}, little-endian (the RTMP message stream id). */
    public static int getIntLe(ByteBuffer b, int i) {
        return (int) INT_LE.get(b, i);
    }

    /** {@link ByteBuffer#getLong(int)}, big-endian. */
    public static long getLong(ByteBuffer b, int i) {
        return (long) LONG.get(b, i);
    }

    /** {@link ByteBuffer#getDouble(int)}, big-endian. */
    public static double getDouble(ByteBuffer b, int i) {
        return (double) DOUBLE.get(b, i);
    }



    /** {@link ByteBuffer#getLong()}, big-endian. */
    public static long getLongRelative(ByteBuffer b) {
        return (long) LONG.get(b, consume(b, Long.BYTES));
    }


    /** {@link ByteBuffer#putShort(int, short)}, big-endian. */
    public static ByteBuffer putShort(ByteBuffer b, int i, short v) {
        SHORT.set(b, i, v);
        return b;
    }

    /** Writes the low 24 bits of {@code v} at {@code i}, big-endian. */
    public static ByteBuffer putMedium(ByteBuffer b, int i, int v) {
        b.put(i, (byte) (v >>> 16));
        SHORT.set(b, i + 1, (short) v);
        return b;
    }

    /** {@link ByteBuffer#putInt(int, int)}, big-endian. */
    public static ByteBuffer putInt(ByteBuffer b, int i, int v) {
        INT.set(b, i, v);
        return b;
    }

    /** {@link ByteBuffer#putInt(int, int)}, little-endian (the RTMP message stream id). */
    public static ByteBuffer putIntLe(ByteBuffer b, int i, int v) {
        INT_LE.set(b, i, v);
        return b;
    }

    /** {@link ByteBuffer#putLong(int, long)}, big-endian. */
    public static ByteBuffer putLong(ByteBuffer b, int i, long v) {
        LONG.set(b, i, v);
        return b;
    }

    /** {@link ByteBuffer#putShort(short)}, big-endian. */
    public static ByteBuffer putShortRelative(ByteBuffer b, short v) {
        SHORT.set(b, reserve(b, Short.BYTES), v);
        return b;
    }

    /** Writes the low 24 bits of {@code v} at the position, big-endian, and moves past them. */
    public static ByteBuffer putMediumRelative(ByteBuffer b, int v) {
        int p = reserve(b, 3);
        b.put(p, (byte) (v >>> 16));
        SHORT.set(b, p + 1, (short) v);
        return b;
    }

    /** {@link ByteBuffer#putInt(int)}, big-endian. */
    public static ByteBuffer putIntRelative(ByteBuffer b, int v) {
        INT.set(b, reserve(b, Integer.BYTES), v);
        return b;
    }


    /** {@link ByteBuffer#putLong(long)}, big-endian. */
    public static ByteBuffer putLongRelative(ByteBuffer b, long v) {
        LONG.set(b, reserve(b, Long.BYTES), v);
        return b;
    }

    /** {@link ByteBuffer#putDouble(double)}, big-endian. */
    public static ByteBuffer putDoubleRelative(ByteBuffer b, double v) {
        DOUBLE.set(b, reserve(b, Double.BYTES), v);
        return b;
    }

    /** Two bytes of {@code a} at {@code i}, big-endian. */
    public static short getShort(byte[] a, int i) {
        return (short) ARRAY_SHORT.get(a, i);
    }

    /** Four bytes of {@code a} at {@code i}, big-endian. */
    public static int getInt(byte[] a, int i) {
        return (int) ARRAY_INT.get(a, i);
    }

    /** Eight bytes of {@code a} at {@code i}, big-endian. */
    public static long getLong(byte[] a, int i) {
        return (long) ARRAY_LONG.get(a, i);
    }

    /** Writes {@code v} into {@code a} at {@code i}, big-endian. */
    public static void putShort(byte[] a, int i, short v) {
        ARRAY_SHORT.set(a, i, v);
    }

    /** Writes {@code v} into {@code a} at {@code i}, big-endian. */
    public static void putInt(byte[] a, int i, int v) {
        ARRAY_INT.set(a, i, v);
    }

    /** Writes {@code v} into {@code a} at {@code i}, big-endian. */
    public static void putLong(byte[] a, int i, long v) {
        ARRAY_LONG.set(a, i, v);
    }

    /** Moves the position past {@code n} bytes to read and returns where it was. */
    private static int consume(ByteBuffer b, int n) {
        int p = b.position();
        if (b.limit() - p < n) {
            throw new BufferUnderflowException();
        }
        b.position(p + n);
        return p;
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
