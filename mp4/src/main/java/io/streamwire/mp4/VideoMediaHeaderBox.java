package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * Video media header box {@code vmhd}, ISO/IEC 14496-12:2022 §12.1.2, a full box of version 0 with
 * flags 1:
 * <pre>
 * template unsigned int(16) graphicsmode = 0; template unsigned int(16)[3] opcolor = {0, 0, 0};
 * </pre>
 *
 * @param version 0
 * @param flags 24 bits, 1
 * @param graphicsmode composition mode, 0 = copy
 * @param opcolorRed opcolor[0]
 * @param opcolorGreen opcolor[1]
 * @param opcolorBlue opcolor[2]
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record VideoMediaHeaderBox(int version, int flags, int graphicsmode, int opcolorRed, int opcolorGreen,
        int opcolorBlue) implements Box {
    /** The box every writer puts down: flags 1, copy mode, black. */
    public static final VideoMediaHeaderBox DEFAULT = new VideoMediaHeaderBox(0, 1, 0, 0, 0, 0);

    /** Checks the components. */
    public VideoMediaHeaderBox {
        Boxes.checkVersionFlags(version, 0, flags);
        for (int v : new int[] {graphicsmode, opcolorRed, opcolorGreen, opcolorBlue}) {
            if (v < 0 || v > 0xFFFF) {
                throw new IllegalArgumentException("16-bit field out of range: " + v);
            }
        }
    }

    @Override
    public BoxType type() {
        return BoxType.VMHD;
    }

    static VideoMediaHeaderBox parse(Payload p) {
        int version = p.u8("version");
        int flags = p.u24("flags");
        if (version != 0) {
            return null;
        }
        return new VideoMediaHeaderBox(version, flags, p.u16("graphicsmode"), p.u16("opcolor"), p.u16("opcolor"),
                p.u16("opcolor"));
    }

    @Override
    public int payloadSize() {
        return 12;
    }

    @Override
    public void writePayload(ByteBuffer out) {
        Boxes.putVersionFlags(out, version, flags);
        BigEndian.putShortRelative(out, (short) graphicsmode);
        BigEndian.putShortRelative(out, (short) opcolorRed);
        BigEndian.putShortRelative(out, (short) opcolorGreen);
        BigEndian.putShortRelative(out, (short) opcolorBlue);
    }
}
