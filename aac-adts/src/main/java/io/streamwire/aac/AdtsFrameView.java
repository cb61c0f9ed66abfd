package io.streamwire.aac;

import java.nio.ByteBuffer;

/**
 * A reusable, allocation-free view of one ADTS frame handed out by {@link AdtsDecoder}: the header
 * fields (ISO/IEC 14496-3:2019 §1.A.2.2.1) decoded on demand from the 56 header bits, and where
 * the frame lies in {@link #buffer()}.
 *
 * <p>Valid only until the listener call that received it returns: the decoder reuses the object
 * and the buffer may be the caller's input or the decoder's internal carry buffer. Copy with
 * {@link #toByteArray()}, or take a record with {@link #header()} / {@link #toFrame()}.
 *
 * <p>Not thread-safe, keep it on one connection or event loop.
 *
 * @since 0.1.0
 */
public final class AdtsFrameView {
    private ByteBuffer buffer;
    private int offset;
    private long streamOffset;
    private long bits;

    AdtsFrameView() {}

    void set(ByteBuffer buffer, int offset, long streamOffset, long bits) {
        this.buffer = buffer;
        this.offset = offset;
        this.streamOffset = streamOffset;
        this.bits = bits;
    }

    /** The buffer holding the frame; read it with absolute gets only. */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** Index in {@link #buffer()} of the frame's first byte (the syncword). */
    public int offset() {
        return offset;
    }

    /** Byte offset of the frame from the start of the stream (across feeds, ID3 tags included). */
    public long streamOffset() {
        return streamOffset;
    }

    /** aac_frame_length: the whole frame in bytes, header included. */
    public int aacFrameLength() {
        return AdtsHeader.frameLength(bits);
    }

    /** Header bytes before the first raw data block: 7, plus 2 for crc_check, plus 2 per raw_data_block_position. */
    public int headerLengthBytes() {
        return protectionAbsent() ? 7 : 9 + 2 * numberOfRawDataBlocksInFrame();
    }

    /** Index in {@link #buffer()} of the first raw data block. */
    public int payloadOffset() {
        return offset + headerLengthBytes();
    }

    /** Bytes from {@link #payloadOffset()} to the end of the frame. */
    public int payloadLength() {
        return aacFrameLength() - headerLengthBytes();
    }

    /** ID: 0 = MPEG-4, 1 = MPEG-2. */
    public int id() {
        return AdtsHeader.id(bits);
    }

    /** layer (always 0 in frames this decoder accepts). */
    public int layer() {
        return AdtsHeader.layer(bits);
    }

    /** protection_absent. */
    public boolean protectionAbsent() {
        return AdtsHeader.protectionAbsent(bits);
    }

    /** profile_ObjectType (audio object type minus 1). */
    public int profileObjectType() {
        return AdtsHeader.profileObjectType(bits);
    }

    /** sampling_frequency_index, 0..12. */
    public int samplingFrequencyIndex() {
        return AdtsHeader.samplingFrequencyIndex(bits);
    }

    /** Sampling rate in Hz (Table 1.18). */
    public int sampleRateHz() {
        return AdtsHeader.sampleRateHz(samplingFrequencyIndex());
    }

    /** channel_configuration, 0..7. */
    public int channelConfiguration() {
        return AdtsHeader.channelConfiguration(bits);
    }

    /** adts_buffer_fullness; 0x7FF means variable bit rate. */
    public int adtsBufferFullness() {
        return AdtsHeader.adtsBufferFullness(bits);
    }

    /** number_of_raw_data_blocks_in_frame (blocks minus 1). */
    public int numberOfRawDataBlocksInFrame() {
        return AdtsHeader.numberOfRawDataBlocksInFrame(bits);
    }

    /** The header as a record (allocates). */
    public AdtsHeader header() {
        return AdtsHeader.parse(buffer.duplicate().position(offset));
    }

    /** The whole frame parsed into a record whose blocks are slices of {@link #buffer()} (allocates). */
    public AdtsFrame toFrame() {
        return AdtsFrame.parse(buffer.duplicate().position(offset).limit(offset + aacFrameLength()));
    }

    /** The whole frame as a zero-copy slice of {@link #buffer()} (allocates the slice object only). */
    public ByteBuffer slice() {
        return buffer.slice(offset, aacFrameLength());
    }

    /** The bytes after the header as a zero-copy slice (allocates the slice object only). */
    public ByteBuffer payload() {
        return buffer.slice(payloadOffset(), payloadLength());
    }

    /** A copy of the whole frame. */
    public byte[] toByteArray() {
        byte[] copy = new byte[aacFrameLength()];
        buffer.get(offset, copy);
        return copy;
    }

    @Override
    public String toString() {
        return "AdtsFrameView[streamOffset=" + streamOffset + ", aacFrameLength=" + aacFrameLength() + "]";
    }
}
