package io.streamwire.h265;

import io.streamwire.core.TruncatedInputException;
import io.streamwire.core.internal.SeiPayloads;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * user_data_unregistered() SEI payload (type 5): ITU-T H.265 (09/2023) §D.2.7: a 16-byte
 * uuid_iso_iec_11578 and free bytes. x265 writes its version and settings here as text.
 *
 * <pre>
 * uuid_iso_iec_11578 u(128)  { user_data_payload_byte u(8) } x (payloadSize - 16)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param uuid uuid_iso_iec_11578, 128 bits
 * @param data the user_data_payload_byte values, read-only
 *
 * @since 0.2.0
 */
public record HevcUserDataUnregistered(UUID uuid, ByteBuffer data) {
    static final String SPEC = "ITU-T H.265 (09/2023) §D.2.7";

    /** Copies the data. */
    public HevcUserDataUnregistered {
        data = SeiPayloads.readOnlyCopy(data);
    }

    /**
     * Decodes a message of type 5.
     *
     * @throws H265Exception if it is of another type
     * @throws TruncatedInputException if it is shorter than the UUID
     */
    public static HevcUserDataUnregistered parse(HevcSeiMessage message) {
        message.requireType(HevcSeiMessage.USER_DATA_UNREGISTERED, "user_data_unregistered", SPEC);
        ByteBuffer p = message.payload().duplicate();
        UUID uuid = SeiPayloads.readUuid(p, message.offset(), H265Exception.MODULE, SPEC);
        return new HevcUserDataUnregistered(uuid, p.slice());
    }

    /** The data as text (ISO-8859-1, trailing NUL removed): x265's settings string. */
    public String text() {
        return SeiPayloads.latin1Text(data);
    }

    /** The prefix message. */
    public HevcSeiMessage toMessage() {
        return HevcSeiMessage.prefix(HevcSeiMessage.USER_DATA_UNREGISTERED, SeiPayloads.userDataUnregistered(uuid, data));
    }
}
