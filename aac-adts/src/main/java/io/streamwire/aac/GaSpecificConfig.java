package io.streamwire.aac;

import io.streamwire.aac.internal.BitWriter;
import io.streamwire.core.internal.BitReader;

/**
 * {@code GASpecificConfig()}: ISO/IEC 14496-3:2019 §4.4.1 (Table 4.1), semantics §4.5.1.1.
 *
 * <pre>
 * frameLengthFlag(1) dependsOnCoreCoder(1) [coreCoderDelay(14)] extensionFlag(1)
 * [program_config_element() if channelConfiguration == 0] [layerNr(3) for AOT 6, 20]
 * if extensionFlag: [numOfSubFrame(5) layer_length(11) for AOT 22]
 *                   [aacSectionDataResilienceFlag(1) aacScalefactorDataResilienceFlag(1)
 *                    aacSpectralDataResilienceFlag(1) for AOT 17, 19, 20, 23]
 *                   extensionFlag3(1)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param frameLengthFlag frameLengthFlag, 1 bit: 0 = 1024 (512 for AAC LD) samples per frame, 1 = 960 (480)
 * @param dependsOnCoreCoder dependsOnCoreCoder, 1 bit
 * @param coreCoderDelay coreCoderDelay, 14 bits, or -1 when dependsOnCoreCoder is 0
 * @param extensionFlag extensionFlag, 1 bit
 * @param programConfigElement the PCE when channelConfiguration is 0, else null
 * @param layerNr layerNr, 3 bits, for AOT 6 and 20; else -1
 * @param numOfSubFrame numOfSubFrame, 5 bits, for AOT 22 with extensionFlag; else -1
 * @param layerLength layer_length, 11 bits, for AOT 22 with extensionFlag; else -1
 * @param aacSectionDataResilienceFlag 1 bit for AOT 17, 19, 20, 23 with extensionFlag; else -1
 * @param aacScalefactorDataResilienceFlag 1 bit, same condition; else -1
 * @param aacSpectralDataResilienceFlag 1 bit, same condition; else -1
 * @param extensionFlag3 extensionFlag3, 1 bit, when extensionFlag is 1; else -1. When 1, the
 *     (version 3) syntax that follows is kept in {@link AudioSpecificConfig#trailingBits()}
 *
 * @since 0.1.0
 */
public record GaSpecificConfig(int frameLengthFlag, int dependsOnCoreCoder, int coreCoderDelay, int extensionFlag,
        ProgramConfigElement programConfigElement, int layerNr, int numOfSubFrame, int layerLength,
        int aacSectionDataResilienceFlag, int aacScalefactorDataResilienceFlag, int aacSpectralDataResilienceFlag,
        int extensionFlag3) {

    /** Checks ranges and that optional fields are present exactly when their flags say. */
    public GaSpecificConfig {
        bit("frameLengthFlag", frameLengthFlag);
        bit("dependsOnCoreCoder", dependsOnCoreCoder);
        bit("extensionFlag", extensionFlag);
        if ((dependsOnCoreCoder == 1) != (coreCoderDelay >= 0) || coreCoderDelay > 0x3FFF) {
            throw new IllegalArgumentException("coreCoderDelay " + coreCoderDelay + " with dependsOnCoreCoder " + dependsOnCoreCoder);
        }
        if ((extensionFlag == 1) != (extensionFlag3 >= 0) || extensionFlag3 > 1) {
            throw new IllegalArgumentException("extensionFlag3 " + extensionFlag3 + " with extensionFlag " + extensionFlag);
        }
        if (layerNr > 7 || numOfSubFrame > 31 || layerLength > 0x7FF || aacSectionDataResilienceFlag > 1
                || aacScalefactorDataResilienceFlag > 1 || aacSpectralDataResilienceFlag > 1) {
            throw new IllegalArgumentException("a field exceeds its width");
        }
    }

    private static final GaSpecificConfig SIMPLE_1024 = new GaSpecificConfig(0, 0, -1, 0, null, -1, -1, -1, -1, -1, -1, -1);
    private static final GaSpecificConfig SIMPLE_960 = new GaSpecificConfig(1, 0, -1, 0, null, -1, -1, -1, -1, -1, -1, -1);

    /** AAC LC style defaults: 1024 (or 960) samples, no core coder, no extension, no PCE (shared instances). */
    public static GaSpecificConfig simple(boolean frameLength960) {
        return frameLength960 ? SIMPLE_960 : SIMPLE_1024;
    }

    static GaSpecificConfig read(BitReader in, int channelConfiguration, int audioObjectType) {
        int frameLengthFlag = in.u(1, "frameLengthFlag");
        int dependsOnCoreCoder = in.u(1, "dependsOnCoreCoder");
        int coreCoderDelay = dependsOnCoreCoder == 1 ? in.u(14, "coreCoderDelay") : -1;
        int extensionFlag = in.u(1, "extensionFlag");
        if (dependsOnCoreCoder == 0 && extensionFlag == 0 && channelConfiguration != 0 && audioObjectType != 6
                && audioObjectType != 20) {
            return simple(frameLengthFlag == 1); // the common case: nothing else to read
        }
        ProgramConfigElement pce = channelConfiguration == 0 ? ProgramConfigElement.read(in) : null;
        int layerNr = audioObjectType == 6 || audioObjectType == 20 ? in.u(3, "layerNr") : -1;
        int numOfSubFrame = -1;
        int layerLength = -1;
        int section = -1;
        int scalefactor = -1;
        int spectral = -1;
        int extensionFlag3 = -1;
        if (extensionFlag == 1) {
            if (audioObjectType == 22) {
                numOfSubFrame = in.u(5, "numOfSubFrame");
                layerLength = in.u(11, "layer_length");
            }
            if (hasResilienceFlags(audioObjectType)) {
                section = in.u(1, "aacSectionDataResilienceFlag");
                scalefactor = in.u(1, "aacScalefactorDataResilienceFlag");
                spectral = in.u(1, "aacSpectralDataResilienceFlag");
            }
            extensionFlag3 = in.u(1, "extensionFlag3");
        }
        return new GaSpecificConfig(frameLengthFlag, dependsOnCoreCoder, coreCoderDelay, extensionFlag, pce, layerNr,
                numOfSubFrame, layerLength, section, scalefactor, spectral, extensionFlag3);
    }

    void write(BitWriter out, int channelConfiguration, int audioObjectType) {
        if ((channelConfiguration == 0) != (programConfigElement != null)) {
            throw new IllegalArgumentException("a PCE is present exactly when channelConfiguration is 0");
        }
        out.u(1, frameLengthFlag).u(1, dependsOnCoreCoder);
        if (dependsOnCoreCoder == 1) {
            out.u(14, coreCoderDelay);
        }
        out.u(1, extensionFlag);
        if (programConfigElement != null) {
            programConfigElement.write(out);
        }
        if (audioObjectType == 6 || audioObjectType == 20) {
            out.u(3, require("layerNr", layerNr));
        }
        if (extensionFlag == 1) {
            if (audioObjectType == 22) {
                out.u(5, require("numOfSubFrame", numOfSubFrame)).u(11, require("layerLength", layerLength));
            }
            if (hasResilienceFlags(audioObjectType)) {
                out.u(1, require("aacSectionDataResilienceFlag", aacSectionDataResilienceFlag));
                out.u(1, require("aacScalefactorDataResilienceFlag", aacScalefactorDataResilienceFlag));
                out.u(1, require("aacSpectralDataResilienceFlag", aacSpectralDataResilienceFlag));
            }
            out.u(1, extensionFlag3);
        }
    }

    private static boolean hasResilienceFlags(int audioObjectType) {
        return audioObjectType == 17 || audioObjectType == 19 || audioObjectType == 20 || audioObjectType == 23;
    }

    private static int require(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " is required for this audio object type");
        }
        return value;
    }

    private static void bit(String name, int value) {
        if (value != 0 && value != 1) {
            throw new IllegalArgumentException(name + " " + value + " is not a bit");
        }
    }
}
