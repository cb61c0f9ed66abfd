package io.streamwire.aac;

import io.streamwire.core.UnsupportedFeatureException;
import io.streamwire.core.internal.BitReader;
import java.nio.ByteBuffer;

/**
 * Conversions between ADTS framing (MPEG-TS, HLS packed audio, {@code .aac} files) and raw frames
 * plus an AudioSpecificConfig (RTMP/FLV, MP4): ISO/IEC 14496-3:2019 §1.A.2 (ADTS) and §1.6.2.1
 * (AudioSpecificConfig). The audio itself is never touched.
 *
 * <ul>
 *   <li>ADTS → ASC + raw: {@link #audioSpecificConfig(AdtsHeader)} once, then each frame's
 *       {@link AdtsFrameView#payload()} (no CRC, single block) or the blocks of
 *       {@link AdtsFrameView#toFrame()} (CRC-protected multi-block frames) as the raw frames.
 *       channel_configuration 0 (the layout in a program_config_element inside the frames):
 *       {@link #audioSpecificConfig(AdtsFrame, AudioSpecificConfig)} for each frame, which keeps the
 *       config of the frame that carried the PCE, and {@link #withoutLeadingPce(AdtsFrame)} as the
 *       raw frame.</li>
 *   <li>ASC + raw → ADTS: {@link #writeAdtsHeader} writes the 7-byte header; send it followed by the
 *       untouched raw frame (gathering write), so only the header is produced.</li>
 * </ul>
 *
 * <p>Errors about a header or config given as a value ({@link #audioSpecificConfig(AdtsHeader)},
 * {@link #adtsHeader}) have no byte offset ({@code offset()} -1): there is no stream to count in.
 * Errors about a frame's program_config_element count from the start of its raw data block.
 *
 * <p>Thread-safe (stateless).
 *
 * @since 0.1.0
 */
public final class AacConversions {
    private static final String SPEC = "ISO/IEC 14496-3 §1.A.2.2.1";
    /** id_syn_ele of a program_config_element (ISO/IEC 14496-3 Table 4.85). */
    private static final int ID_PCE = 5;

    private AacConversions() {}

    /**
     * The AudioSpecificConfig equivalent to an ADTS header: audioObjectType = profile_ObjectType + 1,
     * the same sampling index and channel configuration, 1024 samples per frame. SBR/PS in ADTS are
     * implicit (signalled only inside the frames), so none is signalled here, as ffmpeg's
     * {@code aac_adtstoasc} does.
     *
     * @throws UnsupportedFeatureException for channel_configuration 0 (the PCE is inside the raw
     *     data block: use {@link #audioSpecificConfig(AdtsFrame, AudioSpecificConfig)})
     */
    public static AudioSpecificConfig audioSpecificConfig(AdtsHeader header) {
        if (header.channelConfiguration() == 0) {
            throw new UnsupportedFeatureException(AacException.MODULE, "adts channel_configuration", "0 (PCE in the raw data block)"
                    + " is not converted", -1, SPEC);
        }
        return AudioSpecificConfig.of(header.audioObjectType(), header.samplingFrequencyIndex(), header.channelConfiguration());
    }

    /**
     * The AudioSpecificConfig of an ADTS frame, including channel_configuration 0: then the frame
     * carries its channel layout only if its first raw data block starts with a
     * program_config_element (id_syn_ele ID_PCE, ISO/IEC 14496-3 §4.4.2.1), which becomes the
     * GASpecificConfig's PCE, as ffmpeg's {@code aac_adtstoasc} does. Send
     * {@link #withoutLeadingPce(AdtsFrame)} as the raw data of every frame.
     *
     * <p>Encoders may write the PCE in the first frame only (ffmpeg's native {@code aac} encoder
     * does for its quad and 6.1 layouts): for the frames after it this method returns {@code null},
     * and the config of the frame that had the PCE stays the stream's config. Carry it with
     * {@link #audioSpecificConfig(AdtsFrame, AudioSpecificConfig)}:
     *
     * <pre>{@code
     * AudioSpecificConfig config = null;
     * for (AdtsFrame frame : frames) {
     *     config = AacConversions.audioSpecificConfig(frame, config); // from the frame, or kept
     *     ByteBuffer raw = AacConversions.withoutLeadingPce(frame);
     * }
     * }</pre>
     *
     * @return the config, or {@code null} when channel_configuration is 0 and the first raw data
     *     block does not start with a PCE (the layout is in an earlier frame)
     * @throws AacException if the PCE is malformed (offsets count from the raw data block)
     */
    public static AudioSpecificConfig audioSpecificConfig(AdtsFrame frame) {
        AdtsHeader header = frame.header();
        if (header.channelConfiguration() != 0) {
            return audioSpecificConfig(header);
        }
        ByteBuffer block = frame.rawDataBlocks().get(0);
        if (!startsWithPce(block)) {
            return null;
        }
        ProgramConfigElement pce = leadingPce(block, null);
        // byte_alignment() there is relative to the raw data block; in the config it is re-computed.
        ProgramConfigElement aligned = new ProgramConfigElement(pce.elementInstanceTag(), pce.objectType(),
                pce.samplingFrequencyIndex(), pce.frontChannelElements(), pce.sideChannelElements(),
                pce.backChannelElements(), pce.lfeElementTagSelect(), pce.assocDataElementTagSelect(), pce.ccElements(),
                pce.monoMixdownElementNumber(), pce.stereoMixdownElementNumber(), pce.matrixMixdownIdx(),
                pce.pseudoSurroundEnable(), 0, pce.commentFieldData());
        int aot = header.audioObjectType();
        GaSpecificConfig ga = new GaSpecificConfig(0, 0, -1, 0, aligned, -1, -1, -1, -1, -1, -1, -1);
        return new AudioSpecificConfig(aot, header.samplingFrequencyIndex(), 0, 0, -1, 0, aot, -1, ga, -1, null,
                RawBits.EMPTY);
    }

    /**
     * The AudioSpecificConfig of an ADTS frame, or the one carried from an earlier frame when this
     * frame does not hold its own: for a stream with channel_configuration 0 whose encoder writes the
     * program_config_element in the first frame only. Returns
     * {@link #audioSpecificConfig(AdtsFrame)} when that is not null (a frame with a PCE, or any
     * other channel configuration), else {@code current}.
     *
     * @param frame the frame
     * @param current the config returned for an earlier frame of the stream, or null for the first
     * @return the config that applies to {@code frame}, never null
     * @throws UnsupportedFeatureException if channel_configuration is 0, the frame has no leading PCE
     *     and no config was carried (the stream was joined after its PCE), or the carried config does
     *     not match the header (audioObjectType, sampling index, channel_configuration 0)
     * @throws AacException if the PCE is malformed (offsets count from the raw data block)
     * @since 0.1.0
     */
    public static AudioSpecificConfig audioSpecificConfig(AdtsFrame frame, AudioSpecificConfig current) {
        AudioSpecificConfig own = audioSpecificConfig(frame);
        if (own != null) {
            return own;
        }
        AdtsHeader header = frame.header();
        if (current == null) {
            throw new UnsupportedFeatureException(AacException.MODULE, "adts channel_configuration", "0 without a"
                    + " program_config_element leading the raw data block, and none from an earlier frame", 0, SPEC);
        }
        if (current.channelConfiguration() != 0 || current.audioObjectType() != header.audioObjectType()
                || current.samplingFrequencyIndex() != header.samplingFrequencyIndex()) {
            throw new UnsupportedFeatureException(AacException.MODULE, "adts channel_configuration", "0 without a"
                    + " program_config_element, and the config from an earlier frame (audioObjectType "
                    + current.audioObjectType() + ", samplingFrequencyIndex " + current.samplingFrequencyIndex()
                    + ", channelConfiguration " + current.channelConfiguration() + ") does not match this header"
                    + " (audioObjectType " + header.audioObjectType() + ", sampling_frequency_index "
                    + header.samplingFrequencyIndex() + ")", 0, SPEC);
        }
        return current;
    }

    /**
     * The frame's first raw data block without its leading program_config_element (3-bit element id,
     * PCE and its byte alignment), as a zero-copy slice; the block itself, unchanged, when
     * channel_configuration is not 0 or the block does not start with a PCE (the frames after the
     * first of an encoder that writes the PCE once).
     *
     * @throws AacException if the block starts with a malformed PCE
     */
    public static ByteBuffer withoutLeadingPce(AdtsFrame frame) {
        ByteBuffer block = frame.rawDataBlocks().get(0);
        if (frame.header().channelConfiguration() != 0 || !startsWithPce(block)) {
            return block.slice();
        }
        long[] endBit = new long[1];
        leadingPce(block, endBit);
        int bytes = (int) (endBit[0] >>> 3);
        return block.slice(block.position() + bytes, block.remaining() - bytes);
    }

    /** Whether the first syntax element of {@code block} is a PCE (id_syn_ele ID_PCE = 5, 3 bits). */
    private static boolean startsWithPce(ByteBuffer block) {
        return block.hasRemaining() && ((block.get(block.position()) & 0xFF) >>> 5) == ID_PCE;
    }

    private static ProgramConfigElement leadingPce(ByteBuffer block, long[] endBit) {
        BitReader in = AacException.bitReader(block, block.position(), block.limit(), 0, "ISO/IEC 14496-3 §4.4.2.1");
        in.u(3, "raw_data_block id_syn_ele"); // ID_PCE, checked by startsWithPce
        ProgramConfigElement pce = ProgramConfigElement.read(in);
        if (endBit != null) {
            endBit[0] = in.bitsRead();
        }
        return pce;
    }

    /**
     * The ADTS header for one raw frame of {@code rawFrameLength} bytes: MPEG-4 ID, no CRC, one raw
     * data block, buffer fullness 0x7FF (VBR), the core object type and core sampling index of the
     * config (SBR and PS become implicit, as in every ADTS stream), as ffmpeg's ADTS muxer writes.
     *
     * @throws UnsupportedFeatureException if ADTS cannot express the config: a core object type
     *     other than 1..4, an explicit sampling frequency, channel configuration 0 or above 7, or
     *     960-sample frames
     * @throws AacException if the frame would exceed aac_frame_length's 8191 bytes
     */
    public static AdtsHeader adtsHeader(AudioSpecificConfig config, int rawFrameLength) {
        int aot = config.coreAudioObjectType();
        if (aot < 1 || aot > 4) {
            throw unsupported("audioObjectType", aot + " has no ADTS profile_ObjectType (1..4 only)");
        }
        if (config.samplingFrequencyIndex() == 15) {
            throw unsupported("samplingFrequencyIndex", "15 (explicit frequency) cannot be written in ADTS");
        }
        if (config.channelConfiguration() == 0 || config.channelConfiguration() > 7) {
            throw unsupported("channelConfiguration", config.channelConfiguration() + " cannot be written in ADTS"
                    + " (1..7 only; a PCE would have to go into the raw data block)");
        }
        if (config.gaSpecificConfig() == null || config.gaSpecificConfig().frameLengthFlag() != 0) {
            throw unsupported("frameLengthFlag", "960-sample frames cannot be written in ADTS");
        }
        if (rawFrameLength < 0 || rawFrameLength > 8191 - 7) {
            throw new AacException("adts aac_frame_length", (rawFrameLength + 7L) + " out of range 7..8191"
                    + " for a raw frame of " + rawFrameLength + " bytes", -1, SPEC);
        }
        return new AdtsHeader(0, 0, true, aot - 1, config.samplingFrequencyIndex(), 0, config.channelConfiguration(),
                0, 0, 0, 0, rawFrameLength + 7, 0x7FF, 0);
    }

    /**
     * Writes the 7-byte ADTS header for a raw frame of {@code rawFrameLength} bytes at the buffer's
     * position and moves it past; the caller sends the raw frame unchanged after it.
     *
     * @throws java.nio.BufferOverflowException if fewer than 7 bytes remain
     * @see #adtsHeader(AudioSpecificConfig, int)
     */
    public static void writeAdtsHeader(AudioSpecificConfig config, int rawFrameLength, ByteBuffer out) {
        adtsHeader(config, rawFrameLength).writeTo(out);
    }

    private static UnsupportedFeatureException unsupported(String field, String problem) {
        return new UnsupportedFeatureException(AacException.MODULE, field, problem, -1, SPEC);
    }
}
