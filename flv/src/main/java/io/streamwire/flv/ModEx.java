package io.streamwire.flv;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * One Enhanced RTMP v2 ModEx entry ("modifier extension") that precedes the real PacketType of an
 * ExVideoTagHeader or ExAudioTagHeader.
 *
 * <pre>
 * modExDataSize UI8 + 1 (UI16 + 1 when the UI8 is 255) | modExData | ModExType UB[4] | next PacketType UB[4]
 * </pre>
 *
 * @param modExType VideoPacketModExType / AudioPacketModExType, 4 bits (0 = TimestampOffsetNano)
 * @param modExData the data, 1..65536 bytes (a read-only slice or copy)
 *
 * <p>Immutable and thread-safe if the data is not changed by its owner.
 *
 * @since 0.1.0
 */
public record ModEx(int modExType, ByteBuffer modExData) {
    /** ModExType TimestampOffsetNano. */
    public static final int TIMESTAMP_OFFSET_NANO = 0;

    /** Checks ranges. */
    public ModEx {
        if (modExType >>> 4 != 0 || modExData.remaining() < 1 || modExData.remaining() > 65536) {
            throw new IllegalArgumentException("ModEx type " + modExType + " with " + modExData.remaining() + " bytes");
        }
        modExData = modExData.asReadOnlyBuffer();
    }

    /** The data: a read-only view with its own position. */
    @Override
    public ByteBuffer modExData() {
        return modExData.duplicate();
    }

    /** A TimestampOffsetNano entry (0..999999 ns added to the millisecond timestamp). */
    public static ModEx timestampOffsetNano(int nanos) {
        if (nanos < 0 || nanos > 0xFF_FFFF) {
            throw new IllegalArgumentException("nano offset " + nanos);
        }
        return new ModEx(TIMESTAMP_OFFSET_NANO, ByteBuffer.wrap(new byte[] {(byte) (nanos >>> 16), (byte) (nanos >>> 8), (byte) nanos}));
    }

    /** The nanosecond offset (bytesToUI24 of the data) of a TimestampOffsetNano entry, otherwise -1. */
    public int timestampOffsetNano() {
        if (modExType != TIMESTAMP_OFFSET_NANO || modExData.remaining() < 3) {
            return -1;
        }
        int p = modExData.position();
        return BigEndian.getUnsignedMedium(modExData, p);
    }

    /** Bytes this entry takes, including the type byte. */
    int encodedSize() {
        int n = modExData.remaining();
        return (n >= 256 ? 3 : 1) + n + 1;
    }

    /** Writes the entry; {@code nextPacketType} goes in the low nibble of the type byte. */
    void writeTo(ByteBuffer out, int nextPacketType) {
        int n = modExData.remaining();
        if (n >= 256) {
            BigEndian.putShortRelative(out.put((byte) 0xFF), (short) (n - 1));
        } else {
            out.put((byte) (n - 1));
        }
        out.put(out.position(), modExData, modExData.position(), n);
        out.position(out.position() + n);
        out.put((byte) (modExType << 4 | nextPacketType));
    }
}
