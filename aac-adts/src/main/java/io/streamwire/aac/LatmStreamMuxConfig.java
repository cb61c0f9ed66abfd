package io.streamwire.aac;

import io.streamwire.core.UnsupportedFeatureException;
import io.streamwire.core.internal.BitReader;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * {@code StreamMuxConfig()} of LATM: ISO/IEC 14496-3:2019 §1.7.3.1 (Table 1.42), semantics §1.7.3.2,
 * for the single-program, single-layer case broadcasters use (DVB, MPEG-TS stream type 0x11).
 *
 * <pre>
 * audioMuxVersion(1) [audioMuxVersionA(1)] [taraBufferFullness = LatmGetValue() if version 1]
 * allStreamsSameTimeFraming(1) numSubFrames(6) numProgram(4) numLayer(3)
 * AudioSpecificConfig() (version 1: ascLen = LatmGetValue() first, fill bits after)
 * frameLengthType(3) latmBufferFullness(8)
 * otherDataPresent(1) [otherDataLenBits] crcCheckPresent(1) [crcCheckSum(8)]
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param audioMuxVersion audioMuxVersion, 0 or 1
 * @param taraBufferFullness taraBufferFullness (version 1), else -1
 * @param numSubFrames numSubFrames, 6 bits: PayloadMux elements per AudioMuxElement minus 1
 * @param audioSpecificConfig the stream's AudioSpecificConfig
 * @param latmBufferFullness latmBufferFullness, 8 bits (0xFF: variable rate)
 * @param otherDataLenBits otherDataLenBits when otherDataPresent, else -1
 * @param crcCheckSum crcCheckSum when crcCheckPresent, else -1
 *
 * @since 0.1.0
 */
public record LatmStreamMuxConfig(int audioMuxVersion, long taraBufferFullness, int numSubFrames,
        AudioSpecificConfig audioSpecificConfig, int latmBufferFullness, long otherDataLenBits, int crcCheckSum) {

    static final String SPEC = "ISO/IEC 14496-3 §1.7.3.1";

    /** Checks ranges. */
    public LatmStreamMuxConfig {
        Objects.requireNonNull(audioSpecificConfig, "audioSpecificConfig");
        if (audioMuxVersion < 0 || audioMuxVersion > 1 || numSubFrames < 0 || numSubFrames > 63
                || latmBufferFullness < 0 || latmBufferFullness > 255 || crcCheckSum > 255
                || (audioMuxVersion == 0 && taraBufferFullness != -1)) {
            throw new IllegalArgumentException("field out of range");
        }
    }

    /**
     * Reads a StreamMuxConfig.
     *
     * @throws UnsupportedFeatureException for audioMuxVersionA 1, several programs or layers,
     *     allStreamsSameTimeFraming 0 or frameLengthType other than 0
     * @throws AacException for a bad AudioSpecificConfig or an ascLen shorter than the config
     */
    static LatmStreamMuxConfig read(BitReader in) {
        int version = in.u(1, "latm audioMuxVersion");
        int versionA = version == 1 ? in.u(1, "latm audioMuxVersionA") : 0;
        if (versionA != 0) {
            throw unsupported(in, "latm audioMuxVersionA", "1 (syntax to be defined) is not supported");
        }
        long tara = version == 1 ? latmGetValue(in, "latm taraBufferFullness") : -1;
        int sameTimeFraming = in.u(1, "latm allStreamsSameTimeFraming");
        int numSubFrames = in.u(6, "latm numSubFrames");
        int numProgram = in.u(4, "latm numProgram");
        if (numProgram != 0) {
            throw unsupported(in, "latm numProgram", (numProgram + 1) + " programs: only one is supported");
        }
        int numLayer = in.u(3, "latm numLayer");
        if (numLayer != 0) {
            throw unsupported(in, "latm numLayer", (numLayer + 1) + " layers: only one is supported");
        }
        if (sameTimeFraming != 1) {
            throw unsupported(in, "latm allStreamsSameTimeFraming", "0 is not supported");
        }
        AudioSpecificConfig config;
        if (version == 0) {
            config = AudioSpecificConfig.read(in, false);
        } else {
            long at = in.offset();
            long ascLen = latmGetValue(in, "latm ascLen");
            if (ascLen > in.bitsLeft()) {
                throw new AacException("latm ascLen", ascLen + " bits run past the end (" + in.bitsLeft() + " bits left)",
                        at, SPEC);
            }
            config = AudioSpecificConfig.read(copyBits(in, (int) ascLen), true);
        }
        int frameLengthType = in.u(3, "latm frameLengthType");
        if (frameLengthType != 0) {
            throw unsupported(in, "latm frameLengthType", frameLengthType + " (fixed-length or CELP/HVXC framing) is not supported");
        }
        int fullness = in.u(8, "latm latmBufferFullness");
        long otherDataLenBits = -1;
        if (in.flag("latm otherDataPresent")) {
            if (version == 1) {
                otherDataLenBits = latmGetValue(in, "latm otherDataLenBits");
            } else {
                otherDataLenBits = 0;
                boolean escape;
                int rounds = 0;
                do {
                    escape = in.flag("latm otherDataLenEsc");
                    otherDataLenBits = (otherDataLenBits << 8) + in.u(8, "latm otherDataLenTmp");
                    if (++rounds > 4) {
                        throw new AacException("latm otherDataLenBits", "escapes past 32 bits", in.offset(), SPEC);
                    }
                } while (escape);
            }
        }
        int crc = in.flag("latm crcCheckPresent") ? in.u(8, "latm crcCheckSum") : -1;
        return new LatmStreamMuxConfig(version, tara, numSubFrames, config, fullness, otherDataLenBits, crc);
    }

    /** LatmGetValue(): bytesForValue(2) then that many plus one bytes, big-endian. */
    static long latmGetValue(BitReader in, String field) {
        int bytes = in.u(2, field + " bytesForValue") + 1;
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value = (value << 8) | in.u(8, field);
        }
        return value;
    }

    /**
     * The next {@code bits} bits as a reader of their own (the AudioSpecificConfig inside a version 1
     * StreamMuxConfig starts at any bit, and its byte_alignment() counts from its own first bit).
     */
    private static BitReader copyBits(BitReader in, int bits) {
        long start = in.offset();
        byte[] copy = new byte[(bits + 7) / 8];
        for (int i = 0; i < bits; i += 8) {
            int n = Math.min(8, bits - i);
            copy[i / 8] = (byte) (in.u(n, "latm AudioSpecificConfig") << (8 - n));
        }
        return AacException.bitReader(ByteBuffer.wrap(copy), 0, copy.length, start, AudioSpecificConfig.SPEC)
                .limitBits(bits);
    }

    private static UnsupportedFeatureException unsupported(BitReader in, String field, String problem) {
        return new UnsupportedFeatureException(AacException.MODULE, field, problem, in.offset(), SPEC);
    }
}
