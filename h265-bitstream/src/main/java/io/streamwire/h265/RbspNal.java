package io.streamwire.h265;

import io.streamwire.core.TruncatedInputException;
import java.nio.ByteBuffer;

/**
 * The NAL unit header checks of the parameter set, slice and SEI parsers: the two header bytes of
 * ITU-T H.265 (09/2023) §7.3.1.2 at the buffer's position, read without moving it.
 *
 * <p>Stateless and thread-safe.
 */
final class RbspNal {
    static final String HEADER_SPEC = "ITU-T H.265 (09/2023) §7.4.2.2";

    private RbspNal() {}

    /**
     * The 16 header bits of the NAL unit at {@code nal}'s position, after checking its length,
     * forbidden_zero_bit, nuh_temporal_id_plus1 and (when {@code expectedType} is not negative) the type.
     *
     * @param structure the structure named in errors, e.g. {@code "sps"}
     * @param offset the stream offset of the first header byte
     */
    static int header(ByteBuffer nal, int expectedType, String structure, long offset) {
        int p = nal.position();
        if (nal.remaining() < 2) {
            throw new TruncatedInputException(H265Exception.MODULE, structure + " nal_unit_header",
                    "needs 2 bytes, " + nal.remaining() + " present", offset, HEADER_SPEC);
        }
        int h = (nal.get(p) & 0xFF) << 8 | nal.get(p + 1) & 0xFF;
        int type = h >>> 9 & 0x3F;
        if ((h & 0x8000) != 0) {
            throw new H265Exception(structure + " forbidden_zero_bit", "is 1 (expected: 0)", offset, HEADER_SPEC);
        }
        if (expectedType >= 0 && type != expectedType) {
            throw new H265Exception(structure + " nal_unit_type", type + " is not " + expectedType, offset, HEADER_SPEC);
        }
        if ((h & 7) == 0) {
            throw new H265Exception(structure + " nuh_temporal_id_plus1", "is 0 (expected: 1..7)", offset + 1, HEADER_SPEC);
        }
        return h;
    }

    /**
     * Reads rbsp_trailing_bits() and requires them to end the RBSP: a 1 bit after the stop bit (data the
     * syntax does not account for) is refused; trailing zero bytes are allowed.
     */
    static void trailingBits(io.streamwire.core.internal.BitReader r) {
        r.rbspTrailingBits();
        if (r.moreRbspData()) {
            throw r.error("rbsp_trailing_bits", "followed by more data (a 1 bit after the rbsp_stop_one_bit)");
        }
    }

    /** nuh_layer_id of header bits {@code h}. */
    static int layerId(int h) {
        return h >>> 3 & 0x3F;
    }

    /** The two header bytes for type, layer and temporal id plus 1. */
    static int headerBits(int type, int nuhLayerId, int nuhTemporalIdPlus1) {
        if (nuhLayerId >>> 6 != 0 || nuhTemporalIdPlus1 < 1 || nuhTemporalIdPlus1 > 7) {
            throw new IllegalArgumentException("nuh_layer_id " + nuhLayerId + " or nuh_temporal_id_plus1 " + nuhTemporalIdPlus1);
        }
        return type << 9 | nuhLayerId << 3 | nuhTemporalIdPlus1;
    }
}
