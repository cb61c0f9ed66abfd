package io.streamwire.aac;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * The fixed and variable parts of an ADTS header: ISO/IEC 14496-3:2019 §1.A.2.2.1
 * ({@code adts_fixed_header()} and {@code adts_variable_header()}), semantics in §1.A.3.2.
 *
 * <pre>
 * AAAAAAAA AAAABCCD EEFFFFGH HHIJKLMM MMMMMMMM MMMOOOOO OOOOOOPP
 * A syncword (12, 0xFFF)         B ID (1)          C layer (2)
 * D protection_absent (1)        E profile_ObjectType (2)
 * F sampling_frequency_index (4) G private_bit (1) H channel_configuration (3)
 * I original_copy (1)            J home (1)
 * K copyright_identification_bit (1)  L copyright_identification_start (1)
 * M aac_frame_length (13)        O adts_buffer_fullness (11)
 * P number_of_raw_data_blocks_in_frame (2)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id ID, 1 bit: 0 = MPEG-4, 1 = MPEG-2 (ISO/IEC 13818-7)
 * @param layer layer, 2 bits, always 0 in valid streams
 * @param protectionAbsent protection_absent: true when no CRC follows the header
 * @param profileObjectType profile_ObjectType, 2 bits: audio object type minus 1 (1 = AAC LC)
 * @param samplingFrequencyIndex sampling_frequency_index, 4 bits, 0..12
 * @param privateBit private_bit, 1 bit
 * @param channelConfiguration channel_configuration, 3 bits, 0..7 (0 = a PCE in the payload)
 * @param originalCopy original_copy, 1 bit
 * @param home home, 1 bit
 * @param copyrightIdentificationBit copyright_identification_bit, 1 bit
 * @param copyrightIdentificationStart copyright_identification_start, 1 bit
 * @param aacFrameLength aac_frame_length, 13 bits: the whole frame including this header
 * @param adtsBufferFullness adts_buffer_fullness, 11 bits; 0x7FF signals variable bit rate
 * @param numberOfRawDataBlocksInFrame number_of_raw_data_blocks_in_frame, 2 bits: blocks minus 1
 *
 * @since 0.1.0
 */
public record AdtsHeader(
        int id,
        int layer,
        boolean protectionAbsent,
        int profileObjectType,
        int samplingFrequencyIndex,
        int privateBit,
        int channelConfiguration,
        int originalCopy,
        int home,
        int copyrightIdentificationBit,
        int copyrightIdentificationStart,
        int aacFrameLength,
        int adtsBufferFullness,
        int numberOfRawDataBlocksInFrame) {

    /** Bytes of the fixed and variable header, without the CRC. */
    public static final int FIXED_AND_VARIABLE_LENGTH = 7;

    private static final String SPEC = "ISO/IEC 14496-3 §1.A.2.2.1";
    private static final int[] SAMPLE_RATES = {
        96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350
    };

    /** Checks every component's range; parsing checks before constructing. */
    public AdtsHeader {
        bits("id", id, 1);
        bits("layer", layer, 2);
        bits("profileObjectType", profileObjectType, 2);
        if (samplingFrequencyIndex < 0 || samplingFrequencyIndex >= SAMPLE_RATES.length) {
            throw new IllegalArgumentException("samplingFrequencyIndex " + samplingFrequencyIndex + " out of range 0..12");
        }
        bits("privateBit", privateBit, 1);
        bits("channelConfiguration", channelConfiguration, 3);
        bits("originalCopy", originalCopy, 1);
        bits("home", home, 1);
        bits("copyrightIdentificationBit", copyrightIdentificationBit, 1);
        bits("copyrightIdentificationStart", copyrightIdentificationStart, 1);
        bits("aacFrameLength", aacFrameLength, 13);
        bits("adtsBufferFullness", adtsBufferFullness, 11);
        bits("numberOfRawDataBlocksInFrame", numberOfRawDataBlocksInFrame, 2);
        int minimum = protectionAbsent ? 7 : 9;
        if (aacFrameLength < minimum) {
            throw new IllegalArgumentException("aacFrameLength " + aacFrameLength + " shorter than the header (" + minimum + ")");
        }
    }

    /**
     * Parses the 7 header bytes at the buffer's position.
     *
     * <p>On success the position moves past those 7 bytes (not past a CRC, which a caller of a
     * protected frame reads next); on failure it is unchanged.
     *
     * @param in the input; its position is the syncword's first byte
     * @return the header
     * @throws AacException if fewer than 7 bytes remain, the syncword is not 0xFFF, the sampling
     *     frequency index is reserved (13, 14) or the escape value (15), or aac_frame_length is
     *     shorter than the header
     */
    public static AdtsHeader parse(ByteBuffer in) {
        int at = in.position();
        if (in.remaining() < FIXED_AND_VARIABLE_LENGTH) {
            throw new AacException("adts header", "needs 7 bytes, " + in.remaining() + " remain", at, SPEC);
        }
        long bits = peekBits(in, at);
        int syncword = (int) (bits >>> 44);
        if (syncword != 0xFFF) {
            throw new AacException("adts syncword", String.format("0x%03X is not 0xFFF", syncword), at, SPEC);
        }
        boolean protectionAbsent = protectionAbsent(bits);
        int samplingFrequencyIndex = samplingFrequencyIndex(bits);
        if (samplingFrequencyIndex >= SAMPLE_RATES.length) {
            throw new AacException("adts sampling_frequency_index",
                    samplingFrequencyIndex + (samplingFrequencyIndex == 15 ? " (escape) is forbidden in ADTS" : " is reserved"),
                    at, "ISO/IEC 14496-3 §1.A.3.2.1, Table 1.18");
        }
        int aacFrameLength = frameLength(bits);
        int minimum = protectionAbsent ? 7 : 9;
        if (aacFrameLength < minimum) {
            throw new AacException("adts aac_frame_length",
                    aacFrameLength + " is shorter than the header (" + minimum + ")", at, SPEC);
        }
        AdtsHeader header = new AdtsHeader(
                id(bits),
                layer(bits),
                protectionAbsent,
                profileObjectType(bits),
                samplingFrequencyIndex,
                (int) (bits >>> 33) & 1,
                channelConfiguration(bits),
                (int) (bits >>> 29) & 1,
                (int) (bits >>> 28) & 1,
                (int) (bits >>> 27) & 1,
                (int) (bits >>> 26) & 1,
                aacFrameLength,
                adtsBufferFullness(bits),
                numberOfRawDataBlocksInFrame(bits));
        in.position(at + FIXED_AND_VARIABLE_LENGTH);
        return header;
    }

    /**
     * Writes the 7 header bytes at the buffer's position and moves it past them.
     *
     * @throws java.nio.BufferOverflowException if fewer than 7 bytes remain
     */
    public void writeTo(ByteBuffer out) {
        long bits = 0xFFFL;
        bits = (bits << 1) | id;
        bits = (bits << 2) | layer;
        bits = (bits << 1) | (protectionAbsent ? 1 : 0);
        bits = (bits << 2) | profileObjectType;
        bits = (bits << 4) | samplingFrequencyIndex;
        bits = (bits << 1) | privateBit;
        bits = (bits << 3) | channelConfiguration;
        bits = (bits << 1) | originalCopy;
        bits = (bits << 1) | home;
        bits = (bits << 1) | copyrightIdentificationBit;
        bits = (bits << 1) | copyrightIdentificationStart;
        bits = (bits << 13) | aacFrameLength;
        bits = (bits << 11) | adtsBufferFullness;
        bits = (bits << 2) | numberOfRawDataBlocksInFrame;
        if (out.remaining() < FIXED_AND_VARIABLE_LENGTH) {
            throw new java.nio.BufferOverflowException();
        }
        for (int shift = 48; shift >= 0; shift -= 8) {
            out.put((byte) (bits >>> shift));
        }
    }

    /** Sampling rate in Hz for {@link #samplingFrequencyIndex()} (Table 1.18). */
    public int sampleRateHz() {
        return SAMPLE_RATES[samplingFrequencyIndex];
    }

    /** The 56 header bits at {@code at} (absolute reads; 7 bytes must be there). */
    static long peekBits(ByteBuffer in, int at) {
        int high = BigEndian.getInt(in, at);
        short middle = BigEndian.getShort(in, at + 4);
        return ((high & 0xFFFFFFFFL) << 24) | ((middle & 0xFFFFL) << 8) | (in.get(at + 6) & 0xFF);
    }

    /**
     * Whether 56 header bits can start a frame a stream decoder locks onto: syncword 0xFFF, layer 0
     * (which tells ADTS from MPEG-1/2 audio), a sampling index of the table and a frame length that
     * covers the header and any raw_data_block_position and CRC words.
     */
    static boolean isPlausible(long bits) {
        if (((bits >>> 41) & 0x7FFB) != 0x7FF8 || samplingFrequencyIndex(bits) > 12) {
            return false;
        }
        int blocksMinus1 = numberOfRawDataBlocksInFrame(bits);
        int minimum = protectionAbsent(bits) ? 7 : blocksMinus1 == 0 ? 9 : 11 + 4 * blocksMinus1;
        return frameLength(bits) >= minimum;
    }

    // The fields of the 56 header bits (the layout above), shared with the allocation-free AdtsFrameView.

    /** ID from 56 header bits. */
    static int id(long bits) {
        return (int) (bits >>> 43) & 1;
    }

    /** layer from 56 header bits. */
    static int layer(long bits) {
        return (int) (bits >>> 41) & 3;
    }

    /** protection_absent from 56 header bits. */
    static boolean protectionAbsent(long bits) {
        return ((bits >>> 40) & 1) == 1;
    }

    /** profile_ObjectType from 56 header bits. */
    static int profileObjectType(long bits) {
        return (int) (bits >>> 38) & 3;
    }

    /** sampling_frequency_index from 56 header bits. */
    static int samplingFrequencyIndex(long bits) {
        return (int) (bits >>> 34) & 0xF;
    }

    /** channel_configuration from 56 header bits. */
    static int channelConfiguration(long bits) {
        return (int) (bits >>> 30) & 7;
    }

    /** aac_frame_length from 56 header bits. */
    static int frameLength(long bits) {
        return (int) (bits >>> 13) & 0x1FFF;
    }

    /** adts_buffer_fullness from 56 header bits. */
    static int adtsBufferFullness(long bits) {
        return (int) (bits >>> 2) & 0x7FF;
    }

    /** number_of_raw_data_blocks_in_frame from 56 header bits. */
    static int numberOfRawDataBlocksInFrame(long bits) {
        return (int) bits & 3;
    }

    /** Sampling rate in Hz for a sampling_frequency_index of 0..12 (Table 1.18). */
    static int sampleRateHz(int samplingFrequencyIndex) {
        return SAMPLE_RATES[samplingFrequencyIndex];
    }

    /** Header bytes including the 16-bit CRC when {@link #protectionAbsent()} is false. */
    public int headerLengthBytes() {
        return protectionAbsent ? 7 : 9;
    }

    /** The MPEG-4 audio object type, {@code profile_ObjectType + 1} (2 = AAC LC). */
    public int audioObjectType() {
        return profileObjectType + 1;
    }

    private static void bits(String name, int value, int width) {
        if (value < 0 || value >= 1 << width) {
            throw new IllegalArgumentException(name + " " + value + " does not fit " + width + " bits");
        }
    }
}
