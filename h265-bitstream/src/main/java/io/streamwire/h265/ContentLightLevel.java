package io.streamwire.h265;

import io.streamwire.core.internal.BitReader;
import java.nio.ByteBuffer;

/**
 * content_light_level_info() SEI payload (type 144): ITU-T H.265 (09/2023) §D.2.35, semantics
 * §D.3.35: HDR10's MaxCLL and MaxFALL, in cd/m².
 *
 * <pre>
 * max_content_light_level u(16)  max_pic_average_light_level u(16)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxContentLightLevel max_content_light_level (MaxCLL), 16 bits
 * @param maxPicAverageLightLevel max_pic_average_light_level (MaxFALL), 16 bits
 *
 * @since 0.2.0
 */
public record ContentLightLevel(int maxContentLightLevel, int maxPicAverageLightLevel) {
    static final String SPEC = "ITU-T H.265 (09/2023) §D.2.35";

    /** Checks widths. */
    public ContentLightLevel {
        if ((maxContentLightLevel | maxPicAverageLightLevel) >>> 16 != 0) {
            throw new IllegalArgumentException("content light level fields out of range");
        }
    }

    /**
     * Decodes a message of type 144.
     *
     * @throws H265Exception if it is of another type
     * @throws io.streamwire.core.TruncatedInputException if it is shorter than 4 bytes
     */
    public static ContentLightLevel parse(HevcSeiMessage message) {
        message.requireType(HevcSeiMessage.CONTENT_LIGHT_LEVEL_INFO, "content_light_level_info", SPEC);
        BitReader r = message.reader("content_light_level_info", SPEC);
        return new ContentLightLevel(r.u(16, "max_content_light_level"), r.u(16, "max_pic_average_light_level"));
    }

    /** The prefix message (4 payload bytes). */
    public HevcSeiMessage toMessage() {
        ByteBuffer out = ByteBuffer.allocate(4).putShort((short) maxContentLightLevel).putShort((short) maxPicAverageLightLevel).flip();
        return HevcSeiMessage.prefix(HevcSeiMessage.CONTENT_LIGHT_LEVEL_INFO, out);
    }
}
