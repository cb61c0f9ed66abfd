package io.streamwire.h264;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.core.internal.LengthPrefixedAnnexB;
import io.streamwire.core.internal.LengthPrefixedNals;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Length-prefixed NAL units ("AVCC", ISO/IEC 14496-15 §5.3.2: each NAL unit preceded by a
 * big-endian NALUnitLength of 1, 2 or 4 bytes, the size given by the decoder configuration's
 * lengthSizeMinusOne), as carried in MP4 samples and RTMP/FLV video tags; and the conversions to and
 * from Annex B.
 *
 * <p>Reading checks each length against the bytes remaining and {@link H264Limits#maxNalSize()}
 * before slicing; NAL units are handed out as slices (no copy). Zero-length NAL units are skipped.
 *
 * <p>Thread-safe (stateless).
 *
 * @since 0.1.0
 */
public final class Avcc {
    /**
     * The AVC sample format for core's shared length-prefixed code: nal_unit_type in the low 5 bits,
     * IDR slices (5) get the SPS (7) and PPS (8) before them, AUD 9.
     */
    static final LengthPrefixedNals.Format FORMAT = new LengthPrefixedNals.Format(H264Exception.MODULE, "avcc",
            "ISO/IEC 14496-15 §5.3.2", "H264Limits.maxNalSize()", H264Exception::new, "ITU-T H.264 (08/2021) §7.4.1",
            false, 0, 0x1F, NalUnitHeader.TYPE_AUD, 1L << NalUnitHeader.TYPE_IDR, 1L << NalUnitHeader.TYPE_SPS | 1L << NalUnitHeader.TYPE_PPS);
    /** The avcC's SPS, SPS extension and PPS NAL units in that order, for the conversion to Annex B. */
    private static final LengthPrefixedAnnexB.ParameterSets<AvcDecoderConfigurationRecord> PARAMETER_SETS = new ParameterSets();
    /** Left out by {@link #fromAnnexB} on request: SPS (7), PPS (8), AUD (9), SPS extension (13). */
    private static final long AUD_AND_PARAMETER_SETS = 1L << 7 | 1L << 8 | 1L << 9 | 1L << 13;

    private Avcc() {}

    /**
     * The NAL units of {@code sample[position, limit)} as slices, in order; the position is unchanged.
     *
     * @param offset stream offset of the sample's first byte, for errors
     * @throws TruncatedInputException if a length field or a NAL unit runs past the limit
     * @throws LimitExceededException if a length exceeds {@link H264Limits#maxNalSize()}
     */
    public static List<ByteBuffer> split(ByteBuffer sample, int lengthSize, H264Limits limits, long offset) {
        return LengthPrefixedNals.split(sample, lengthSize, limits.maxNalSize(), offset, FORMAT);
    }

    /** {@link #split(ByteBuffer, int, H264Limits, long)} with default limits and offset 0. */
    public static List<ByteBuffer> split(ByteBuffer sample, int lengthSize) {
        return split(sample, lengthSize, H264Limits.defaults(), 0);
    }

    /** Bytes {@link #write} needs. */
    public static int encodedSize(List<ByteBuffer> nals, int lengthSize) {
        return LengthPrefixedNals.encodedSize(nals, lengthSize);
    }

    /**
     * Writes each NAL unit's remaining bytes after its length; moves {@code out}'s position and
     * leaves the NAL buffers unchanged.
     *
     * @throws IllegalArgumentException if a NAL unit does not fit the length field
     */
    public static void write(List<ByteBuffer> nals, int lengthSize, ByteBuffer out) {
        LengthPrefixedNals.write(nals, lengthSize, out);
    }

    /** The NAL units length-prefixed into a new array. */
    public static byte[] toByteArray(List<ByteBuffer> nals, int lengthSize) {
        return LengthPrefixedNals.toByteArray(nals, lengthSize);
    }

    /**
     * Annex B to AVCC: the NAL units of {@code annexB} length-prefixed. With
     * {@code dropAudAndParameterSets}, access unit delimiters (type 9), SPS (7), PPS (8) and SPS
     * extensions (13) are left out, as MP4 and FLV carry parameter sets in the decoder configuration.
     */
    public static byte[] fromAnnexB(ByteBuffer annexB, int lengthSize, boolean dropAudAndParameterSets) {
        return LengthPrefixedNals.fromAnnexB(annexB, lengthSize, dropAudAndParameterSets ? AUD_AND_PARAMETER_SETS : 0, FORMAT);
    }

    /**
     * AVCC to Annex B with 4-byte start codes, into a new array of {@link #annexBSize} bytes: exactly
     * the bytes {@link #toAnnexB(ByteBuffer, int, AvcDecoderConfigurationRecord, ByteBuffer)} writes
     * (parameter sets inserted at the start of an IDR access unit, after its AUD; zero-length NAL
     * units skipped; trailing zero bytes of a NAL unit dropped). {@code sample}'s position is
     * unchanged.
     *
     * @throws H264Exception as {@link #split(ByteBuffer, int, H264Limits, long)}
     * @throws IllegalArgumentException if {@code lengthSize} is not 1, 2 or 4
     */
    public static byte[] toAnnexB(ByteBuffer sample, int lengthSize, AvcDecoderConfigurationRecord config) {
        return LengthPrefixedAnnexB.toAnnexB(sample, lengthSize, H264Limits.defaults().maxNalSize(), config, PARAMETER_SETS, FORMAT);
    }

    /**
     * Bytes {@link #toAnnexB(ByteBuffer, int, AvcDecoderConfigurationRecord, ByteBuffer)} writes for
     * this sample: size the output buffer once with it (or reuse one of the largest size seen).
     *
     * @throws H264Exception as {@link #split(ByteBuffer, int, H264Limits, long)}
     */
    public static int annexBSize(ByteBuffer sample, int lengthSize, AvcDecoderConfigurationRecord config) {
        return LengthPrefixedAnnexB.annexBSize(sample, lengthSize, H264Limits.defaults().maxNalSize(), config, PARAMETER_SETS, FORMAT);
    }

    /**
     * AVCC to Annex B with 4-byte start codes, written into {@code out} at its position (which moves
     * past the written bytes); {@code sample}'s position is unchanged and nothing is allocated per
     * sample. When {@code config} is not null and the sample has an IDR slice (type 5) not preceded
     * in the sample by both an SPS and a PPS, the configuration's SPS, SPS extension and PPS NAL units
     * are inserted at the start of the access unit, after its access unit delimiter when the sample
     * starts with one (§7.4.1.2.3 order: AUD, then parameter sets, then SEI and slices). Zero-length
     * NAL units are skipped.
     *
     * <p>Trailing zero bytes of a NAL unit (of the sample or of the configuration) are not written,
     * and a NAL unit made only of zero bytes in the sample raises {@link H264Exception} (field
     * {@code "avcc nal_unit"}; one in the configuration is left out): §7.4.1 says the last
     * byte of a NAL unit is never 0x00, and Annex B cannot carry one that is (a reader takes the zeros
     * for trailing_zero_8bits, or a one-byte {@code 00} for part of the next start code). So does a
     * NAL unit holding {@code 00 00 01}, of the sample (field {@code "avcc nal_unit"}) or of the
     * configuration (the avcC element, e.g. {@code "avcC sequenceParameterSetNALUnit"}): emulation
     * prevention (§7.4.1) keeps start codes out of NAL units, and Annex B would split such a unit in two.
     *
     * <p>Every length is checked (as {@link #split(ByteBuffer, int, H264Limits, long)} with default
     * limits) before anything is written, and so is the room in {@code out}: on an exception
     * {@code out} is unchanged.
     *
     * @implNote Some cameras send parameter sets ending in 0x00 (padding); ffmpeg's decoder ignores
     *     the zeros too. Dropping them here keeps the NAL units an Annex B reader finds the same as
     *     the sample's, rather than refusing the sample.
     * @return the number of bytes written, {@link #annexBSize} of the sample
     * @throws H264Exception as {@link #split(ByteBuffer, int, H264Limits, long)}
     * @throws BufferOverflowException if {@code out} has fewer than {@link #annexBSize} bytes remaining
     * @throws IllegalArgumentException if {@code lengthSize} is not 1, 2 or 4
     */
    public static int toAnnexB(ByteBuffer sample, int lengthSize, AvcDecoderConfigurationRecord config, ByteBuffer out) {
        return LengthPrefixedAnnexB.toAnnexB(sample, lengthSize, H264Limits.defaults().maxNalSize(), config, PARAMETER_SETS, FORMAT,
                out);
    }

    /** The avcC's parameter sets: SPS, SPS extension (High profiles), PPS; checked for start codes. */
    private static final class ParameterSets implements LengthPrefixedAnnexB.ParameterSets<AvcDecoderConfigurationRecord> {
        @Override
        public long annexBSize(AvcDecoderConfigurationRecord config) {
            long size = LengthPrefixedAnnexB.annexBSize(config.sequenceParameterSets(), "avcC sequenceParameterSetNALUnit", FORMAT)
                    + LengthPrefixedAnnexB.annexBSize(config.pictureParameterSets(), "avcC pictureParameterSetNALUnit", FORMAT);
            if (config.highProfileExtension() != null) {
                size += LengthPrefixedAnnexB.annexBSize(config.highProfileExtension().sequenceParameterSetExtNalUnits(),
                        "avcC sequenceParameterSetExtNALUnit", FORMAT);
            }
            return size;
        }

        @Override
        public void writeAnnexB(AvcDecoderConfigurationRecord config, ByteBuffer out) {
            LengthPrefixedAnnexB.writeAnnexB(config.sequenceParameterSets(), out);
            if (config.highProfileExtension() != null) {
                LengthPrefixedAnnexB.writeAnnexB(config.highProfileExtension().sequenceParameterSetExtNalUnits(), out);
            }
            LengthPrefixedAnnexB.writeAnnexB(config.pictureParameterSets(), out);
        }
    }
}
