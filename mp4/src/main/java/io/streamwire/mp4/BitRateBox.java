package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * Bit rate box {@code btrt}, ISO/IEC 14496-12:2022 §8.5.2.2:
 * {@code unsigned int(32) bufferSizeDB; unsigned int(32) maxBitrate; unsigned int(32) avgBitrate;}.
 *
 * @param bufferSizeDb decoding buffer size in bytes
 * @param maxBitrate bits per second over any second
 * @param avgBitrate bits per second over the whole track
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record BitRateBox(long bufferSizeDb, long maxBitrate, long avgBitrate) implements Box {
    /** Checks the components. */
    public BitRateBox {
        Boxes.checkU32("bufferSizeDB", bufferSizeDb);
        Boxes.checkU32("maxBitrate", maxBitrate);
        Boxes.checkU32("avgBitrate", avgBitrate);
    }

    @Override
    public BoxType type() {
        return BoxType.BTRT;
    }

    static BitRateBox parse(Payload p) {
        return new BitRateBox(p.u32("bufferSizeDB"), p.u32("maxBitrate"), p.u32("avgBitrate"));
    }

    @Override
    public int payloadSize() {
        return 12;
    }

    @Override
    public void writePayload(ByteBuffer out) {
        BigEndian.putIntRelative(out, (int) bufferSizeDb);
        BigEndian.putIntRelative(out, (int) maxBitrate);
        BigEndian.putIntRelative(out, (int) avgBitrate);
    }
}
