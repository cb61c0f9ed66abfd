package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * Pixel aspect ratio box {@code pasp}, ISO/IEC 14496-12:2022 §12.1.4:
 * {@code unsigned int(32) hSpacing; unsigned int(32) vSpacing;}.
 *
 * @param hSpacing relative width of a pixel, 0..2^32-1
 * @param vSpacing relative height of a pixel, 0..2^32-1
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record PixelAspectRatioBox(long hSpacing, long vSpacing) implements Box {
    /** Checks the components. */
    public PixelAspectRatioBox {
        Boxes.checkU32("hSpacing", hSpacing);
        Boxes.checkU32("vSpacing", vSpacing);
    }

    @Override
    public BoxType type() {
        return BoxType.PASP;
    }

    static PixelAspectRatioBox parse(Payload p) {
        return new PixelAspectRatioBox(p.u32("hSpacing"), p.u32("vSpacing"));
    }

    @Override
    public int payloadSize() {
        return 8;
    }

    @Override
    public void writePayload(ByteBuffer out) {
        BigEndian.putIntRelative(out, (int) hSpacing);
        BigEndian.putIntRelative(out, (int) vSpacing);
    }
}
