package io.streamwire.h265;

import io.streamwire.core.internal.BitReader;
import io.streamwire.core.internal.RbspWriter;
import java.nio.ByteBuffer;

/**
 * The bits of a parameter set extension this module keeps without interpreting them: everything from
 * the start of the first such extension to the rbsp_stop_one_bit, e.g. sps_3d_extension(),
 * sps_scc_extension() and the sps_extension_data_flag bits (ITU-T H.265 (09/2023) §7.3.2.2.1),
 * or the vps_extension_data_flag bits (§7.3.2.1). Kept so that writing the parameter set reproduces
 * it bit for bit; nothing after them in the RBSP depends on their content.
 *
 * <p>Immutable and thread-safe (the buffer is a read-only copy).
 *
 * @param data the bits, most significant first, padded with zero bits to whole bytes; read-only
 * @param bitLength the number of bits, 0..8 x data.remaining()
 *
 * @since 0.2.0
 */
public record HevcExtensionData(ByteBuffer data, int bitLength) {
    /** Copies the bits and checks the length and the padding. */
    public HevcExtensionData {
        byte[] b = new byte[data.remaining()];
        data.duplicate().get(b);
        if (bitLength < 0 || (bitLength + 7) / 8 != b.length || (b.length > 0 && (b[b.length - 1] & (0xFF >>> (bitLength - 8 * (b.length - 1)))) != 0)) {
            throw new IllegalArgumentException(bitLength + " bits in " + b.length + " bytes, or padding bits set");
        }
        data = ByteBuffer.wrap(b).asReadOnlyBuffer();
    }

    /** The bit at index {@code i} (0 is the first). */
    public boolean bit(int i) {
        if (i < 0 || i >= bitLength) {
            throw new IndexOutOfBoundsException(i);
        }
        return (data.get(i >>> 3) << (i & 7) & 0x80) != 0;
    }

    /** Reads every bit up to the rbsp_stop_one_bit. */
    static HevcExtensionData read(BitReader r, String field) {
        byte[] b = new byte[16];
        int n = 0;
        while (r.moreRbspData()) {
            if (n >>> 3 == b.length) {
                b = java.util.Arrays.copyOf(b, 2 * b.length);
            }
            b[n >>> 3] |= (byte) (r.bit(field) << (7 - (n & 7)));
            n++;
        }
        return new HevcExtensionData(ByteBuffer.wrap(b, 0, (n + 7) >>> 3), n);
    }

    void write(RbspWriter w) {
        for (int i = 0; i < bitLength; i++) {
            w.flag(bit(i));
        }
    }
}
