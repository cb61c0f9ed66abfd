package io.streamwire.mpegts.psi;

import java.nio.ByteBuffer;

/**
 * CRC-32/MPEG-2 (polynomial 0x04C11DB7, initial 0xFFFFFFFF, no reflection, no final XOR): ISO/IEC
 * 13818-1:2019 Annex A. Over a whole section, CRC_32 included, the result is 0.
 *
 * <p>Thread-safe (stateless).
 *
 * @since 0.1.0
 */
public final class Crc32Mpeg2 {
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 24;
            for (int k = 0; k < 8; k++) {
                c = (c & 0x80000000) != 0 ? (c << 1) ^ 0x04C11DB7 : c << 1;
            }
            TABLE[i] = c;
        }
    }

    private Crc32Mpeg2() {}

    /** The CRC of {@code length} bytes from absolute {@code index}; position and limit untouched. */
    public static int compute(ByteBuffer buf, int index, int length) {
        int crc = 0xFFFFFFFF;
        for (int i = index, end = index + length; i < end; i++) {
            crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ buf.get(i)) & 0xFF];
        }
        return crc;
    }

    /** The CRC of {@code length} bytes of {@code bytes} from {@code from}. */
    public static int compute(byte[] bytes, int from, int length) {
        int crc = 0xFFFFFFFF;
        for (int i = from, end = from + length; i < end; i++) {
            crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ bytes[i]) & 0xFF];
        }
        return crc;
    }
}
