package io.streamwire.h265;

import io.streamwire.core.internal.BitReader;
import java.nio.ByteBuffer;

/**
 * mastering_display_colour_volume() SEI payload (type 137): ITU-T H.265 (09/2023) §D.2.28, semantics
 * §D.3.28: the colour volume (primaries, white point, luminance range) of the display the content was
 * mastered on; HDR10's "master-display".
 *
 * <pre>
 * { display_primaries_x[c] u(16) display_primaries_y[c] u(16) } x 3  white_point_x u(16) white_point_y u(16)
 * max_display_mastering_luminance u(32) min_display_mastering_luminance u(32)
 * </pre>
 * Chromaticity coordinates are in units of 0.00002, luminances in units of 0.0001 cd/m². For SMPTE ST
 * 2086 content c = 0 is green, 1 blue, 2 red (§D.3.28).
 *
 * <p>Immutable and thread-safe.
 *
 * @param displayPrimariesX0 display_primaries_x[0], 16 bits
 * @param displayPrimariesY0 display_primaries_y[0], 16 bits
 * @param displayPrimariesX1 display_primaries_x[1], 16 bits
 * @param displayPrimariesY1 display_primaries_y[1], 16 bits
 * @param displayPrimariesX2 display_primaries_x[2], 16 bits
 * @param displayPrimariesY2 display_primaries_y[2], 16 bits
 * @param whitePointX white_point_x, 16 bits
 * @param whitePointY white_point_y, 16 bits
 * @param maxDisplayMasteringLuminance max_display_mastering_luminance, 32 bits
 * @param minDisplayMasteringLuminance min_display_mastering_luminance, 32 bits
 *
 * @since 0.2.0
 */
public record MasteringDisplayColourVolume(int displayPrimariesX0, int displayPrimariesY0, int displayPrimariesX1,
        int displayPrimariesY1, int displayPrimariesX2, int displayPrimariesY2, int whitePointX, int whitePointY,
        long maxDisplayMasteringLuminance, long minDisplayMasteringLuminance) {
    static final String SPEC = "ITU-T H.265 (09/2023) §D.2.28";

    /** Checks widths. */
    public MasteringDisplayColourVolume {
        if ((displayPrimariesX0 | displayPrimariesY0 | displayPrimariesX1 | displayPrimariesY1 | displayPrimariesX2
                | displayPrimariesY2 | whitePointX | whitePointY) >>> 16 != 0 || maxDisplayMasteringLuminance >>> 32 != 0
                || minDisplayMasteringLuminance >>> 32 != 0) {
            throw new IllegalArgumentException("mastering display colour volume fields out of range");
        }
    }

    /**
     * Decodes a message of type 137.
     *
     * @throws H265Exception if it is of another type
     * @throws io.streamwire.core.TruncatedInputException if it is shorter than 24 bytes
     */
    public static MasteringDisplayColourVolume parse(HevcSeiMessage message) {
        message.requireType(HevcSeiMessage.MASTERING_DISPLAY_COLOUR_VOLUME, "mastering_display_colour_volume", SPEC);
        BitReader r = message.reader("mastering_display_colour_volume", SPEC);
        return new MasteringDisplayColourVolume(r.u(16, "display_primaries_x"), r.u(16, "display_primaries_y"),
                r.u(16, "display_primaries_x"), r.u(16, "display_primaries_y"), r.u(16, "display_primaries_x"),
                r.u(16, "display_primaries_y"), r.u(16, "white_point_x"), r.u(16, "white_point_y"),
                r.readBitsLong(32, "max_display_mastering_luminance"), r.readBitsLong(32, "min_display_mastering_luminance"));
    }

    /** The prefix message (24 payload bytes). */
    public HevcSeiMessage toMessage() {
        ByteBuffer out = ByteBuffer.allocate(24);
        for (int v : new int[] {displayPrimariesX0, displayPrimariesY0, displayPrimariesX1, displayPrimariesY1, displayPrimariesX2,
            displayPrimariesY2, whitePointX, whitePointY}) {
            out.putShort((short) v);
        }
        out.putInt((int) maxDisplayMasteringLuminance).putInt((int) minDisplayMasteringLuminance).flip();
        return HevcSeiMessage.prefix(HevcSeiMessage.MASTERING_DISPLAY_COLOUR_VOLUME, out);
    }
}
