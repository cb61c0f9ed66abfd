package io.streamwire.h265;

import io.streamwire.core.TruncatedInputException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * user_data_unregistered() SEI payload (type 5): ITU-T H.265 (09/2023) §D.2.7: a 16-byte
 * uuid_iso_iec_11578 and free bytes. x265 writes its version and settings here as text.
 *
 * <pre>
 * uuid_iso_iec_11578 u(128)  { user_data_payload_byte u(8) } x (payloadSize - 16)
 * </pre>
 *
 * @param uuid uuid_iso_iec_11578, 128 bits
 * @param data the user_data_payload_byte values, read-only
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record HevcUserDataUnregistered(UUID uuid, ByteBuffer data) {
    static final String SPEC = "ITU-T H.265 (09/2023) §D.2.7";

    /** Copies the data. */
    public HevcUserDataUnregistered {
        byte[] b = new byte[data.remaining()];
        data.duplicate().get(b);
        data = ByteBuffer.wrap(b).asReadOnlyBuffer();
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
        if (p.remaining() < 16) {
            throw new TruncatedInputException(H265Exception.MODULE, "user_data_unregistered uuid_iso_iec_11578",
                    "needs 16 bytes, " + p.remaining() + " present", message.offset(), SPEC);
        }
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = msb << 8 | (p.get() & 0xFF);
        }
        for (int i = 0; i < 8; i++) {
            lsb = lsb << 8 | (p.get() & 0xFF);
        }
        return new HevcUserDataUnregistered(new UUID(msb, lsb), p.slice());
    }

    /** The data as text (ISO-8859-1, trailing NUL removed): x265's settings string. */
    public String text() {
        byte[] b = new byte[data.remaining()];
        data.duplicate().get(b);
        int n = b.length;
        while (n > 0 && b[n - 1] == 0) {
            n--;
        }
        return new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** The prefix message. */
    public HevcSeiMessage toMessage() {
        ByteBuffer out = ByteBuffer.allocate(16 + data.remaining());
        out.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).put(data.duplicate()).flip();
        return HevcSeiMessage.prefix(HevcSeiMessage.USER_DATA_UNREGISTERED, out);
    }
}
