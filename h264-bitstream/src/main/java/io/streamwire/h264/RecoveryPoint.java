package io.streamwire.h264;

import io.streamwire.core.internal.RbspWriter;

import io.streamwire.core.internal.BitReader;
import java.nio.ByteBuffer;

/**
 * recovery_point() SEI payload (type 6): ITU-T H.264 (08/2021) §D.1.8, semantics §D.2.8. Marks a
 * random access point without an IDR picture (open GOP, intra refresh).
 *
 * <pre>
 * recovery_frame_cnt ue(v)  exact_match_flag u(1)  broken_link_flag u(1)  changing_slice_group_idc u(2)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param recoveryFrameCnt recovery_frame_cnt, 0..MaxFrameNum-1 (bounded here to 0..65535)
 * @param exactMatchFlag exact_match_flag
 * @param brokenLinkFlag broken_link_flag
 * @param changingSliceGroupIdc changing_slice_group_idc, 0..2
 *
 * @since 0.1.0
 */
public record RecoveryPoint(int recoveryFrameCnt, boolean exactMatchFlag, boolean brokenLinkFlag, int changingSliceGroupIdc) {
    static final String SPEC = "ITU-T H.264 §D.1.8";

    /** Checks ranges. */
    public RecoveryPoint {
        if (recoveryFrameCnt < 0 || recoveryFrameCnt > 65535 || changingSliceGroupIdc < 0 || changingSliceGroupIdc > 2) {
            throw new IllegalArgumentException("recovery point fields out of range");
        }
    }

    /**
     * Decodes a message of type 6.
     *
     * @throws H264Exception if the payload is malformed or of another type
     * @throws io.streamwire.core.TruncatedInputException if it ends early
     */
    public static RecoveryPoint parse(SeiMessage message) {
        if (message.payloadType() != SeiMessage.RECOVERY_POINT) {
            throw new H264Exception("sei payloadType", message.payloadType() + " is not recovery_point (6)", message.offset(), SPEC);
        }
        BitReader r = message.reader("recovery_point", SPEC);
        int cnt = r.ue("recovery_frame_cnt", 65535);
        boolean exact = r.flag("exact_match_flag");
        boolean broken = r.flag("broken_link_flag");
        int idc = r.check("changing_slice_group_idc", r.u(2, "changing_slice_group_idc"), 0, 2);
        return new RecoveryPoint(cnt, exact, broken, idc);
    }

    /** The message, payload byte-aligned with a 1 bit and zero bits as sei_payload() requires. */
    public SeiMessage toMessage() {
        RbspWriter w = new RbspWriter().ue(recoveryFrameCnt).flag(exactMatchFlag).flag(brokenLinkFlag).u(2, changingSliceGroupIdc);
        if (!w.byteAligned()) {
            w.trailingBits(); // bit_equal_to_one then bit_equal_to_zero (§7.3.2.3.2)
        }
        return new SeiMessage(SeiMessage.RECOVERY_POINT, ByteBuffer.wrap(w.toRbsp()), -1);
    }
}
