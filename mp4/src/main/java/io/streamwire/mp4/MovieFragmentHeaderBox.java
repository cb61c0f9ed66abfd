package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * Movie fragment header box {@code mfhd}, ISO/IEC 14496-12:2022 §8.8.5, a full box of version 0:
 * {@code unsigned int(32) sequence_number;}.
 *
 * @param version 0
 * @param flags 24 bits, 0
 * @param sequenceNumber sequence_number, increasing from fragment to fragment
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record MovieFragmentHeaderBox(int version, int flags, long sequenceNumber) implements Box {
    /** Checks the components. */
    public MovieFragmentHeaderBox {
        Boxes.checkVersionFlags(version, 0, flags);
        Boxes.checkU32("sequence_number", sequenceNumber);
    }

    @Override
    public BoxType type() {
        return BoxType.MFHD;
    }

    static MovieFragmentHeaderBox parse(Payload p) {
        int version = p.u8("version");
        int flags = p.u24("flags");
        if (version != 0) {
            return null;
        }
        return new MovieFragmentHeaderBox(version, flags, p.u32("sequence_number"));
    }

    @Override
    public int payloadSize() {
        return 8;
    }

    @Override
    public void writePayload(ByteBuffer out) {
        Boxes.putVersionFlags(out, version, flags);
        BigEndian.putIntRelative(out, (int) sequenceNumber);
    }
}
