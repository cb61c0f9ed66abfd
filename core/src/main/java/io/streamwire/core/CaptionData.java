package io.streamwire.core;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * CEA-608/708 caption data as ATSC A/53 Part 4 carries it in a user_data_registered_itu_t_t35 SEI
 * payload (payloadType 4) of H.264 (ITU-T H.264 (08/2021) §D.1.6) and H.265 (ITU-T H.265 (09/2023)
 * §D.2.6): country code 0xB5 (USA), provider code 0x0031 (ATSC), user identifier "GA94",
 * user_data_type_code 0x03, then cc_data() (CTA-708 §4.4). One model for both codecs: the H.264 and
 * H.265 modules hand their SEI payloads to {@link #parse} and wrap {@link #toT35Payload()} in their
 * own SEI message.
 *
 * <pre>
 * itu_t_t35_country_code u(8)=0xB5  itu_t_t35_provider_code u(16)=0x0031  user_identifier u(32)='GA94'
 * user_data_type_code u(8)=0x03  process_em_data_flag u(1) process_cc_data_flag u(1) additional_data_flag u(1)
 * cc_count u(5)  em_data u(8)  { marker_bits u(5) cc_valid u(1) cc_type u(2) cc_data_1 u(8) cc_data_2 u(8) } x cc_count
 * marker_bits u(8)=0xFF
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param processEmDataFlag process_em_data_flag
 * @param processCcDataFlag process_cc_data_flag
 * @param additionalDataFlag additional_data_flag
 * @param emData em_data, 8 bits
 * @param triplets the cc_data triplets, at most 31
 *
 * @since 0.2.0
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
     * Decodes the A/53 captions of a user_data_registered_itu_t_t35 payload, {@code payload}'s position
     * to its limit (emulation prevention already removed), or returns null when the payload is another
     * T.35 registration. The position is unchanged.
     *
     * @param offset the stream offset of the payload's first byte, for errors
     * @param module the calling module's name, carried by the exception ({@code "h264"}, {@code "h265"})
     * @throws TruncatedInputException if it is A/53 cc_data but ends before its cc_count triplets
     */
    public static CaptionData parse(ByteBuffer payload, long offset, String module) {
        int i = payload.position();
        int n = payload.remaining();
        if (n < 8 || (payload.get(i) & 0xFF) != 0xB5 || (payload.get(i + 1) & 0xFF) != 0x00 || (payload.get(i + 2) & 0xFF) != 0x31
                || ((payload.get(i + 3) & 0xFF) << 24 | (payload.get(i + 4) & 0xFF) << 16 | (payload.get(i + 5) & 0xFF) << 8
                        | payload.get(i + 6) & 0xFF) != ATSC_USER_IDENTIFIER || payload.get(i + 7) != 0x03) {
            return null;
        }
        if (n < 10) {
            throw new TruncatedInputException(module, "cc_data cc_count", "needs 2 bytes, " + (n - 8) + " remain", offset + n, SPEC);
        }
        int flags = payload.get(i + 8) & 0xFF;
        int count = flags & 0x1F;
        if (n < 10 + 3 * count) {
            throw new TruncatedInputException(module, "cc_data cc_data_1", "needs " + 3 * count + " bytes for cc_count " + count
                    + ", " + (n - 10) + " remain", offset + n, SPEC);
        }
        List<CcData> triplets = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int at = i + 10 + 3 * k;
            int b = payload.get(at) & 0xFF;
            triplets.add(new CcData((b & 4) != 0, b & 3, payload.get(at + 1) & 0xFF, payload.get(at + 2) & 0xFF));
        }
        return new CaptionData((flags & 0x80) != 0, (flags & 0x40) != 0, (flags & 0x20) != 0, payload.get(i + 9) & 0xFF, triplets);
    }

    /** The user_data_registered_itu_t_t35 payload: T.35 header, GA94, cc_data and the final marker byte 0xFF. */
    public byte[] toT35Payload() {
        ByteBuffer out = ByteBuffer.allocate(8 + 2 + 3 * triplets.size() + 1);
        out.put((byte) 0xB5).putShort((short) 0x0031).putInt(ATSC_USER_IDENTIFIER).put((byte) 0x03);
        out.put((byte) ((processEmDataFlag ? 0x80 : 0) | (processCcDataFlag ? 0x40 : 0) | (additionalDataFlag ? 0x20 : 0) | triplets.size()));
        out.put((byte) emData);
        for (CcData t : triplets) {
            out.put((byte) (0xF8 | (t.ccValid() ? 4 : 0) | t.ccType())).put((byte) t.ccData1()).put((byte) t.ccData2());
        }
        out.put((byte) 0xFF);
        return out.array();
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
