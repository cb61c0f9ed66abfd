package io.streamwire.h264;

import io.streamwire.core.TruncatedInputException;
import io.streamwire.core.internal.SeiPayloads;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * user_data_unregistered() SEI payload (type 5): ITU-T H.264 (08/2021) §D.1.7: a 16-byte
 * uuid_iso_iec_11578 and free bytes. x264 writes its version and settings here as text.
 *
 * <p>Immutable and thread-safe.
 *
 * @param uuid uuid_iso_iec_11578, 128 bits
 * @param data user_data_payload_byte values, read-only
 *
 * @since 0.1.0
 */
public record UserDataUnregistered(UUID uuid, ByteBuffer data) {
    static final String SPEC = "ITU-T H.264 §D.1.7";

    /** Copies the data. */
    public UserDataUnregistered {
        data = SeiPayloads.readOnlyCopy(data);
    }

    /**
     * Decodes a message of type 5.
     *
     * @throws H264Exception if it is of another type
     * @throws TruncatedInputException if it is shorter than the UUID
     */
    public static UserDataUnregistered parse(SeiMessage message) {
        if (message.payloadType() != SeiMessage.USER_DATA_UNREGISTERED) {
            throw new H264Exception("sei payloadType", message.payloadType() + " is not user_data_unregistered (5)", message.offset(), SPEC);
        }
        ByteBuffer p = message.payload().duplicate();
        UUID uuid = SeiPayloads.readUuid(p, message.offset(), H264Exception.MODULE, SPEC);
        return new UserDataUnregistered(uuid, p.slice());
    }

    /** The data as text (ISO-8859-1, trailing NUL removed): x264's settings string. */
    public String text() {
        return SeiPayloads.latin1Text(data);
    }

    /** The message. */
    public SeiMessage toMessage() {
        return new SeiMessage(SeiMessage.USER_DATA_UNREGISTERED, SeiPayloads.userDataUnregistered(uuid, data), -1);
    }
}
