package io.streamwire.h265;

import io.streamwire.core.internal.BitReader;
import io.streamwire.core.internal.RbspWriter;
import java.nio.ByteBuffer;

/**
 * recovery_point() SEI payload (type 6): ITU-T H.265 (09/2023) §D.2.8, semantics §D.3.8. Marks a
 * random access point at a non-IRAP picture (gradual decoding refresh, intra refresh).
 *
 * <pre>
 * recovery_poc_cnt se(v) -MaxPicOrderCntLsb/2..MaxPicOrderCntLsb/2-1  exact_match_flag u(1)  broken_link_flag u(1)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param recoveryPocCnt recovery_poc_cnt, bounded here to -32768..32767 (MaxPicOrderCntLsb is at most 2^16)
 * @param exactMatchFlag exact_match_flag
 * @param brokenLinkFlag broken_link_flag
 *
 * @since 0.2.0
 */
public record HevcRecoveryPoint(int recoveryPocCnt, boolean exactMatchFlag, boolean brokenLinkFlag) {
    static final String SPEC = "ITU-T H.265 (09/2023) §D.2.8";

    /** Checks the range. */
    public HevcRecoveryPoint {
        if (recoveryPocCnt < -32768 || recoveryPocCnt > 32767) {
            throw new IllegalArgumentException("recovery_poc_cnt " + recoveryPocCnt);
        }
    }

    /**
     * Decodes a message of type 6.
     *
     * @throws H265Exception if the payload is malformed or of another type
     * @throws io.streamwire.core.TruncatedInputException if it ends early
     */
    public static HevcRecoveryPoint parse(HevcSeiMessage message) {
        message.requireType(HevcSeiMessage.RECOVERY_POINT, "recovery_point", SPEC);
        BitReader r = message.reader("recovery_point", SPEC);
        int cnt = r.se("recovery_poc_cnt", -32768, 32767);
        return new HevcRecoveryPoint(cnt, r.flag("exact_match_flag"), r.flag("broken_link_flag"));
    }

    /** The prefix message, its payload ended by a 1 bit and zero bits to the byte boundary (§7.3.5, payload_bit_equal_to_one). */
    public HevcSeiMessage toMessage() {
        RbspWriter w = new RbspWriter().se(recoveryPocCnt).flag(exactMatchFlag).flag(brokenLinkFlag);
        if (!w.byteAligned()) {
            w.trailingBits();
        }
        return HevcSeiMessage.prefix(HevcSeiMessage.RECOVERY_POINT, ByteBuffer.wrap(w.toRbsp()));
    }
}
