package io.streamwire.h264;

import io.streamwire.core.TruncatedInputException;
import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
        byte[] b = new byte[data.remaining()];
        data.duplicate().get(b);
        data = ByteBuffer.wrap(b).asReadOnlyBuffer();
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
        if (p.remaining() < 16) {
            throw new TruncatedInputException(H264Exception.MODULE, "user_data_unregistered uuid_iso_iec_11578",
                    "needs 16 bytes, " + p.remaining() + " present", message.offset(), SPEC);
        }
        UUID uuid = new UUID(BigEndian.getLongRelative(p), BigEndian.getLongRelative(p));
        return new UserDataUnregistered(uuid, p.slice());
    }

    /** The data as text (ISO-8859-1, trailing NUL removed): x264's settings string. */
    public String text() {
        byte[] b = new byte[data.remaining()];
        data.duplicate().get(b);
        int n = b.length;
        while (n > 0 && b[n - 1] == 0) {
            n--;
        }
        return new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** The message. */
    public SeiMessage toMessage() {
        ByteBuffer out = ByteBuffer.allocate(16 + data.remaining());
        BigEndian.putLongRelative(BigEndian.putLongRelative(out, uuid.getMostSignificantBits()), uuid.getLeastSignificantBits()).put(data.duplicate()).flip();
        return new SeiMessage(SeiMessage.USER_DATA_UNREGISTERED, out, -1);
    }
}
