package io.streamwire.mpegts.internal;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * The one codec of the 5-byte, 33-bit time stamp field of ISO/IEC 13818-1:2019 §2.4.3.7 (Table
 * 2-21): PTS and DTS in the PES header ({@code io.streamwire.mpegts.pes.PesHeader}) and DTS_next_AU
 * in the adaptation field extension (§2.4.3.5).
 *
 * <pre>
 * prefix(4) TS[32..30](3) marker(1) TS[29..15](15) marker(1) TS[14..0](15) marker(1)
 * </pre>
 *
 * <p>Absolute reads and writes that leave the buffer's position alone, except {@link #putRelative}.
 * Not API. Stateless and thread-safe.
 */
public final class PesTimestamp {
    /** Bytes in the field. */
    public static final int LENGTH = 5;

    private PesTimestamp() {}

    /** The 33-bit value of the field at absolute {@code index}; the prefix and marker bits are ignored. */
    public static long get(ByteBuffer in, int index) {
        return ((long) (in.get(index) & 0x0E) << 29) | ((BigEndian.getShort(in, index + 1) & 0xFFFEL) << 14)
                | ((BigEndian.getShort(in, index + 3) & 0xFFFE) >>> 1);
    }

    /** Writes the field at absolute {@code index}: the 4-bit {@code prefix}, the low 33 bits of {@code ts}, markers set. */
    public static void put(ByteBuffer out, int index, int prefix, long ts) {
        out.put(index, (byte) (prefix << 4 | (int) (ts >>> 29) & 0x0E | 1));
        BigEndian.putShort(out, index + 1, (short) (((ts >>> 14) & 0xFFFE) | 1));
        BigEndian.putShort(out, index + 3, (short) (((ts << 1) & 0xFFFE) | 1));
    }

    /** As {@link #put(ByteBuffer, int, int, long)} at the position, which moves past the field. */
    public static void putRelative(ByteBuffer out, int prefix, long ts) {
        if (out.remaining() < LENGTH) {
            throw new java.nio.BufferOverflowException();
        }
        int p = out.position();
        put(out, p, prefix, ts);
        out.position(p + LENGTH);
    }
}
