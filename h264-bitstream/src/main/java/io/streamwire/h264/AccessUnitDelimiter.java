package io.streamwire.h264;

import io.streamwire.core.internal.BitReader;
import java.nio.ByteBuffer;

/**
 * Access unit delimiter: access_unit_delimiter_rbsp() of ITU-T H.264 (08/2021) §7.3.2.4, semantics
 * §7.4.2.4.
 *
 * <pre>
 * primary_pic_type u(3)  rbsp_trailing_bits()
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param primaryPicType primary_pic_type, 0..7 (Table 7-5: which slice types the picture may hold)
 *
 * @since 0.1.0
 */
public record AccessUnitDelimiter(int primaryPicType) {
    static final String SPEC = "ITU-T H.264 §7.3.2.4";

    /** Checks the width. */
    public AccessUnitDelimiter {
        if (primaryPicType >>> 3 != 0) {
            throw new IllegalArgumentException("primary_pic_type " + primaryPicType);
        }
    }

    /**
     * Parses an AUD NAL unit (header byte first, type 9); the position moves to the limit on success.
     *
     * @throws H264Exception if the type is not 9 or the trailing bits are bad
     * @throws io.streamwire.core.TruncatedInputException if the RBSP ends before primary_pic_type
     */
    public static AccessUnitDelimiter parse(ByteBuffer nal, long offset) {
        int p = nal.position();
        if (!nal.hasRemaining() || (nal.get(p) & 0x1F) != NalUnitHeader.TYPE_AUD) {
            throw new H264Exception("aud nal_unit_type", nal.hasRemaining() ? (nal.get(p) & 0x1F) + " is not 9" : "missing", offset, SPEC);
        }
        BitReader r = Rbsp.reader(nal, p + 1, nal.limit(), offset + 1, "aud", SPEC);
        int type = r.u(3, "primary_pic_type");
        r.rbspTrailingBits();
        nal.position(nal.limit());
        return new AccessUnitDelimiter(type);
    }

    /** The NAL unit (nal_ref_idc 0): two bytes, e.g. {@code 09 10} for primary_pic_type 0. */
    public byte[] toNal() {
        return new byte[] {NalUnitHeader.TYPE_AUD, (byte) (primaryPicType << 5 | 0x10)};
    }
}
