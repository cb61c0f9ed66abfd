package io.streamwire.mp4;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * One box of ISO/IEC 14496-12:2022 §4.2, parsed: a typed record for the boxes this module knows,
 * {@link ContainerBox} for the pure containers, and {@link RawBox} (payload kept byte for byte) for
 * everything else, so that {@code Boxes.write(Boxes.parse(bytes))} gives the input back.
 *
 * <p>Writing computes every size: {@link #encodedSize()} is header plus payload, and
 * {@link #writeTo(ByteBuffer)} puts down a 32-bit size, or the 64-bit largesize when the box is 4 GiB
 * or more or {@link #largeSize()} asks for it.
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @since 0.2.0
 */
public sealed interface Box permits RawBox, ContainerBox, FileTypeBox, MovieHeaderBox, TrackHeaderBox, MediaHeaderBox,
        HandlerBox, VideoMediaHeaderBox, SoundMediaHeaderBox, DataReferenceBox, DataEntryUrlBox, SampleDescriptionBox,
        VisualSampleEntry, AudioSampleEntry, CodecConfigurationBox, EsdsBox, OpusSpecificBox, ColourInformationBox,
        PixelAspectRatioBox, BitRateBox, TimeToSampleBox, CompositionOffsetBox, SyncSampleBox, SampleSizeBox,
        SampleToChunkBox, ChunkOffsetBox, EditListBox, TrackExtendsBox, MovieFragmentHeaderBox,
        TrackFragmentHeaderBox, TrackFragmentBaseMediaDecodeTimeBox, TrackRunBox, ProducerReferenceTimeBox,
        EventMessageBox {

    /** The box type (four-character code). */
    BoxType type();

    /** Bytes after the header. */
    int payloadSize();

    /** Writes the payload at the position of {@code out} and moves past it. */
    void writePayload(ByteBuffer out);

    /** The extended type of a {@code uuid} box; null for every other type. */
    default UUID userType() {
        return null;
    }

    /** Whether the header uses the 64-bit largesize even when the 32-bit size would do. */
    default boolean largeSize() {
        return false;
    }

    /** Header plus payload, in bytes. */
    default long encodedSize() {
        return BoxHeader.headerSize(payloadSize(), largeSize(), type().value() == BoxType.UUID.value()) + (long) payloadSize();
    }

    /**
     * Writes the whole box (header with computed size, then payload) at the position of {@code out}.
     *
     * @throws java.nio.BufferOverflowException when fewer than {@link #encodedSize()} bytes remain
     */
    default void writeTo(ByteBuffer out) {
        if (out.remaining() < encodedSize()) {
            throw new java.nio.BufferOverflowException();
        }
        BoxHeader.write(out, type(), userType(), payloadSize(), largeSize());
        writePayload(out);
    }

    /** The whole box in a new array. */
    default byte[] toByteArray() {
        long size = encodedSize();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(type() + " box of " + size + " bytes does not fit an array");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        writeTo(out);
        return out.array();
    }
}
