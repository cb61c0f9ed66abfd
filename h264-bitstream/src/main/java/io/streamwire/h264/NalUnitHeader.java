package io.streamwire.h264;

import java.nio.ByteBuffer;

/**
 * The one-byte NAL unit header: ITU-T H.264 (08/2021) §7.3.1, semantics §7.4.1.
 *
 * <pre>
 * F RR TTTTT
 * F forbidden_zero_bit (1)   R nal_ref_idc (2)   T nal_unit_type (5)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param forbiddenZeroBit forbidden_zero_bit, 1 bit; 1 marks a NAL the sender knows is damaged
 * @param nalRefIdc nal_ref_idc, 2 bits, 0..3
 * @param nalUnitType nal_unit_type, 5 bits, 0..31; values Table 7-1 leaves reserved or
 *     unspecified are kept as they are (see {@link #isKnownType()})
 *
 * @since 0.1.0
 */
public record NalUnitHeader(int forbiddenZeroBit, int nalRefIdc, int nalUnitType) {
    /** Coded slice of a non-IDR picture. */
    public static final int TYPE_SLICE = 1;
    /** Coded slice of an IDR picture. */
    public static final int TYPE_IDR = 5;
    /** Supplemental enhancement information. */
    public static final int TYPE_SEI = 6;
    /** Sequence parameter set. */
    public static final int TYPE_SPS = 7;
    /** Picture parameter set. */
    public static final int TYPE_PPS = 8;
    /** Access unit delimiter. */
    public static final int TYPE_AUD = 9;

    /** Checks the bit widths. */
    public NalUnitHeader {
        if (forbiddenZeroBit >>> 1 != 0 || nalRefIdc >>> 2 != 0 || nalUnitType >>> 5 != 0) {
            throw new IllegalArgumentException("NAL header fields out of range: " + forbiddenZeroBit + ", " + nalRefIdc + ", " + nalUnitType);
        }
    }

    /**
     * Parses the header byte at the buffer's position and moves the position past it.
     *
     * @throws H264Exception if no byte remains (position unchanged)
     */
    public static NalUnitHeader parse(ByteBuffer in) {
        if (!in.hasRemaining()) {
            throw new H264Exception("nal_unit_header", "needs 1 byte, 0 remain", in.position(), "ITU-T H.264 §7.3.1");
        }
        int b = in.get() & 0xFF;
        return new NalUnitHeader(b >>> 7, (b >>> 5) & 3, b & 0x1F);
    }

    /** The header as one byte value, 0..255. */
    public int toByte() {
        return forbiddenZeroBit << 7 | nalRefIdc << 5 | nalUnitType;
    }

    /** Writes the header byte at the buffer's position and moves the position past it. */
    public void writeTo(ByteBuffer out) {
        out.put((byte) (forbiddenZeroBit << 7 | nalRefIdc << 5 | nalUnitType));
    }

    /** True for types 1..5: coded slices (video coding layer). */
    public boolean isVcl() {
        return nalUnitType >= 1 && nalUnitType <= 5;
    }

    /** True where Table 7-1 assigns the type (1..21 less the reserved 17, 18 and 22..23 range). */
    public boolean isKnownType() {
        return (nalUnitType >= 1 && nalUnitType <= 16) || (nalUnitType >= 19 && nalUnitType <= 21);
    }

    /**
     * Bytes of NAL unit header extension that follow this byte: 3 for types 14 and 20 (SVC/MVC,
     * §7.3.1 nal_unit_header_svc_extension / _mvc_extension), else 0.
     */
    public int extensionLengthBytes() {
        return nalUnitType == 14 || nalUnitType == 20 ? 3 : 0;
    }
}
