package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Opus specific box {@code dOps}, Opus in ISOBMFF v0.6.8 §4.3.2 (a plain box, big-endian, unlike the
 * little-endian OpusHead of RFC 7845 §5.1 it is made from):
 * <pre>
 * unsigned int(8) Version = 0; unsigned int(8) OutputChannelCount; unsigned int(16) PreSkip;
 * unsigned int(32) InputSampleRate; signed int(16) OutputGain; unsigned int(8) ChannelMappingFamily;
 * if (ChannelMappingFamily != 0) { unsigned int(8) StreamCount; unsigned int(8) CoupledCount;
 *                                  unsigned int(8) ChannelMapping[OutputChannelCount]; }
 * </pre>
 *
 * @param version 0
 * @param outputChannelCount 1..255
 * @param preSkip samples at 48 kHz to drop at the start, 0..65535
 * @param inputSampleRate informative, Hz
 * @param outputGain Q7.8 dB
 * @param channelMappingFamily 0 (mono/stereo), 1 (Vorbis order), 2, 255
 * @param streamCount present when the family is not 0, else 0
 * @param coupledCount present when the family is not 0, else 0
 * @param channelMapping OutputChannelCount bytes when the family is not 0, else empty (read-only)
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record OpusSpecificBox(int version, int outputChannelCount, int preSkip, long inputSampleRate, short outputGain,
        int channelMappingFamily, int streamCount, int coupledCount, ByteBuffer channelMapping) implements Box {
    static final String SPEC = "Opus in ISOBMFF v0.6.8 §4.3.2";

    /** Checks the components. */
    public OpusSpecificBox {
        channelMapping = channelMapping.slice().asReadOnlyBuffer();
        if (version < 0 || version > 255 || outputChannelCount < 1 || outputChannelCount > 255 || preSkip < 0
                || preSkip > 0xFFFF || channelMappingFamily < 0 || channelMappingFamily > 255
                || streamCount < 0 || streamCount > 255 || coupledCount < 0 || coupledCount > 255) {
            throw new IllegalArgumentException("dOps field out of range");
        }
        Boxes.checkU32("InputSampleRate", inputSampleRate);
        int expected = channelMappingFamily == 0 ? 0 : outputChannelCount;
        if (channelMapping.remaining() != expected || (channelMappingFamily == 0 && (streamCount | coupledCount) != 0)) {
            throw new IllegalArgumentException("channel mapping table does not match ChannelMappingFamily " + channelMappingFamily);
        }
    }

    /**
     * The dOps for an OpusHead identification header (RFC 7845 §5.1: "OpusHead", version 1,
     * little-endian fields).
     *
     * @throws IllegalArgumentException when {@code opusHead} is not an OpusHead
     */
    public static OpusSpecificBox fromOpusHead(ByteBuffer opusHead) {
        ByteBuffer h = opusHead.slice().order(ByteOrder.LITTLE_ENDIAN);
        if (h.remaining() < 19 || h.getLong(0) != 0x646165487375704FL) {
            throw new IllegalArgumentException("not an OpusHead (magic \"OpusHead\", 19 bytes at least)");
        }
        int channels = h.get(9) & 0xFF;
        int family = h.get(18) & 0xFF;
        if (family == 0) {
            return new OpusSpecificBox(0, channels, h.getShort(10) & 0xFFFF, h.getInt(12) & 0xFFFF_FFFFL, h.getShort(16),
                    0, 0, 0, ByteBuffer.allocate(0));
        }
        if (h.remaining() < 21 + channels) {
            throw new IllegalArgumentException("OpusHead channel mapping table cut short");
        }
        byte[] map = new byte[channels];
        h.get(21, map);
        return new OpusSpecificBox(0, channels, h.getShort(10) & 0xFFFF, h.getInt(12) & 0xFFFF_FFFFL, h.getShort(16),
                family, h.get(19) & 0xFF, h.get(20) & 0xFF, ByteBuffer.wrap(map));
    }

    @Override
    public BoxType type() {
        return BoxType.DOPS;
    }

    static OpusSpecificBox parse(Payload p) {
        int version = p.u8("Version");
        if (version != 0) {
            return null;
        }
        int channels = p.u8("OutputChannelCount");
        if (channels == 0) {
            throw p.error("OutputChannelCount", "0, expected 1..255", p.offset() - 1);
        }
        int preSkip = p.u16("PreSkip");
        long rate = p.u32("InputSampleRate");
        short gain = (short) p.u16("OutputGain");
        int family = p.u8("ChannelMappingFamily");
        if (family == 0) {
            return new OpusSpecificBox(version, channels, preSkip, rate, gain, family, 0, 0, ByteBuffer.allocate(0));
        }
        int streams = p.u8("StreamCount");
        int coupled = p.u8("CoupledCount");
        return new OpusSpecificBox(version, channels, preSkip, rate, gain, family, streams, coupled,
                p.bytes(channels, "ChannelMapping"));
    }

    @Override
    public int payloadSize() {
        return 11 + (channelMappingFamily == 0 ? 0 : 2 + outputChannelCount);
    }

    @Override
    public void writePayload(ByteBuffer out) {
        out.put((byte) version).put((byte) outputChannelCount);
        BigEndian.putShortRelative(out, (short) preSkip);
        BigEndian.putIntRelative(out, (int) inputSampleRate);
        BigEndian.putShortRelative(out, outputGain);
        out.put((byte) channelMappingFamily);
        if (channelMappingFamily != 0) {
            out.put((byte) streamCount).put((byte) coupledCount).put(channelMapping.duplicate());
        }
    }
}
