package io.streamwire.h265;

import io.streamwire.core.TruncatedInputException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The HEVCDecoderConfigurationRecord of ISO/IEC 14496-15 (2022) §8.3.3.1: the {@code hvcC} box body
 * and the Enhanced RTMP / FLV HEVC sequence header.
 *
 * <pre>
 * configurationVersion u8 = 1
 * general_profile_space u2, general_tier_flag u1, general_profile_idc u5
 * general_profile_compatibility_flags u32, general_constraint_indicator_flags u48, general_level_idc u8
 * reserved '1111'b + min_spatial_segmentation_idc u12, reserved '111111'b + parallelismType u2
 * reserved '111111'b + chroma_format_idc u2, reserved '11111'b + bit_depth_luma_minus8 u3
 * reserved '11111'b + bit_depth_chroma_minus8 u3, avgFrameRate u16
 * constantFrameRate u2, numTemporalLayers u3, temporalIdNested u1, lengthSizeMinusOne u2
 * numOfArrays u8, { array_completeness u1, reserved '0'b, NAL_unit_type u6, numNalus u16,
 *                   { nalUnitLength u16, nalUnit } }
 * </pre>
 *
 * <p>Reserved bits are not kept: {@link #writeTo} writes them as the standard requires (1s in the
 * header, 0 in each array's reserved bit). NAL unit buffers are read-only copies, so the record
 * never shares the caller's buffer.
 *
 * <p>Immutable and thread-safe.
 *
 * @param configurationVersion configurationVersion, 8 bits: 1 (0 accepted, see {@link #parse})
 * @param generalProfileSpace general_profile_space, 2 bits
 * @param generalTierFlag general_tier_flag, 1 bit (true: high tier)
 * @param generalProfileIdc general_profile_idc, 5 bits
 * @param generalProfileCompatibilityFlags general_profile_compatibility_flags, 32 bits, flag[0] in the
 *     most significant bit (as written)
 * @param generalConstraintIndicatorFlags general_constraint_indicator_flags, 48 bits,
 *     general_progressive_source_flag in bit 47
 * @param generalLevelIdc general_level_idc, 8 bits
 * @param minSpatialSegmentationIdc min_spatial_segmentation_idc, 12 bits, 0..4095
 * @param parallelismType parallelismType, 2 bits (0 unknown/mixed, 1 slices, 2 tiles, 3 wavefront)
 * @param chromaFormatIdc chroma_format_idc, 2 bits
 * @param bitDepthLumaMinus8 bit_depth_luma_minus8, 3 bits
 * @param bitDepthChromaMinus8 bit_depth_chroma_minus8, 3 bits
 * @param avgFrameRate avgFrameRate, 16 bits, frames per 256 seconds (0: unspecified)
 * @param constantFrameRate constantFrameRate, 2 bits
 * @param numTemporalLayers numTemporalLayers, 3 bits (0: unknown)
 * @param temporalIdNested temporalIdNested, 1 bit
 * @param lengthSizeMinusOne lengthSizeMinusOne, 2 bits: 0, 1 or 3
 * @param arrays the NAL unit arrays, at most 255
 *
 * @since 0.2.0
 */
public record HevcDecoderConfigurationRecord(int configurationVersion, int generalProfileSpace, boolean generalTierFlag,
        int generalProfileIdc, int generalProfileCompatibilityFlags, long generalConstraintIndicatorFlags,
        int generalLevelIdc, int minSpatialSegmentationIdc, int parallelismType, int chromaFormatIdc,
        int bitDepthLumaMinus8, int bitDepthChromaMinus8, int avgFrameRate, int constantFrameRate,
        int numTemporalLayers, boolean temporalIdNested, int lengthSizeMinusOne, List<NalUnitArray> arrays) {

    static final String SPEC = "ISO/IEC 14496-15 (2022) §8.3.3.1";
    /** Bytes before the first array: configurationVersion .. numOfArrays. */
    static final int HEADER_SIZE = 23;

    /**
     * One array of the record: NAL units of one type.
     *
     * @param arrayCompleteness array_completeness, 1 bit: true when every NAL unit of this type the
     *     stream uses is in the array (none in the samples)
     * @param nalUnitType NAL_unit_type, 6 bits (VPS 32, SPS 33, PPS 34, prefix SEI 39, suffix SEI 40)
     * @param nalUnits the NAL units (header included, escaped), at most 65,535, each at most 65,535 bytes
     */
    public record NalUnitArray(boolean arrayCompleteness, int nalUnitType, List<ByteBuffer> nalUnits) {
        /** Checks the widths and counts, and copies the NAL units. */
        public NalUnitArray {
            if (nalUnitType >>> 6 != 0) {
                throw new IllegalArgumentException("NAL_unit_type " + nalUnitType + " out of range (expected: 0..63)");
            }
            Objects.requireNonNull(nalUnits, "nalUnits");
            if (nalUnits.size() > 0xFFFF) {
                throw new IllegalArgumentException(nalUnits.size() + " NAL units, at most 65535");
            }
            List<ByteBuffer> out = new ArrayList<>(nalUnits.size());
            for (ByteBuffer nal : nalUnits) {
                if (nal.remaining() > 0xFFFF) {
                    throw new IllegalArgumentException("NAL unit of " + nal.remaining() + " bytes, at most 65535");
                }
                byte[] b = new byte[nal.remaining()];
                nal.duplicate().get(b);
                out.add(ByteBuffer.wrap(b).asReadOnlyBuffer());
            }
            nalUnits = List.copyOf(out);
        }
    }

    /** Checks the widths and counts, and copies the list. */
    public HevcDecoderConfigurationRecord {
        if (configurationVersion >>> 8 != 0 || generalProfileSpace >>> 2 != 0 || generalProfileIdc >>> 5 != 0
                || generalConstraintIndicatorFlags >>> 48 != 0 || generalLevelIdc >>> 8 != 0
                || minSpatialSegmentationIdc >>> 12 != 0 || parallelismType >>> 2 != 0 || chromaFormatIdc >>> 2 != 0
                || bitDepthLumaMinus8 >>> 3 != 0 || bitDepthChromaMinus8 >>> 3 != 0 || avgFrameRate >>> 16 != 0
                || constantFrameRate >>> 2 != 0 || numTemporalLayers >>> 3 != 0 || lengthSizeMinusOne >>> 2 != 0
                || lengthSizeMinusOne == 2) {
            throw new IllegalArgumentException("hvcC fields out of range");
        }
        arrays = List.copyOf(Objects.requireNonNull(arrays, "arrays"));
        if (arrays.size() > 0xFF) {
            throw new IllegalArgumentException(arrays.size() + " arrays, at most 255");
        }
    }

    /** Bytes per NALUnitLength in the samples: lengthSizeMinusOne + 1 (1, 2 or 4). */
    public int nalUnitLengthSize() {
        return lengthSizeMinusOne + 1;
    }

    /** The NAL units of every array whose NAL_unit_type is {@code nalUnitType}, in order. */
    public List<ByteBuffer> nalUnits(int nalUnitType) {
        List<ByteBuffer> out = new ArrayList<>();
        for (NalUnitArray a : arrays) {
            if (a.nalUnitType() == nalUnitType) {
                out.addAll(a.nalUnits());
            }
        }
        return out;
    }

    /**
     * The RFC 6381 codecs parameter for this configuration (ISO/IEC 14496-15 Annex E.3), e.g.
     * {@code "hvc1.1.6.L93.B0"}; see {@link HevcCodecString#of}.
     *
     * @param sampleEntry {@code "hvc1"} or {@code "hev1"} (see {@link Hvcc} for the difference)
     */
    public String codecString(String sampleEntry) {
        return HevcCodecString.of(sampleEntry, generalProfileSpace, generalTierFlag, generalProfileIdc,
                generalProfileCompatibilityFlags, generalConstraintIndicatorFlags, generalLevelIdc);
    }

    /**
     * Parses the record at {@code in}'s position, up to its limit; moves the position just past the
     * last array on success (unchanged on failure). Offsets in errors count from the position.
     *
     * @implNote Lenient where writers in the wild differ from the standard: configurationVersion 0
     *     is accepted as 1 (ffmpeg's decoder does the same: encoders written before the 2014 edition
     *     wrote 0); reserved bits are not checked (they are written back as the standard says);
     *     bytes after the last array are left unread (the position stops after the arrays), as
     *     ffmpeg's reader leaves them. Everything that sizes a read is checked: lengthSizeMinusOne 2
     *     and any count or length running past the limit are refused, before anything is allocated
     *     for it. A buffer starting {@code 00 00 01} or {@code 00 00 00 01} is Annex B, not a record,
     *     and is refused.
     * @throws H265Exception if configurationVersion is neither 0 nor 1, lengthSizeMinusOne is 2, or the
     *     buffer holds Annex B
     * @throws TruncatedInputException if the header, a count, a length or a NAL unit runs past the
     *     limit (module {@code "h265"}, field {@code "hvcC <element>"})
     */
    public static HevcDecoderConfigurationRecord parse(ByteBuffer in) {
        int p = in.position();
        int end = in.limit();
        if (end - p >= 3 && in.get(p) == 0 && in.get(p + 1) == 0
                && (in.get(p + 2) == 1 || (in.get(p + 2) == 0 && end - p >= 4 && in.get(p + 3) == 1))) {
            throw new H265Exception("hvcC configurationVersion", "0 followed by a start code: Annex B, not a record", 0, SPEC);
        }
        if (end - p < HEADER_SIZE) {
            throw new TruncatedInputException(H265Exception.MODULE, "hvcC", "needs " + HEADER_SIZE + " bytes before its arrays, "
                    + (end - p) + " remain", 0, SPEC);
        }
        int version = in.get(p) & 0xFF;
        if (version > 1) {
            throw new H265Exception("hvcC configurationVersion", version + " is not supported (expected: 1)", 0, SPEC);
        }
        int b1 = in.get(p + 1) & 0xFF;
        int compat = 0;
        for (int i = 2; i < 6; i++) {
            compat = compat << 8 | (in.get(p + i) & 0xFF);
        }
        long constraints = 0;
        for (int i = 6; i < 12; i++) {
            constraints = constraints << 8 | (in.get(p + i) & 0xFF);
        }
        int level = in.get(p + 12) & 0xFF;
        int minSpatial = ((in.get(p + 13) & 0x0F) << 8) | (in.get(p + 14) & 0xFF);
        int parallelism = in.get(p + 15) & 3;
        int chroma = in.get(p + 16) & 3;
        int luma = in.get(p + 17) & 7;
        int chromaDepth = in.get(p + 18) & 7;
        int avgFrameRate = (in.get(p + 19) & 0xFF) << 8 | (in.get(p + 20) & 0xFF);
        int b21 = in.get(p + 21) & 0xFF;
        int lengthSizeMinusOne = b21 & 3;
        if (lengthSizeMinusOne == 2) {
            throw new H265Exception("hvcC lengthSizeMinusOne", "2 is not allowed (expected: 0, 1 or 3)", 21, SPEC);
        }
        int numOfArrays = in.get(p + 22) & 0xFF;
        int q = p + HEADER_SIZE;
        List<NalUnitArray> arrays = new ArrayList<>(Math.min(numOfArrays, 8));
        for (int j = 0; j < numOfArrays; j++) {
            requireBytes(end, q, 3, "NAL_unit_type", p);
            int typeByte = in.get(q) & 0xFF;
            int numNalus = (in.get(q + 1) & 0xFF) << 8 | (in.get(q + 2) & 0xFF);
            q += 3;
            List<ByteBuffer> nals = new ArrayList<>(Math.min(numNalus, 8));
            for (int i = 0; i < numNalus; i++) {
                requireBytes(end, q, 2, "nalUnitLength", p);
                int length = (in.get(q) & 0xFF) << 8 | (in.get(q + 1) & 0xFF);
                if (length > end - q - 2) {
                    throw new TruncatedInputException(H265Exception.MODULE, "hvcC nalUnitLength", length
                            + " runs past the end of the record (" + (end - q - 2) + " bytes remain)", q - p, SPEC);
                }
                nals.add(in.slice(q + 2, length));
                q += 2 + length;
            }
            arrays.add(new NalUnitArray((typeByte & 0x80) != 0, typeByte & 0x3F, nals));
        }
        HevcDecoderConfigurationRecord record = new HevcDecoderConfigurationRecord(version, b1 >>> 6, (b1 & 0x20) != 0,
                b1 & 0x1F, compat, constraints, level, minSpatial, parallelism, chroma, luma, chromaDepth, avgFrameRate,
                b21 >>> 6, b21 >>> 3 & 7, (b21 & 4) != 0, lengthSizeMinusOne, arrays);
        in.position(q);
        return record;
    }

    private static void requireBytes(int end, int q, int n, String field, int start) {
        if (end - q < n) {
            throw new TruncatedInputException(H265Exception.MODULE, "hvcC " + field,
                    "needs " + n + " bytes, " + (end - q) + " remain: the array count runs past the record", q - start, SPEC);
        }
    }

    /** Bytes {@link #writeTo} writes. */
    public int encodedSize() {
        int size = HEADER_SIZE;
        for (NalUnitArray a : arrays) {
            size += 3;
            for (ByteBuffer b : a.nalUnits()) {
                size += 2 + b.remaining();
            }
        }
        return size;
    }

    /**
     * Writes the record at {@code out}'s position and moves it past the record.
     *
     * @throws java.nio.BufferOverflowException if fewer than {@link #encodedSize()} bytes remain
     */
    public void writeTo(ByteBuffer out) {
        if (out.remaining() < encodedSize()) {
            throw new java.nio.BufferOverflowException();
        }
        out.put((byte) configurationVersion)
                .put((byte) (generalProfileSpace << 6 | (generalTierFlag ? 0x20 : 0) | generalProfileIdc));
        for (int s = 24; s >= 0; s -= 8) {
            out.put((byte) (generalProfileCompatibilityFlags >>> s));
        }
        for (int s = 40; s >= 0; s -= 8) {
            out.put((byte) (generalConstraintIndicatorFlags >>> s));
        }
        out.put((byte) generalLevelIdc)
                .put((byte) (0xF0 | minSpatialSegmentationIdc >>> 8)).put((byte) minSpatialSegmentationIdc)
                .put((byte) (0xFC | parallelismType)).put((byte) (0xFC | chromaFormatIdc))
                .put((byte) (0xF8 | bitDepthLumaMinus8)).put((byte) (0xF8 | bitDepthChromaMinus8))
                .put((byte) (avgFrameRate >>> 8)).put((byte) avgFrameRate)
                .put((byte) (constantFrameRate << 6 | numTemporalLayers << 3 | (temporalIdNested ? 4 : 0) | lengthSizeMinusOne))
                .put((byte) arrays.size());
        for (NalUnitArray a : arrays) {
            out.put((byte) ((a.arrayCompleteness() ? 0x80 : 0) | a.nalUnitType()))
                    .put((byte) (a.nalUnits().size() >>> 8)).put((byte) a.nalUnits().size());
            for (ByteBuffer nal : a.nalUnits()) {
                out.put((byte) (nal.remaining() >>> 8)).put((byte) nal.remaining()).put(nal.duplicate());
            }
        }
    }

    /** The record as a new array. */
    public byte[] toByteArray() {
        ByteBuffer out = ByteBuffer.allocate(encodedSize());
        writeTo(out);
        return out.array();
    }
}
