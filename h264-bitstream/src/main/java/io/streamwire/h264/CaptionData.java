package io.streamwire.h264;

import io.streamwire.core.internal.BigEndian;
import io.streamwire.core.internal.BitReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * CEA-608/708 caption data carried in a user_data_registered_itu_t_t35 SEI payload (type 4,
 * ITU-T H.264 (08/2021) §D.1.6) as ATSC A/53 Part 4 specifies: country code 0xB5 (USA), provider
 * code 0x0031 (ATSC), user identifier "GA94", user_data_type_code 0x03, then cc_data() (CTA-708
 * §4.4).
 *
 * <pre>
 * itu_t_t35_country_code u(8)=0xB5  itu_t_t35_provider_code u(16)=0x0031  user_identifier u(32)='GA94'
 * user_data_type_code u(8)=0x03  process_em_data_flag u(1) process_cc_data_flag u(1) additional_data_flag u(1)
 * cc_count u(5)  em_data u(8)  { marker_bits u(5) cc_valid u(1) cc_type u(2) cc_data_1 u(8) cc_data_2 u(8) } x cc_count
 * marker_bits u(8)=0xFF
 * </pre>
 *
 * @param processEmDataFlag process_em_data_flag
 * @param processCcDataFlag process_cc_data_flag
 * @param additionalDataFlag additional_data_flag
 * @param emData em_data, 8 bits
 * @param triplets the cc_data triplets, at most 31
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record CaptionData(boolean processEmDataFlag, boolean processCcDataFlag, boolean additionalDataFlag, int emData,
        List<CcData> triplets) {
    static final String SPEC = "ATSC A/53 Part 4 §6.2.3; CTA-708 §4.4";
    /** "GA94". */
    public static final int ATSC_USER_IDENTIFIER = 0x47413934;

    /**
     * One cc_data triplet.
     *
     * @param ccValid cc_valid
     * @param ccType cc_type, 0..3 (0 and 1: CEA-608 field 1 and 2; 2 and 3: DTVCC packet data and start)
     * @param ccData1 cc_data_1
     * @param ccData2 cc_data_2
     */
    public record CcData(boolean ccValid, int ccType, int ccData1, int ccData2) {
        /** Checks widths. */
        public CcData {
            if (ccType >>> 2 != 0 || ccData1 >>> 8 != 0 || ccData2 >>> 8 != 0) {
                throw new IllegalArgumentException("cc_data fields out of range");
            }
        }

        /** True for CEA-608 byte pairs (cc_type 0 or 1). */
        public boolean isCea608() {
            return ccType < 2;
        }
    }

    /** Checks ranges and copies. */
    public CaptionData {
        triplets = List.copyOf(triplets);
        if (emData >>> 8 != 0 || triplets.size() > 31) {
            throw new IllegalArgumentException("caption data out of range");
        }
    }

    /**
     * Decodes the captions of a type 4 message, or returns null when the message is another T.35
     * registration (not ATSC A/53 cc_data).
     *
     * @throws io.streamwire.core.TruncatedInputException if it is A/53 cc_data but truncated
     */
    public static CaptionData parse(SeiMessage message) {
        if (message.payloadType() != SeiMessage.USER_DATA_REGISTERED_ITU_T_T35) {
            return null;
        }
        ByteBuffer p = message.payload();
        int i = p.position();
        if (p.remaining() < 8 || (p.get(i) & 0xFF) != 0xB5 || BigEndian.getShort(p, i + 1) != 0x0031 || BigEndian.getInt(p, i + 3) != ATSC_USER_IDENTIFIER
                || p.get(i + 7) != 0x03) {
            return null;
        }
        BitReader r = Rbsp.unescaped(p, i + 8, p.limit(), message.offset() + 8, "cc_data", SPEC);
        boolean em = r.flag("process_em_data_flag");
        boolean cc = r.flag("process_cc_data_flag");
        boolean additional = r.flag("additional_data_flag");
        int count = r.u(5, "cc_count");
        int emData = r.u(8, "em_data");
        List<CcData> triplets = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            r.u(5, "marker_bits");
            boolean valid = r.flag("cc_valid");
            int type = r.u(2, "cc_type");
            triplets.add(new CcData(valid, type, r.u(8, "cc_data_1"), r.u(8, "cc_data_2")));
        }
        return new CaptionData(em, cc, additional, emData, triplets);
    }

    /** The type 4 message: T.35 header, GA94, cc_data and the final marker byte 0xFF. */
    public SeiMessage toMessage() {
        ByteBuffer out = ByteBuffer.allocate(8 + 2 + 3 * triplets.size() + 1);
        BigEndian.putIntRelative(BigEndian.putShortRelative(out.put((byte) 0xB5), (short) 0x0031), ATSC_USER_IDENTIFIER).put((byte) 0x03);
        out.put((byte) ((processEmDataFlag ? 0x80 : 0) | (processCcDataFlag ? 0x40 : 0) | (additionalDataFlag ? 0x20 : 0) | triplets.size()));
        out.put((byte) emData);
        for (CcData t : triplets) {
            out.put((byte) (0xF8 | (t.ccValid() ? 4 : 0) | t.ccType())).put((byte) t.ccData1()).put((byte) t.ccData2());
        }
        out.put((byte) 0xFF).flip();
        return new SeiMessage(SeiMessage.USER_DATA_REGISTERED_ITU_T_T35, out, -1);
    }

    /** The CEA-608 characters of the valid field-1 pairs (cc_type 0), parity bits dropped, control codes skipped. */
    public String cea608Field1Text() {
        StringBuilder sb = new StringBuilder();
        for (CcData t : triplets) {
            if (t.ccValid() && t.ccType() == 0) {
                int a = t.ccData1() & 0x7F;
                int b = t.ccData2() & 0x7F;
                if (a >= 0x20) {
                    sb.append((char) a);
                    if (b >= 0x20) {
                        sb.append((char) b);
                    }
                }
            }
        }
        return sb.toString();
    }
}
