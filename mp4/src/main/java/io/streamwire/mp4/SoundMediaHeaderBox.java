package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * Sound media header box {@code smhd}, ISO/IEC 14496-12:2022 §12.2.2, a full box of version 0:
 * <pre>
 * template int(16) balance = 0; const unsigned int(16) reserved = 0;
 * </pre>
 *
 * @param version 0
 * @param flags 24 bits, 0
 * @param balance stereo balance, 8.8 fixed point, 0 = centre
 *
 * @implNote reserved is read past and written as zero.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record SoundMediaHeaderBox(int version, int flags, short balance) implements Box {
    /** Balance centred. */
    public static final SoundMediaHeaderBox DEFAULT = new SoundMediaHeaderBox(0, 0, (short) 0);

    /** Checks the components. */
    public SoundMediaHeaderBox {
        Boxes.checkVersionFlags(version, 0, flags);
    }

    @Override
    public BoxType type() {
        return BoxType.SMHD;
    }

    static SoundMediaHeaderBox parse(Payload p) {
        int version = p.u8("version");
        int flags = p.u24("flags");
        if (version != 0) {
            return null;
        }
        short balance = (short) p.u16("balance");
        p.skip(2, "reserved");
        return new SoundMediaHeaderBox(version, flags, balance);
    }

    @Override
    public int payloadSize() {
        return 8;
    }

    @Override
    public void writePayload(ByteBuffer out) {
        Boxes.putVersionFlags(out, version, flags);
        BigEndian.putShortRelative(out, balance);
        Boxes.putZeros(out, 2);
    }
}
