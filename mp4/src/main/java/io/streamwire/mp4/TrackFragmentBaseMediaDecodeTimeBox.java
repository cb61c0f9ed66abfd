package io.streamwire.mp4;

import java.nio.ByteBuffer;

/**
 * Track fragment decode time box {@code tfdt}, ISO/IEC 14496-12:2022 §8.8.12, a full box of version 0
 * (32-bit) or 1 (64-bit; CMAF writers use 1): {@code unsigned int(32|64) baseMediaDecodeTime;}.
 *
 * @param version 0 or 1
 * @param flags 24 bits, 0
 * @param baseMediaDecodeTime decode time of the fragment's first sample, media ticks
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record TrackFragmentBaseMediaDecodeTimeBox(int version, int flags, long baseMediaDecodeTime) implements Box {
    /** Checks the components. */
    public TrackFragmentBaseMediaDecodeTimeBox {
        Boxes.checkVersionFlags(version, 1, flags);
        if (version == 0) {
            Boxes.checkU32("baseMediaDecodeTime", baseMediaDecodeTime);
        }
    }

    @Override
    public BoxType type() {
        return BoxType.TFDT;
    }

    static TrackFragmentBaseMediaDecodeTimeBox parse(Payload p) {
        int version = p.u8("version");
        int flags = p.u24("flags");
        if (version > 1) {
            return null;
        }
        return new TrackFragmentBaseMediaDecodeTimeBox(version, flags, p.u32or64(version, "baseMediaDecodeTime"));
    }

    @Override
    public int payloadSize() {
        return version == 1 ? 12 : 8;
    }

    @Override
    public void writePayload(ByteBuffer out) {
        Boxes.putVersionFlags(out, version, flags);
        Boxes.putU32or64(out, version, baseMediaDecodeTime);
    }
}
