package io.streamwire.aac;

import io.streamwire.aac.internal.BitWriter;
import io.streamwire.core.UnsupportedFeatureException;
import io.streamwire.core.internal.BitReader;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * {@code AudioSpecificConfig()}: ISO/IEC 14496-3:2019 §1.6.2.1 (Table 1.15), semantics §1.6.3 and
 * §1.6.5 (SBR/PS signalling). The decoder configuration that RTMP/FLV's AAC sequence header, MP4's
 * {@code esds} DecoderSpecificInfo and LATM's StreamMuxConfig carry.
 *
 * <pre>
 * audioObjectType(5 [+6 when 31]) samplingFrequencyIndex(4) [samplingFrequency(24) when 15]
 * channelConfiguration(4)
 * [AOT 5/29: extensionSamplingFrequencyIndex(4) [(24)] audioObjectType(5 [+6]) [extensionChannelConfiguration(4) for 22]]
 * GASpecificConfig() for AOT 1-4, 6, 7, 17, 19-23   [epConfig(2) for ER AOT 17, 19-27, 39]
 * [syncExtensionType 0x2B7 ... when at least 16 bits remain and SBR was not signalled explicitly]
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param audioObjectType the first audioObjectType, 1..46 (5 = SBR, 29 = PS when signalled
 *     explicitly, "hierarchically")
 * @param samplingFrequencyIndex samplingFrequencyIndex, 4 bits, 0..12 or 15 (explicit)
 * @param samplingFrequency samplingFrequency, 24 bits, when the index is 15; else 0
 * @param channelConfiguration channelConfiguration, 4 bits: 0 (PCE), 1..7, 11..14
 * @param extensionSamplingFrequencyIndex extensionSamplingFrequencyIndex for AOT 5/29, else -1
 * @param extensionSamplingFrequency explicit 24-bit extension rate when that index is 15, else 0
 * @param coreAudioObjectType the audioObjectType read after AOT 5/29; equal to
 *     {@code audioObjectType} otherwise (it selects the specific config)
 * @param extensionChannelConfiguration extensionChannelConfiguration when the core AOT after 5/29
 *     is 22, else -1
 * @param gaSpecificConfig the GASpecificConfig for GA object types, else null (the specific config
 *     is then kept in {@code trailingBits})
 * @param epConfig epConfig, 2 bits, for error-resilient object types, else -1
 * @param syncExtension the backward-compatible extension signalling, or null
 * @param trailingBits every bit after the parsed syntax up to the end of the input: unparsed
 *     specific configs, padding; written back unchanged
 *
 * @since 0.1.0
 */
public record AudioSpecificConfig(int audioObjectType, int samplingFrequencyIndex, int samplingFrequency,
        int channelConfiguration, int extensionSamplingFrequencyIndex, int extensionSamplingFrequency,
        int coreAudioObjectType, int extensionChannelConfiguration, GaSpecificConfig gaSpecificConfig, int epConfig,
        SyncExtension syncExtension, RawBits trailingBits) {

    /** AOT 2, AAC Low Complexity. */
    public static final int AOT_AAC_LC = 2;
    /** AOT 5, Spectral Band Replication (HE-AAC). */
    public static final int AOT_SBR = 5;
    /** AOT 29, Parametric Stereo (HE-AAC v2). */
    public static final int AOT_PS = 29;

    static final String SPEC = "ISO/IEC 14496-3 §1.6.2.1";
    private static final int[] SAMPLE_RATES = {
        96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350
    };

    /** Checks ranges; parsing checks before constructing. */
    public AudioSpecificConfig {
        Objects.requireNonNull(trailingBits, "trailingBits");
        aot("audioObjectType", audioObjectType);
        aot("coreAudioObjectType", coreAudioObjectType);
        frequency("samplingFrequency", samplingFrequencyIndex, samplingFrequency);
        if (!validChannelConfiguration(channelConfiguration)) {
            throw new IllegalArgumentException("channelConfiguration " + channelConfiguration + " is reserved");
        }
        boolean explicit = audioObjectType == AOT_SBR || audioObjectType == AOT_PS;
        if (explicit) {
            frequency("extensionSamplingFrequency", extensionSamplingFrequencyIndex, extensionSamplingFrequency);
        } else if (extensionSamplingFrequencyIndex != -1 || extensionSamplingFrequency != 0
                || coreAudioObjectType != audioObjectType) {
            throw new IllegalArgumentException("extension fields need audioObjectType 5 or 29");
        }
        if ((explicit && coreAudioObjectType == 22) != (extensionChannelConfiguration >= 0) || extensionChannelConfiguration > 15) {
            throw new IllegalArgumentException("extensionChannelConfiguration " + extensionChannelConfiguration);
        }
        if (gaSpecificConfig != null && (channelConfiguration == 0) != (gaSpecificConfig.programConfigElement() != null)) {
            throw new IllegalArgumentException("a PCE is present exactly when channelConfiguration is 0");
        }
        if (gaSpecificConfig != null && !isGa(coreAudioObjectType)) {
            throw new IllegalArgumentException("GASpecificConfig for a non-GA object type " + coreAudioObjectType);
        }
        if (epConfig > 3 || (epConfig >= 0 && !isEr(coreAudioObjectType))) {
            throw new IllegalArgumentException("epConfig " + epConfig);
        }
        if (syncExtension != null && explicit) {
            throw new IllegalArgumentException("a sync extension cannot follow explicit SBR/PS signalling");
        }
    }

    /**
     * A config for a GA object type (1-4 from ADTS) with GASpecificConfig defaults: 1024 samples per
     * frame, no core coder, no extension.
     */
    public static AudioSpecificConfig of(int audioObjectType, int samplingFrequencyIndex, int channelConfiguration) {
        return new AudioSpecificConfig(audioObjectType, samplingFrequencyIndex, 0, channelConfiguration, -1, 0,
                audioObjectType, -1, GaSpecificConfig.simple(false), isEr(audioObjectType) ? 0 : -1, null, RawBits.EMPTY);
    }

    /**
     * Parses all remaining bytes of {@code in} as one AudioSpecificConfig (as in an FLV AAC sequence
     * header or an MP4 DecoderSpecificInfo). Error offsets count from the buffer's position.
     *
     * <p>On success the position moves to the limit; on failure it is unchanged.
     *
     * @throws AacException for a reserved sampling index or channel configuration, an audio object
     *     type past Table 1.1 (0, 47..95), a zero explicit frequency
     * @throws io.streamwire.core.TruncatedInputException if the syntax runs past the end
     */
    public static AudioSpecificConfig parse(ByteBuffer in) {
        if (in.remaining() == 2) {
            AudioSpecificConfig common = tryParseTwoByteGa(in.get(in.position()) & 0xFF, in.get(in.position() + 1) & 0xFF);
            if (common != null) {
                in.position(in.limit());
                return common;
            }
        }
        BitReader reader = AacException.bitReader(in, in.position(), in.limit(), 0, SPEC);
        AudioSpecificConfig config = read(reader, true);
        in.position(in.limit());
        return config;
    }

    /**
     * The two-byte configs RTMP and MP4 carry for AAC Main/LC/SSR/LTP without a PCE or extensions
     * ({@code 12 10} and the like), decoded without a bit reader; null for anything else, which the
     * general path then reads. Both paths give equal results for all 65,536 two-byte inputs
     * (checked exhaustively by a test).
     */
    static AudioSpecificConfig tryParseTwoByteGa(int b0, int b1) {
        int bits = (b0 << 8) | b1;
        int aot = bits >>> 11;
        int sfi = (bits >>> 7) & 0xF;
        int channels = (bits >>> 3) & 0xF;
        int frameLengthFlag = (bits >>> 2) & 1;
        if (aot < 1 || aot > 4 || sfi > 12 || channels < 1 || channels > 7 || (bits & 3) != 0) {
            return null; // dependsOnCoreCoder or extensionFlag set, or not a plain GA config
        }
        return new AudioSpecificConfig(aot, sfi, 0, channels, -1, 0, aot, -1, GaSpecificConfig.simple(frameLengthFlag == 1),
                -1, null, RawBits.EMPTY);
    }

    /**
     * Reads an AudioSpecificConfig. With {@code lengthKnown} the reader ends where the config ends
     * (bits_to_decode() is defined): the sync extension is looked for and trailing bits are kept.
     * Without it (LATM audioMuxVersion 0) reading stops right after the specific config.
     */
    static AudioSpecificConfig read(BitReader in, boolean lengthKnown) {
        int aot = readAudioObjectType(in, "audioObjectType");
        int sfi = readSamplingIndex(in, "samplingFrequencyIndex");
        int frequency = sfi == 15 ? readFrequency(in, "samplingFrequency") : 0;
        long channelAt = in.offset();
        int channels = in.u(4, "channelConfiguration");
        if (!validChannelConfiguration(channels)) {
            throw new AacException("channelConfiguration", channels + " is reserved (expected: 0..7, 11..14)",
                    channelAt, "ISO/IEC 14496-3 §1.6.3.4, Table 1.19");
        }
        int extSfi = -1;
        int extFrequency = 0;
        int core = aot;
        int extChannels = -1;
        if (aot == AOT_SBR || aot == AOT_PS) {
            extSfi = readSamplingIndex(in, "extensionSamplingFrequencyIndex");
            extFrequency = extSfi == 15 ? readFrequency(in, "extensionSamplingFrequency") : 0;
            core = readAudioObjectType(in, "audioObjectType");
            if (core == 22) {
                extChannels = in.u(4, "extensionChannelConfiguration");
            }
        }
        GaSpecificConfig ga = null;
        boolean parsedAll = false;
        if (isGa(core)) {
            ga = GaSpecificConfig.read(in, channels, core);
            parsedAll = ga.extensionFlag3() != 1;
        }
        int ep = -1;
        if (parsedAll && isEr(core)) {
            ep = in.u(2, "epConfig");
            parsedAll = ep < 2; // ErrorProtectionSpecificConfig is kept as trailing bits
        }
        if (!parsedAll && !lengthKnown) {
            throw new UnsupportedFeatureException(AacException.MODULE, "audioObjectType", core + " has a specific config this module"
                    + " does not parse, and its length is not given", in.offset(), SPEC);
        }
        SyncExtension sync = null;
        if (parsedAll && lengthKnown && aot != AOT_SBR && aot != AOT_PS && in.bitsLeft() >= 16
                && in.peek(11) == SyncExtension.SYNC_EXTENSION_TYPE) {
            in.u(11, "syncExtensionType");
            sync = readSyncExtension(in);
        }
        RawBits trailing = lengthKnown ? RawBits.read(in, in.bitsLeft()) : RawBits.EMPTY;
        return new AudioSpecificConfig(aot, sfi, frequency, channels, extSfi, extFrequency, core, extChannels, ga, ep,
                sync, trailing);
    }

    private static SyncExtension readSyncExtension(BitReader in) {
        int extAot = readAudioObjectType(in, "extensionAudioObjectType");
        int sbr = -1;
        int extSfi = -1;
        int extFrequency = 0;
        int ps = -1;
        int extChannels = -1;
        if (extAot == AOT_SBR || extAot == 22) {
            sbr = in.u(1, "sbrPresentFlag");
            if (sbr == 1) {
                extSfi = readSamplingIndex(in, "extensionSamplingFrequencyIndex");
                extFrequency = extSfi == 15 ? readFrequency(in, "extensionSamplingFrequency") : 0;
                if (extAot == AOT_SBR && in.bitsLeft() >= 12 && in.peek(11) == SyncExtension.PS_SYNC_EXTENSION_TYPE) {
                    in.u(11, "syncExtensionType");
                    ps = in.u(1, "psPresentFlag");
                }
            }
            if (extAot == 22) {
                extChannels = in.u(4, "extensionChannelConfiguration");
            }
        }
        return new SyncExtension(extAot, sbr, extSfi, extFrequency, ps, extChannels);
    }

    /** GetAudioObjectType(): 5 bits, escape 31 → 32 + 6 bits; 0 and values past Table 1.1 are rejected. */
    static int readAudioObjectType(BitReader in, String field) {
        long at = in.offset();
        int aot = in.u(5, field);
        if (aot == 31) {
            aot = 32 + in.u(6, field + "Ext");
        }
        if (aot == 0 || aot > 46) {
            throw new AacException(field, aot + " is past Table 1.1 (expected: 1..46)", at, "ISO/IEC 14496-3 §1.5.1.1, Table 1.1");
        }
        return aot;
    }

    private static int readSamplingIndex(BitReader in, String field) {
        long at = in.offset();
        int index = in.u(4, field);
        if (index == 13 || index == 14) {
            throw new AacException(field, index + " is reserved", at, "ISO/IEC 14496-3 §1.6.3.3, Table 1.18");
        }
        return index;
    }

    private static int readFrequency(BitReader in, String field) {
        long at = in.offset();
        int frequency = in.u(24, field);
        if (frequency == 0) {
            throw new AacException(field, "0 Hz is not a sampling frequency", at, SPEC);
        }
        return frequency;
    }

    /** The encoded bytes; trailing bits included, padded with zero bits to a byte. */
    public byte[] toByteArray() {
        BitWriter out = new BitWriter();
        writeAudioObjectType(out, audioObjectType);
        out.u(4, samplingFrequencyIndex);
        if (samplingFrequencyIndex == 15) {
            out.u(24, samplingFrequency);
        }
        out.u(4, channelConfiguration);
        if (audioObjectType == AOT_SBR || audioObjectType == AOT_PS) {
            out.u(4, extensionSamplingFrequencyIndex);
            if (extensionSamplingFrequencyIndex == 15) {
                out.u(24, extensionSamplingFrequency);
            }
            writeAudioObjectType(out, coreAudioObjectType);
            if (coreAudioObjectType == 22) {
                out.u(4, extensionChannelConfiguration);
            }
        }
        if (gaSpecificConfig != null) {
            gaSpecificConfig.write(out, channelConfiguration, coreAudioObjectType);
        }
        if (epConfig >= 0) {
            out.u(2, epConfig);
        }
        if (syncExtension != null) {
            SyncExtension s = syncExtension;
            out.u(11, SyncExtension.SYNC_EXTENSION_TYPE);
            writeAudioObjectType(out, s.extensionAudioObjectType());
            if (s.sbrPresentFlag() >= 0) {
                out.u(1, s.sbrPresentFlag());
                if (s.sbrPresentFlag() == 1) {
                    out.u(4, s.extensionSamplingFrequencyIndex());
                    if (s.extensionSamplingFrequencyIndex() == 15) {
                        out.u(24, s.extensionSamplingFrequency());
                    }
                    if (s.psPresentFlag() >= 0) {
                        out.u(11, SyncExtension.PS_SYNC_EXTENSION_TYPE).u(1, s.psPresentFlag());
                    }
                }
                if (s.extensionChannelConfiguration() >= 0) {
                    out.u(4, s.extensionChannelConfiguration());
                }
            }
        }
        trailingBits.writeTo(out);
        return out.toByteArray();
    }

    /** Bytes {@link #writeTo} writes. */
    public int encodedSize() {
        return toByteArray().length;
    }

    /**
     * Writes the config at the buffer's position and moves it past.
     *
     * @throws java.nio.BufferOverflowException if fewer than {@link #encodedSize()} bytes remain
     */
    public void writeTo(ByteBuffer out) {
        out.put(toByteArray());
    }

    private static void writeAudioObjectType(BitWriter out, int aot) {
        if (aot >= 31) {
            out.u(5, 31).u(6, aot - 32);
        } else {
            out.u(5, aot);
        }
    }

    /** Sampling rate of the core decoder in Hz. */
    public int sampleRateHz() {
        return samplingFrequencyIndex == 15 ? samplingFrequency : SAMPLE_RATES[samplingFrequencyIndex];
    }

    /** Whether SBR is signalled, explicitly (AOT 5/29) or backward-compatibly (sync extension). */
    public boolean sbrPresent() {
        return audioObjectType == AOT_SBR || audioObjectType == AOT_PS
                || (syncExtension != null && syncExtension.extensionAudioObjectType() == AOT_SBR
                        && syncExtension.sbrPresentFlag() == 1);
    }

    /** Whether parametric stereo is signalled (AOT 29, or psPresentFlag in the sync extension). */
    public boolean psPresent() {
        return audioObjectType == AOT_PS || (syncExtension != null && syncExtension.psPresentFlag() == 1);
    }

    /**
     * Output sampling rate in Hz: the extension (SBR) rate when SBR is signalled, else the core rate.
     * Implicit SBR (signalled only inside the audio frames) cannot be seen here.
     */
    public int outputSampleRateHz() {
        if (audioObjectType == AOT_SBR || audioObjectType == AOT_PS) {
            return extensionSamplingFrequencyIndex == 15 ? extensionSamplingFrequency : SAMPLE_RATES[extensionSamplingFrequencyIndex];
        }
        if (sbrPresent()) {
            int index = syncExtension.extensionSamplingFrequencyIndex();
            return index == 15 ? syncExtension.extensionSamplingFrequency() : SAMPLE_RATES[index];
        }
        return sampleRateHz();
    }

    /**
     * Core samples per frame per channel: 1024 or 960 (frameLengthFlag), 512 or 480 for AAC LD (AOT
     * 23); -1 when the specific config was not parsed.
     */
    public int samplesPerFrame() {
        if (gaSpecificConfig == null) {
            return -1;
        }
        int base = coreAudioObjectType == 23 ? 512 : 1024;
        return gaSpecificConfig.frameLengthFlag() == 1 ? base * 15 / 16 : base;
    }

    /** Output samples per frame: {@link #samplesPerFrame()}, doubled when SBR doubles the rate. */
    public int outputSamplesPerFrame() {
        int core = samplesPerFrame();
        if (core < 0) {
            return -1;
        }
        return sbrPresent() && outputSampleRateHz() != sampleRateHz() ? core * 2 : core;
    }

    /**
     * Channels from channelConfiguration (Table 1.19) or the PCE; 0 when neither tells (channel
     * configuration 0 without a parsed PCE).
     */
    public int channelCount() {
        return switch (channelConfiguration) {
            case 0 -> gaSpecificConfig != null && gaSpecificConfig.programConfigElement() != null
                    ? gaSpecificConfig.programConfigElement().channelCount() : 0;
            case 7, 12, 14 -> 8;
            case 11 -> 7;
            case 13 -> 24;
            default -> channelConfiguration;
        };
    }

    /**
     * The RFC 6381 {@code codecs} value: {@code mp4a.40.<AOT>}, with the AOT HLS and DASH players
     * expect: 29 when PS is signalled, 5 when SBR is, else the first audioObjectType
     * (e.g. {@code mp4a.40.2}).
     *
     * @implNote RFC 6381 names the audioObjectType; for backward-compatible signalling, whose first
     *     AOT is 2, this reports the signalled extension (5/29), as HLS authoring rules ask.
     */
    public String codecString() {
        int aot = psPresent() ? AOT_PS : sbrPresent() ? AOT_SBR : audioObjectType;
        return "mp4a.40." + aot;
    }

    static boolean isGa(int aot) {
        return switch (aot) {
            case 1, 2, 3, 4, 6, 7, 17, 19, 20, 21, 22, 23 -> true;
            default -> false;
        };
    }

    static boolean isEr(int aot) {
        return (aot >= 17 && aot <= 27 && aot != 18) || aot == 39;
    }

    static boolean validChannelConfiguration(int channels) {
        return (channels >= 0 && channels <= 7) || (channels >= 11 && channels <= 14);
    }

    private static void aot(String name, int aot) {
        if (aot < 1 || aot > 46) {
            throw new IllegalArgumentException(name + " " + aot + " out of range 1..46");
        }
    }

    private static void frequency(String name, int index, int frequency) {
        if (index < 0 || index > 15 || index == 13 || index == 14 || (index == 15) != (frequency > 0)
                || frequency > 0xFFFFFF || frequency < 0) {
            throw new IllegalArgumentException(name + " index " + index + " with explicit value " + frequency);
        }
    }
}
