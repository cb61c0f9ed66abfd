package io.streamwire.h265;

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
 * One sei_message() of a prefix (type 39) or suffix (type 40) SEI NAL unit: ITU-T H.265 (09/2023)
 * §7.3.5 and Annex D (§D.2). Typed decoders exist for the payload types this module knows
 * ({@link HevcUserDataUnregistered}, {@link HevcRecoveryPoint}, {@link MasteringDisplayColourVolume},
 * {@link ContentLightLevel}, {@link TimeCode}, and ATSC A/53 captions in user_data_registered_itu_t_t35
 * through {@link #captionData()}); every other type stays raw here: its type and payload bytes.
 *
 * <pre>
 * payloadType: ff_byte (0xFF)* last_payload_type_byte u(8)   payloadSize: ff_byte (0xFF)* last_payload_size_byte u(8)
 * sei_payload(payloadType, payloadSize)
 * </pre>
 *
 * <p>Immutable and thread-safe (the payload buffer is a read-only view; duplicate it to read).
 *
 * @param nalUnitType the SEI NAL unit's type: 39 (PREFIX_SEI_NUT) or 40 (SUFFIX_SEI_NUT); the meaning
 *     of a payloadType can depend on it (Table D.1)
 * @param payloadType payloadType, the sum of its bytes, 0..2^31-1
 * @param payload the payloadSize bytes of sei_payload() (emulation prevention removed), read-only
 * @param offset stream offset of the payload's first byte, after the message's payloadType and
 *     payloadSize bytes (approximate by the emulation prevention bytes removed ahead of it), or -1 for
 *     a message made here; typed decoders count their error offsets from it
 *
 * @since 0.2.0
 */
public record HevcSeiMessage(int nalUnitType, int payloadType, ByteBuffer payload, long offset) {
    /** buffering_period (prefix). */
    public static final int BUFFERING_PERIOD = 0;
    /** pic_timing (prefix). */
    public static final int PIC_TIMING = 1;
    /** user_data_registered_itu_t_t35 (prefix or suffix). */
    public static final int USER_DATA_REGISTERED_ITU_T_T35 = 4;
    /** user_data_unregistered (prefix or suffix). */
    public static final int USER_DATA_UNREGISTERED = 5;
    /** recovery_point (prefix). */
    public static final int RECOVERY_POINT = 6;
    /** decoded_picture_hash (suffix). */
    public static final int DECODED_PICTURE_HASH = 132;
    /** time_code (prefix). */
    public static final int TIME_CODE = 136;
    /** mastering_display_colour_volume (prefix). */
    public static final int MASTERING_DISPLAY_COLOUR_VOLUME = 137;
    /** content_light_level_info (prefix). */
    public static final int CONTENT_LIGHT_LEVEL_INFO = 144;

    static final String SPEC = "ITU-T H.265 (09/2023) §7.3.5";
    private static final SeiPayloads.Format FORMAT = new SeiPayloads.Format(H265Exception.MODULE,
            "H265Limits.maxSeiPayloadSize()", SPEC, H265Exception::new);

    /** Checks the type and makes the payload read-only. */
    public HevcSeiMessage {
        if ((nalUnitType != 39 && nalUnitType != 40) || payloadType < 0) {
            throw new IllegalArgumentException("nal_unit_type " + nalUnitType + " or payloadType " + payloadType);
        }
        payload = payload.asReadOnlyBuffer();
    }

    /** A prefix SEI message (NAL unit type 39) made here (offset -1). */
    public static HevcSeiMessage prefix(int payloadType, ByteBuffer payload) {
        return new HevcSeiMessage(39, payloadType, payload, -1);
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
     * The ATSC A/53 captions of a user_data_registered_itu_t_t35 message (type 4), or null when the
     * message is of another type or another T.35 registration.
     *
     * @throws TruncatedInputException if it is A/53 cc_data but ends before its triplets
     */
    public CaptionData captionData() {
        return payloadType != USER_DATA_REGISTERED_ITU_T_T35 ? null : CaptionData.parse(payload.duplicate(), offset, H265Exception.MODULE);
    }

    /** The prefix user_data_registered_itu_t_t35 message (type 4) carrying {@code captions}. */
    public static HevcSeiMessage captions(CaptionData captions) {
        return prefix(USER_DATA_REGISTERED_ITU_T_T35, ByteBuffer.wrap(captions.toT35Payload()));
    }

    /**
     * The messages of an SEI NAL unit (two header bytes first, type 39 or 40) from {@code nal}'s
     * position to its limit; the position is unchanged. Payloads are slices of the NAL unit when it
     * holds no emulation prevention bytes, else of one unescaped copy of its RBSP.
     *
     * @param offset stream offset of the first header byte
     * @throws LimitExceededException if a payloadSize exceeds {@link H265Limits#maxSeiPayloadSize()}
     *     (checked before the payload is sliced; a payloadSize past the int range does too)
     * @throws H265Exception if the type is not 39 or 40, a payloadType exceeds the int range, or a
     *     payloadSize runs past the NAL unit's end
     * @throws TruncatedInputException if the NAL unit ends inside a payloadType or payloadSize
     * @implNote A NAL unit that ends after a whole message without rbsp_trailing_bits is accepted.
     */
    public static List<HevcSeiMessage> parseAll(ByteBuffer nal, H265Limits limits, long offset) {
        int h = RbspNal.header(nal, -1, "sei", offset);
        int type = h >>> 9 & 0x3F;
        if (type != 39 && type != 40) {
            throw new H265Exception("sei nal_unit_type", type + " is not 39 or 40", offset, RbspNal.HEADER_SPEC);
        }
        ByteBuffer rbsp = EmulationPrevention.remove(nal.duplicate().position(nal.position() + 2));
        List<HevcSeiMessage> messages = new ArrayList<>();
        SeiPayloads.parse(rbsp, offset + 2, limits.maxSeiPayloadSize(), FORMAT, (payloadType, start, payload, size) ->
                messages.add(new HevcSeiMessage(type, payloadType, rbsp.slice(payload, size), offset + 2 + payload)));
        return messages;
    }

    /** {@link #parseAll(ByteBuffer, H265Limits, long)} with default limits at offset 0. */
    public static List<HevcSeiMessage> parseAll(ByteBuffer nal) {
        return parseAll(nal, H265Limits.defaults(), 0);
    }

    /**
     * An SEI NAL unit of {@code nalUnitType} (39 or 40; nuh_layer_id 0, nuh_temporal_id_plus1 1) carrying
     * the messages in order, with the 0xFF-extended type and size codes, rbsp_trailing_bits and
     * emulation prevention.
     */
    public static byte[] toNal(int nalUnitType, List<HevcSeiMessage> messages) {
        if (nalUnitType != 39 && nalUnitType != 40) {
            throw new IllegalArgumentException("nal_unit_type " + nalUnitType + " (expected: 39 or 40)");
        }
        RbspWriter w = new RbspWriter();
        for (HevcSeiMessage m : messages) {
            SeiPayloads.writeMessage(w, m.payloadType(), m.payload());
        }
        return w.trailingBits().toNal(RbspNal.headerBits(nalUnitType, 0, 1), 2);
    }

    /** Requires the payload type of a typed decoder. */
    void requireType(int expected, String name, String spec) {
        if (payloadType != expected) {
            throw new H265Exception("sei payloadType", payloadType + " is not " + name + " (" + expected + ")", offset, spec);
        }
    }

    /** A reader over the payload bytes (no emulation prevention left). */
    BitReader reader(String structure, String specRef) {
        return Rbsp.unescaped(payload, payload.position(), payload.limit(), offset, structure, specRef);
    }
}
