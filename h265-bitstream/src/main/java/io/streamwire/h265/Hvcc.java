package io.streamwire.h265;

import io.streamwire.core.LimitExceededException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.core.internal.LengthPrefixedAnnexB;
import io.streamwire.core.internal.LengthPrefixedNals;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Length-prefixed HEVC NAL units (ISO/IEC 14496-15 (2022) §8.3.2 sample format: each NAL unit
 * preceded by a big-endian NALUnitLength of 1, 2 or 4 bytes, the size given by the
 * {@link HevcDecoderConfigurationRecord}'s lengthSizeMinusOne), as carried in MP4 samples and
 * Enhanced RTMP / FLV video tags; and the conversions to and from Annex B (ITU-T H.265 (09/2023) Annex B).
 *
 * <p><b>hvc1 and hev1</b> (ISO/IEC 14496-15 §8.4.1, with array_completeness of §8.3.3.1): under an
 * {@code hvc1} sample entry the configuration record's VPS, SPS and PPS arrays are complete
 * (array_completeness 1): every parameter set the stream uses is in the sample entry and none is in
 * the samples, so MPEG-TS → MP4 conversion for {@code hvc1} (what Apple's players require) drops the
 * in-band parameter sets: {@link #fromAnnexB fromAnnexB(annexB, 4, true)}. Under {@code hev1}
 * parameter sets may also (or only) be in the samples (array_completeness 0 by default), which suits
 * streams whose parameter sets change: keep them with {@code fromAnnexB(annexB, 4, false)}. The other
 * way, MPEG-TS players find parameter sets only in-band, so {@link #toAnnexB} inserts the record's
 * VPS, SPS and PPS before each IRAP access unit that does not carry its own.
 *
 * <p>Reading checks each length against the bytes remaining and {@link H265Limits#maxNalSize()}
 * before slicing; NAL units are handed out as slices (no copy). Zero-length NAL units are skipped.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.2.0
 */
public final class Hvcc {
    /**
     * The HEVC sample format for core's shared length-prefixed code: nal_unit_type in bits 1-6 of the
     * first header byte, IRAP pictures (16..23) get the VPS, SPS and PPS (32..34) before them, AUD 35.
     */
    static final LengthPrefixedNals.Format FORMAT = new LengthPrefixedNals.Format(H265Exception.MODULE, "hvcc",
            "ISO/IEC 14496-15 (2022) §8.3.2", "H265Limits.maxNalSize()", H265Exception::new, "ITU-T H.265 (09/2023) §7.4.2",
            true, 1, 0x3F, NalUnitType.AUD_NUT, 0xFFL << NalUnitType.BLA_W_LP, 7L << NalUnitType.VPS_NUT);
    /** The hvcC's VPS, SPS and PPS arrays in that order, for the conversion to Annex B. */
    private static final LengthPrefixedAnnexB.ParameterSets<HevcDecoderConfigurationRecord> PARAMETER_SETS = new ParameterSets();

    private Hvcc() {}

    /**
     * The NAL units of {@code sample[position, limit)} as slices, in order; the position is unchanged.
     *
     * @param lengthSize bytes per NALUnitLength: 1, 2 or 4
     * @param offset stream offset of the sample's first byte, for errors
     * @throws TruncatedInputException if a length field or a NAL unit runs past the limit
     * @throws LimitExceededException if a length exceeds {@link H265Limits#maxNalSize()}
     * @throws IllegalArgumentException if {@code lengthSize} is not 1, 2 or 4
     */
    public static List<ByteBuffer> split(ByteBuffer sample, int lengthSize, H265Limits limits, long offset) {
        return LengthPrefixedNals.split(sample, lengthSize, limits.maxNalSize(), offset, FORMAT);
    }

    /** {@link #split(ByteBuffer, int, H265Limits, long)} with default limits and offset 0. */
    public static List<ByteBuffer> split(ByteBuffer sample, int lengthSize) {
        return split(sample, lengthSize, H265Limits.defaults(), 0);
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
     * Annex B to length-prefixed: the NAL units of {@code annexB[position, limit)} (as
     * {@link HevcAnnexB#split}), each after its NALUnitLength. With {@code dropParameterSets} the
     * VPS (32), SPS (33) and PPS (34) NAL units are left out, for an {@code hvc1} track whose sample
     * entry carries them; without it they are kept, for {@code hev1}. Access unit delimiters and SEI
     * are kept either way (ffmpeg's MP4 muxer does the same).
     *
     * @throws IllegalArgumentException if {@code lengthSize} is not 1, 2 or 4 or a NAL unit does not fit it
     */
    public static byte[] fromAnnexB(ByteBuffer annexB, int lengthSize, boolean dropParameterSets) {
        return LengthPrefixedNals.fromAnnexB(annexB, lengthSize, dropParameterSets ? 7L << NalUnitType.VPS_NUT : 0, FORMAT);
    }

    /**
     * Length-prefixed to Annex B with 4-byte start codes, into a new array: exactly the bytes
     * {@link #toAnnexB(ByteBuffer, int, HevcDecoderConfigurationRecord, ByteBuffer)} writes.
     * {@code sample}'s position is unchanged.
     *
     * @param config the track's configuration whose parameter sets go before an IRAP picture that
     *     lacks them, or null to insert nothing
     * @throws H265Exception as the buffer form
     * @throws TruncatedInputException as {@link #split(ByteBuffer, int, H265Limits, long)}
     * @throws LimitExceededException as {@link #split(ByteBuffer, int, H265Limits, long)}
     */
    public static byte[] toAnnexB(ByteBuffer sample, int lengthSize, HevcDecoderConfigurationRecord config) {
        return LengthPrefixedAnnexB.toAnnexB(sample, lengthSize, H265Limits.defaults().maxNalSize(), config, PARAMETER_SETS, FORMAT);
    }

    /**
     * Bytes {@link #toAnnexB(ByteBuffer, int, HevcDecoderConfigurationRecord, ByteBuffer)} writes for
     * this sample: size the output buffer once with it.
     *
     * @throws H265Exception as {@link #toAnnexB(ByteBuffer, int, HevcDecoderConfigurationRecord, ByteBuffer)}
     */
    public static int annexBSize(ByteBuffer sample, int lengthSize, HevcDecoderConfigurationRecord config) {
        return LengthPrefixedAnnexB.annexBSize(sample, lengthSize, H265Limits.defaults().maxNalSize(), config, PARAMETER_SETS, FORMAT);
    }

    /**
     * Length-prefixed to Annex B with 4-byte start codes, written into {@code out} at its position
     * (which moves past the written bytes); {@code sample} (one access unit, as an MP4 sample or FLV
     * tag holds) keeps its position and nothing is allocated. When {@code config} is not null and the
     * sample holds an IRAP picture (nal_unit_type 16..23) not preceded in the sample by a VPS, an SPS
     * and a PPS, the NAL units of the configuration's VPS, SPS and PPS arrays (in that order) are
     * inserted at the start of the access unit, after its access unit delimiter when the sample
     * starts with one (ITU-T H.265 §7.4.2.4.4 order: AUD first, then parameter sets before the first
     * VCL NAL unit). In-band parameter sets that follow still override them. Zero-length NAL units
     * are skipped.
     *
     * <p>Trailing zero bytes of a NAL unit are not written (§7.4.2: the last byte of a NAL unit is
     * never 0x00; an Annex B reader would take them for trailing_zero_8bits), and a NAL unit made
     * only of zero bytes in the sample raises {@link H265Exception} (field {@code "hvcc nal_unit"};
     * one in the configuration is left out). So does a NAL unit holding {@code 00 00 01}, of the
     * sample or of the configuration (field {@code "hvcC nalUnit"}): emulation prevention (§7.4.2)
     * keeps start codes out of NAL units, and Annex B would split such a unit in two. Every length is checked (as
     * {@link #split(ByteBuffer, int, H265Limits, long)} with default limits) and so is the room in
     * {@code out} before anything is written: on an exception {@code out} is unchanged.
     *
     * @return the number of bytes written, {@link #annexBSize} of the sample
     * @throws H265Exception for a NAL unit of zero bytes only or one holding {@code 00 00 01}
     * @throws TruncatedInputException if a length field or a NAL unit runs past the sample
     * @throws LimitExceededException if a length exceeds {@link H265Limits#maxNalSize()}
     * @throws BufferOverflowException if {@code out} has fewer than {@link #annexBSize} bytes remaining
     * @throws IllegalArgumentException if {@code lengthSize} is not 1, 2 or 4
     */
    public static int toAnnexB(ByteBuffer sample, int lengthSize, HevcDecoderConfigurationRecord config, ByteBuffer out) {
        return LengthPrefixedAnnexB.toAnnexB(sample, lengthSize, H265Limits.defaults().maxNalSize(), config, PARAMETER_SETS, FORMAT,
                out);
    }

    /**
     * The hvcC's VPS, SPS and PPS NAL units in that order, whatever the order of its arrays (index
     * loops: nothing allocated); checked for start codes (field {@code "hvcC nalUnit"}).
     */
    private static final class ParameterSets implements LengthPrefixedAnnexB.ParameterSets<HevcDecoderConfigurationRecord> {
        @Override
        public long annexBSize(HevcDecoderConfigurationRecord config) {
            return visit(config, null);
        }

        @Override
        public void writeAnnexB(HevcDecoderConfigurationRecord config, ByteBuffer out) {
            visit(config, out);
        }

        /** Writes them to {@code out}, or (when it is null) returns their size. */
        private static long visit(HevcDecoderConfigurationRecord config, ByteBuffer out) {
            long size = 0;
            List<HevcDecoderConfigurationRecord.NalUnitArray> arrays = config.arrays();
            for (int type = NalUnitType.VPS_NUT; type <= NalUnitType.PPS_NUT; type++) {
                for (int a = 0; a < arrays.size(); a++) {
                    if (arrays.get(a).nalUnitType() == type) {
                        if (out == null) {
                            size += LengthPrefixedAnnexB.annexBSize(arrays.get(a).nalUnits(), "hvcC nalUnit", FORMAT);
                        } else {
                            LengthPrefixedAnnexB.writeAnnexB(arrays.get(a).nalUnits(), out);
                        }
                    }
                }
            }
            return size;
        }
    }
}
