package io.streamwire.h264;

import io.streamwire.core.CaptionData;
import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.core.internal.BitReader;
import io.streamwire.core.internal.EmulationPrevention;
import io.streamwire.core.internal.RbspWriter;
import io.streamwire.core.internal.SeiPayloads;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One sei_message() of an SEI NAL unit: ITU-T H.264 (08/2021) §7.3.2.3.1 and Annex D. Typed
 * decoders exist for the payload types this module knows ({@link RecoveryPoint},
 * {@link UserDataUnregistered}, core's {@link CaptionData} in user_data_registered_itu_t_t35
 * ({@link #captionData()}, {@link #captions(CaptionData)}),
 * {@link PicTiming}, {@link BufferingPeriod}); every other type stays raw here.
 *
 * <pre>
 * payloadType: ff_byte* last_payload_type_byte u(8)   payloadSize: ff_byte* last_payload_size_byte u(8)
 * sei_payload(payloadType, payloadSize)
 * </pre>
 *
 * <p>Immutable and thread-safe (the payload buffer is a read-only view; duplicate it to read).
 *
 * @param payloadType payloadType, the sum of its bytes (0xFF extension), 0..2^31-1
 * @param payload the payloadSize RBSP bytes (emulation prevention removed), read-only
 * @param offset stream offset of the message's first byte (approximate by the emulation prevention
 *     bytes removed before it)
 *
 * @since 0.1.0
 */
public record SeiMessage(int payloadType, ByteBuffer payload, long offset) {
    /** buffering_period. */
    public static final int BUFFERING_PERIOD = 0;
    /** pic_timing. */
    public static final int PIC_TIMING = 1;
    /** user_data_registered_itu_t_t35. */
    public static final int USER_DATA_REGISTERED_ITU_T_T35 = 4;
    /** user_data_unregistered. */
    public static final int USER_DATA_UNREGISTERED = 5;
    /** recovery_point. */
    public static final int RECOVERY_POINT = 6;

    static final String SPEC = "ITU-T H.264 §7.3.2.3.1";
    private static final SeiPayloads.Format FORMAT = new SeiPayloads.Format(H264Exception.MODULE,
            "H264Limits.maxSeiPayloadSize()", SPEC, H264Exception::new);

    /** Checks and makes the payload read-only. */
    public SeiMessage {
        if (payloadType < 0) {
            throw new IllegalArgumentException("payloadType " + payloadType);
        }
        payload = payload.asReadOnlyBuffer();
    }

    /** payloadSize in bytes. */
    public int payloadSize() {
        return payload.remaining();
    }

    /** A copy of the payload bytes. */
    public byte[] payloadBytes() {
        byte[] b = new byte[payload.remaining()];
        payload.duplicate().get(b);
        return b;
    }

    /**
     * The messages of an SEI NAL unit (header byte first, type 6) from {@code nal}'s position to its
     * limit; the position is unchanged. Payloads are slices of the NAL unit when it has no
     * emulation prevention bytes, else of one unescaped copy.
     *
     * @param offset stream offset of the header byte
     * @throws LimitExceededException if a payloadSize exceeds {@link H264Limits#maxSeiPayloadSize()}
     * @throws H264Exception if a payloadSize runs past the NAL unit's end, a payloadType exceeds
     *     {@link Integer#MAX_VALUE} (a run of more than 8,421,504 ff_byte), or the NAL unit type is not 6
     * @throws TruncatedInputException if the NAL unit ends inside a payloadType or payloadSize
     */
    public static List<SeiMessage> parseAll(ByteBuffer nal, H264Limits limits, long offset) {
        int p = nal.position();
        if (!nal.hasRemaining() || (nal.get(p) & 0x1F) != NalUnitHeader.TYPE_SEI) {
            throw new H264Exception("sei nal_unit_type", nal.hasRemaining() ? (nal.get(p) & 0x1F) + " is not 6" : "missing", offset, SPEC);
        }
        ByteBuffer rbsp = EmulationPrevention.remove(nal.duplicate().position(p + 1));
        List<SeiMessage> messages = new ArrayList<>();
        // lenient: a NAL unit may end after a whole message without rbsp_trailing_bits
        SeiPayloads.parse(rbsp, offset + 1, limits.maxSeiPayloadSize(), FORMAT, (type, start, payload, size) ->
                messages.add(new SeiMessage(type, rbsp.slice(payload, size), offset + 1 + start)));
        return messages;
    }

    /** {@link #parseAll(ByteBuffer, H264Limits, long)} with default limits at offset 0. */
    public static List<SeiMessage> parseAll(ByteBuffer nal) {
        return parseAll(nal, H264Limits.defaults(), 0);
    }

    /**
     * An SEI NAL unit (nal_ref_idc 0) carrying the messages in order, with the 0xFF-extended type and
     * size codes, rbsp_trailing_bits and emulation prevention.
     */
    public static byte[] toNal(List<SeiMessage> messages) {
        RbspWriter w = new RbspWriter();
        for (SeiMessage m : messages) {
            SeiPayloads.writeMessage(w, m.payloadType(), m.payload());
        }
        return w.trailingBits().toNal(NalUnitHeader.TYPE_SEI);
    }

    /**
     * The ATSC A/53 captions of a user_data_registered_itu_t_t35 message (type 4), or null when the
     * message is of another type or another T.35 registration.
     *
     * @throws TruncatedInputException if it is A/53 cc_data but ends before its triplets
     * @since 0.2.0
     */
    public CaptionData captionData() {
        return payloadType != USER_DATA_REGISTERED_ITU_T_T35 ? null : CaptionData.parse(payload.duplicate(), offset, H264Exception.MODULE);
    }

    /**
     * The user_data_registered_itu_t_t35 message (type 4) carrying {@code captions}.
     *
     * @since 0.2.0
     */
    public static SeiMessage captions(CaptionData captions) {
        return new SeiMessage(USER_DATA_REGISTERED_ITU_T_T35, ByteBuffer.wrap(captions.toT35Payload()), -1);
    }

    BitReader reader(String structure, String specRef) {
        return Rbsp.unescaped(payload, payload.position(), payload.limit(), offset, structure, specRef);
    }
}
