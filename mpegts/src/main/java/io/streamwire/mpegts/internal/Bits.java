package io.streamwire.mpegts.internal;

import java.nio.ByteBuffer;

/** Clock and timestamp field codecs shared by the packet, PES and SCTE-35 code (absolute reads and relative writes). */
public final class Bits {
    private Bits() {}

    /** Reads a 6-byte clock (base 33, reserved 6, extension 9) as 27 MHz units. */
    public static long clock(ByteBuffer in, int i) {
        long base = ((BigEndian.getInt(in, i) & 0xFFFFFFFFL) << 1) | ((in.get(i + 4) & 0x80) >>> 7);
        int ext = ((in.get(i + 4) & 1) << 8) | (in.get(i + 5) & 0xFF);
        return base * 300 + ext;
    }

    /** The 33-bit base of a 6-byte clock. */
    public static long clockBase(ByteBuffer in, int i) {
        return ((BigEndian.getInt(in, i) & 0xFFFFFFFFL) << 1) | ((in.get(i + 4) & 0x80) >>> 7);
    }

    /** The 9-bit extension of a 6-byte clock. */
    public static int clockExtension(ByteBuffer in, int i) {
        return ((in.get(i + 4) & 1) << 8) | (in.get(i + 5) & 0xFF);
    }

    /** Writes a 6-byte clock from base and extension with the reserved bits set. */
    public static void putClock(ByteBuffer out, long base, int ext) {
        BigEndian.putIntRelative(out, (int) (base >>> 1));
        out.put((byte) ((base & 1) << 7 | 0x7E | ext >>> 8));
        out.put((byte) ext);
    }

    /** Writes a 6-byte clock from 27 MHz units with the reserved bits set. */
    public static void putClock(ByteBuffer out, long clock27) {
        long base = clock27 / 300;
        int ext = (int) (clock27 % 300);
        BigEndian.putIntRelative(out, (int) (base >>> 1));
        out.put((byte) ((base & 1) << 7 | 0x7E | ext >>> 8));
        out.put((byte) ext);
    }

    /** Reads a 5-byte 33-bit timestamp with marker bits (PTS/DTS layout; the top nibble is ignored). */
    public static long timestamp(ByteBuffer in, int i) {
        return ((long) (in.get(i) & 0x0E) << 29) | ((BigEndian.getShort(in, i + 1) & 0xFFFEL) << 14) | ((BigEndian.getShort(in, i + 3) & 0xFFFE) >>> 1);
    }

    /** True when the three marker bits of a 5-byte timestamp are set. */
    public static boolean timestampMarkers(ByteBuffer in, int i) {
        return (in.get(i) & 1) != 0 && (in.get(i + 2) & 1) != 0 && (in.get(i + 4) & 1) != 0;
    }

    /** Writes a 5-byte 33-bit timestamp with marker bits and the 4-bit prefix. */
    public static void putTimestamp(ByteBuffer out, int prefix, long ts) {
        out.put((byte) (prefix << 4 | (int) (ts >>> 29) & 0x0E | 1));
        BigEndian.putShortRelative(out, (short) (((ts >>> 14) & 0xFFFE) | 1));
        BigEndian.putShortRelative(out, (short) (((ts << 1) & 0xFFFE) | 1));
    }

    /** Writes a 5-byte timestamp at an absolute index. */
    public static void putTimestamp(ByteBuffer out, int index, int prefix, long ts) {
        out.put(index, (byte) (prefix << 4 | (int) (ts >>> 29) & 0x0E | 1));
        BigEndian.putShort(out, index + 1, (short) (((ts >>> 14) & 0xFFFE) | 1));
        BigEndian.putShort(out, index + 3, (short) (((ts << 1) & 0xFFFE) | 1));
    }
}
