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
 *       {@link AdtsFrameView#toFrame()} (CRC-protected multi-block frames) as the raw frames.</li>
 *   <li>ASC + raw → ADTS: {@link #writeAdtsHeader} writes the 7-byte header; send it followed by the
 *       untouched raw frame (gathering write), so only the header is produced.</li>
 * </ul>
 *
 * <p>Thread-safe (stateless).
 *
 * @since 0.1.0
 */
public final class AacConversions {
    private static final String SPEC = "ISO/IEC 14496-3 §1.A.2.2.1";

    private AacConversions() {}

    /**
     * The AudioSpecificConfig equivalent to an ADTS header: audioObjectType = profile_ObjectType + 1,
     * the same sampling index and channel configuration, 1024 samples per frame. SBR/PS in ADTS are
     * implicit (signalled only inside the frames), so none is signalled here, as ffmpeg's
     * {@code aac_adtstoasc} does.
     *
     * @throws UnsupportedFeatureException for channel_configuration 0 (the PCE is inside the raw
     *     data block: use {@link #audioSpecificConfig(AdtsFrame)})
     */
    public static AudioSpecificConfig audioSpecificConfig(AdtsHeader header) {
        if (header.channelConfiguration() == 0) {
            throw new UnsupportedFeatureException(AacException.MODULE, "adts channel_configuration", "0 (PCE in the raw data block)"
                    + " is not converted", -1, SPEC);
        }
        return AudioSpecificConfig.of(header.audioObjectType(), header.samplingFrequencyIndex(), header.channelConfiguration());
    }

    /**
     * The AudioSpecificConfig of an ADTS frame, including channel_configuration 0: then the first
     * raw data block must start with a program_config_element (id_syn_ele ID_PCE, ISO/IEC 14496-3
     * §4.4.2.1), which becomes the GASpecificConfig's PCE, as ffmpeg's {@code aac_adtstoasc} does.
     * Send {@link #withoutLeadingPce(AdtsFrame)} as that frame's raw data.
     *
     * @throws UnsupportedFeatureException if channel_configuration is 0 and the first element is
     *     not a PCE
     * @throws AacException if the PCE is malformed (offsets count from the raw data block)
     */
    public static AudioSpecificConfig audioSpecificConfig(AdtsFrame frame) {
        AdtsHeader header = frame.header();
        if (header.channelConfiguration() != 0) {
            return audioSpecificConfig(header);
        }
        ProgramConfigElement pce = leadingPce(frame.rawDataBlocks().get(0), null);
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
     * The frame's first raw data block without its leading program_config_element (3-bit element id,
     * PCE and its byte alignment), as a zero-copy slice; the block itself when channel_configuration
     * is not 0.
     *
     * @throws UnsupportedFeatureException if channel_configuration is 0 and the first element is
     *     not a PCE
     */
    public static ByteBuffer withoutLeadingPce(AdtsFrame frame) {
        ByteBuffer block = frame.rawDataBlocks().get(0);
        if (frame.header().channelConfiguration() != 0) {
            return block.slice();
        }
        long[] endBit = new long[1];
        leadingPce(block, endBit);
        int bytes = (int) (endBit[0] >>> 3);
        return block.slice(block.position() + bytes, block.remaining() - bytes);
    }

    private static ProgramConfigElement leadingPce(ByteBuffer block, long[] endBit) {
        BitReader in = AacException.bitReader(block, block.position(), block.limit(), 0, "ISO/IEC 14496-3 §4.4.2.1");
        int element = in.u(3, "raw_data_block id_syn_ele");
        if (element != 5) {
            throw new UnsupportedFeatureException(AacException.MODULE, "adts channel_configuration", "0 needs a program_config_element"
                    + " as the first element of the raw data block; found element id " + element, 0, SPEC);
        }
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
