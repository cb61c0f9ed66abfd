package io.streamwire.h264;

import io.streamwire.core.internal.RbspWriter;

import io.streamwire.core.StreamwireException;
import io.streamwire.core.internal.BitReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Sequence parameter set: seq_parameter_set_data() of ITU-T H.264 (08/2021) §7.3.2.1.1, semantics
 * §7.4.2.1.1, with vui_parameters() (Annex E). Every field is kept, so {@link #toRbsp()} reproduces
 * the parsed RBSP bit for bit; derived values (display size after cropping, frame rate, RFC 6381
 * codec string, ffmpeg-style profile and pixel format names) are methods.
 *
 * <pre>
 * profile_idc u(8) constraint_set0..5_flag u(1)x6 reserved_zero_2bits u(2) level_idc u(8)
 * seq_parameter_set_id ue(v) 0..31
 * [high profiles: chroma_format_idc ue(v) [=3: separate_colour_plane_flag u(1)] bit_depth_luma_minus8 ue(v)
 *   bit_depth_chroma_minus8 ue(v) qpprime_y_zero_transform_bypass_flag u(1) seq_scaling_matrix_present_flag u(1)
 *   [scaling_list() x (chroma_format_idc != 3 ? 8 : 12)]]
 * log2_max_frame_num_minus4 ue(v) 0..12  pic_order_cnt_type ue(v) 0..2
 * [0: log2_max_pic_order_cnt_lsb_minus4 ue(v) 0..12]
 * [1: delta_pic_order_always_zero_flag u(1) offset_for_non_ref_pic se(v) offset_for_top_to_bottom_field se(v)
 *   num_ref_frames_in_pic_order_cnt_cycle ue(v) 0..255 offset_for_ref_frame se(v) x n]
 * max_num_ref_frames ue(v) gaps_in_frame_num_value_allowed_flag u(1)
 * pic_width_in_mbs_minus1 ue(v) pic_height_in_map_units_minus1 ue(v)
 * frame_mbs_only_flag u(1) [0: mb_adaptive_frame_field_flag u(1)] direct_8x8_inference_flag u(1)
 * frame_cropping_flag u(1) [frame_crop_left/right/top/bottom_offset ue(v) x4]
 * vui_parameters_present_flag u(1) [vui_parameters()] rbsp_trailing_bits()
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param profileIdc profile_idc, 8 bits
 * @param constraintSetFlags constraint_set0_flag..constraint_set5_flag as 6 bits, set0 the most significant
 * @param reservedZero2bits reserved_zero_2bits, 2 bits (kept as read)
 * @param levelIdc level_idc, 8 bits
 * @param seqParameterSetId seq_parameter_set_id, 0..31
 * @param chromaFormatIdc chroma_format_idc, 0..3 (1 when not coded)
 * @param separateColourPlaneFlag separate_colour_plane_flag
 * @param bitDepthLumaMinus8 bit_depth_luma_minus8, 0..6
 * @param bitDepthChromaMinus8 bit_depth_chroma_minus8, 0..6
 * @param qpprimeYZeroTransformBypassFlag qpprime_y_zero_transform_bypass_flag
 * @param seqScalingMatrix the scaling lists when seq_scaling_matrix_present_flag is 1, else null
 * @param log2MaxFrameNumMinus4 log2_max_frame_num_minus4, 0..12
 * @param picOrderCntType pic_order_cnt_type, 0..2
 * @param log2MaxPicOrderCntLsbMinus4 log2_max_pic_order_cnt_lsb_minus4, 0..12 (type 0)
 * @param deltaPicOrderAlwaysZeroFlag delta_pic_order_always_zero_flag (type 1)
 * @param offsetForNonRefPic offset_for_non_ref_pic (type 1)
 * @param offsetForTopToBottomField offset_for_top_to_bottom_field (type 1)
 * @param offsetForRefFrame offset_for_ref_frame[], num_ref_frames_in_pic_order_cnt_cycle of them, at most 255 (type 1)
 * @param maxNumRefFrames max_num_ref_frames, 0..16
 * @param gapsInFrameNumValueAllowedFlag gaps_in_frame_num_value_allowed_flag
 * @param picWidthInMbsMinus1 pic_width_in_mbs_minus1, bounded here to 0..65535
 * @param picHeightInMapUnitsMinus1 pic_height_in_map_units_minus1, bounded here to 0..65535, and the
 *     product PicSizeInMapUnits of both plus one to at most {@link #MAX_PIC_SIZE_IN_MAP_UNITS}
 * @param frameMbsOnlyFlag frame_mbs_only_flag
 * @param mbAdaptiveFrameFieldFlag mb_adaptive_frame_field_flag
 * @param direct8x8InferenceFlag direct_8x8_inference_flag
 * @param frameCroppingFlag frame_cropping_flag
 * @param frameCropLeftOffset frame_crop_left_offset
 * @param frameCropRightOffset frame_crop_right_offset
 * @param frameCropTopOffset frame_crop_top_offset
 * @param frameCropBottomOffset frame_crop_bottom_offset
 * @param vuiParameters the VUI when vui_parameters_present_flag is 1, else null
 *
 * @since 0.1.0
 */
public record Sps(int profileIdc, int constraintSetFlags, int reservedZero2bits, int levelIdc, int seqParameterSetId,
        int chromaFormatIdc, boolean separateColourPlaneFlag, int bitDepthLumaMinus8, int bitDepthChromaMinus8,
        boolean qpprimeYZeroTransformBypassFlag, ScalingMatrix seqScalingMatrix, int log2MaxFrameNumMinus4,
        int picOrderCntType, int log2MaxPicOrderCntLsbMinus4, boolean deltaPicOrderAlwaysZeroFlag,
        int offsetForNonRefPic, int offsetForTopToBottomField, List<Integer> offsetForRefFrame, int maxNumRefFrames,
        boolean gapsInFrameNumValueAllowedFlag, int picWidthInMbsMinus1, int picHeightInMapUnitsMinus1,
        boolean frameMbsOnlyFlag, boolean mbAdaptiveFrameFieldFlag, boolean direct8x8InferenceFlag,
        boolean frameCroppingFlag, int frameCropLeftOffset, int frameCropRightOffset, int frameCropTopOffset,
        int frameCropBottomOffset, VuiParameters vuiParameters) {

    static final String SPEC = "ITU-T H.264 §7.3.2.1.1";
    static final int MAX_MBS_MINUS1 = 65535;

    /**
     * The largest PicSizeInMapUnits (PicWidthInMbs × PicHeightInMapUnits) {@link #parse} accepts:
     * 2^21 = 2,097,152, e.g. 32,768 × 16,384 luma samples coded as frames. Level 6.2, the highest,
     * allows 139,264 macroblocks (MaxFS, Table A-1) and ffmpeg refuses pictures of more than about 2^28
     * luma samples (2^20 macroblocks); the bound keeps every derived size an {@code int}:
     * FrameSizeInMbs ≤ 2^22 and a frame's luma samples ≤ 2^30.
     *
     * @since 0.1.0
     */
    public static final int MAX_PIC_SIZE_IN_MAP_UNITS = 1 << 21;

    /**
     * Checks ranges (PicSizeInMapUnits included), the presence rules and that the cropping leaves a
     * picture.
     */
    public Sps {
        offsetForRefFrame = List.copyOf(offsetForRefFrame);
        int crops = frameCropLeftOffset | frameCropRightOffset | frameCropTopOffset | frameCropBottomOffset;
        // The checks are three static methods: one branch for thirty range checks on every parse.
        if (outOfRange(profileIdc, constraintSetFlags, reservedZero2bits, levelIdc, seqParameterSetId, chromaFormatIdc,
                bitDepthLumaMinus8, bitDepthChromaMinus8, log2MaxFrameNumMinus4, picOrderCntType, log2MaxPicOrderCntLsbMinus4,
                offsetForRefFrame.size(), maxNumRefFrames, picWidthInMbsMinus1, picHeightInMapUnitsMinus1, crops) != 0) {
            throw new IllegalArgumentException("SPS field out of range");
        }
        checkChromaFields(profileIdc, chromaFormatIdc, separateColourPlaneFlag, bitDepthLumaMinus8, bitDepthChromaMinus8,
                qpprimeYZeroTransformBypassFlag, seqScalingMatrix);
        if (inconsistent(chromaFormatIdc, separateColourPlaneFlag, seqScalingMatrix, picOrderCntType, log2MaxPicOrderCntLsbMinus4,
                deltaPicOrderAlwaysZeroFlag, offsetForNonRefPic, offsetForTopToBottomField, offsetForRefFrame.isEmpty(),
                frameMbsOnlyFlag, mbAdaptiveFrameFieldFlag, frameCroppingFlag, crops)) {
            throw new IllegalArgumentException("SPS fields inconsistent with their presence conditions");
        }
    }

    /**
     * Non-zero when a field is outside its range. The range checks are OR-ed into one test: every
     * parse runs them and passes, and one branch there costs less than thirty.
     */
    private static int outOfRange(int profileIdc, int constraintSetFlags, int reservedZero2bits, int levelIdc,
            int seqParameterSetId, int chromaFormatIdc, int bitDepthLumaMinus8, int bitDepthChromaMinus8,
            int log2MaxFrameNumMinus4, int picOrderCntType, int log2MaxPicOrderCntLsbMinus4, int refFrames,
            int maxNumRefFrames, int picWidthInMbsMinus1, int picHeightInMapUnitsMinus1, int cropOffsets) {
        return (profileIdc | levelIdc) >>> 8 | constraintSetFlags >>> 6 | reservedZero2bits >>> 2
                | outside(seqParameterSetId, 31) | outside(chromaFormatIdc, 3) | outside(bitDepthLumaMinus8, 6)
                | outside(bitDepthChromaMinus8, 6) | outside(log2MaxFrameNumMinus4, 12) | outside(picOrderCntType, 2)
                | outside(log2MaxPicOrderCntLsbMinus4, 12) | outside(refFrames, 255) | outside(maxNumRefFrames, 16)
                | (picWidthInMbsMinus1 | picHeightInMapUnitsMinus1) >>> 16 // both in 0..MAX_MBS_MINUS1 = 2^16 - 1
                | (int) ((MAX_PIC_SIZE_IN_MAP_UNITS - (picWidthInMbsMinus1 + 1L) * (picHeightInMapUnitsMinus1 + 1L)) >>> 63)
                | cropOffsets >>> 31;
    }

    /** Profiles that do not code chroma_format_idc and what follows it must leave those fields at their inferred values. */
    private static void checkChromaFields(int profileIdc, int chromaFormatIdc, boolean separateColourPlaneFlag, int bitDepthLumaMinus8,
            int bitDepthChromaMinus8, boolean qpprimeYZeroTransformBypassFlag, ScalingMatrix seqScalingMatrix) {
        if (!hasChromaFields(profileIdc) && (chromaFormatIdc != 1 || separateColourPlaneFlag || bitDepthLumaMinus8 != 0
                || bitDepthChromaMinus8 != 0 || qpprimeYZeroTransformBypassFlag || seqScalingMatrix != null)) {
            throw new IllegalArgumentException("profile " + profileIdc + " does not code chroma format, bit depth or scaling fields");
        }
    }

    /** True when a field is set that its presence condition says is not coded. */
    private static boolean inconsistent(int chromaFormatIdc, boolean separateColourPlaneFlag, ScalingMatrix seqScalingMatrix,
            int picOrderCntType, int log2MaxPicOrderCntLsbMinus4, boolean deltaPicOrderAlwaysZeroFlag, int offsetForNonRefPic,
            int offsetForTopToBottomField, boolean noRefFrameOffsets, boolean frameMbsOnlyFlag, boolean mbAdaptiveFrameFieldFlag,
            boolean frameCroppingFlag, int cropOffsets) {
        return (separateColourPlaneFlag && chromaFormatIdc != 3)
                || (seqScalingMatrix != null && seqScalingMatrix.lists().size() != (chromaFormatIdc != 3 ? 8 : 12))
                || (picOrderCntType != 0 && log2MaxPicOrderCntLsbMinus4 != 0)
                || (picOrderCntType != 1 && (deltaPicOrderAlwaysZeroFlag || offsetForNonRefPic != 0 || offsetForTopToBottomField != 0
                        || !noRefFrameOffsets))
                || (frameMbsOnlyFlag && mbAdaptiveFrameFieldFlag)
                || (!frameCroppingFlag && cropOffsets != 0);
    }

    /** 1 when {@code v} is outside 0..max, else 0, without a branch ({@code max} is not negative). */
    static int outside(int v, int max) {
        return (v | (max - v)) >>> 31;
    }

    /** Bit p set for the profile_idc values p that code chroma_format_idc and what follows it. */
    private static final long[] CHROMA_FIELD_PROFILES = profiles(100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135);

    private static long[] profiles(int... ids) {
        long[] m = new long[4];
        for (int id : ids) {
            m[id >>> 6] |= 1L << id;
        }
        return m;
    }

    /**
     * True for the profile_idc values that code chroma_format_idc and the following fields (a bit
     * test rather than a switch: a switch is 120 bytes of bytecode inlined into {@link #read}).
     */
    public static boolean hasChromaFields(int profileIdc) {
        return (profileIdc & ~0xFF) == 0 && (CHROMA_FIELD_PROFILES[profileIdc >>> 6] >>> profileIdc & 1) != 0;
    }

    /**
     * Parses an SPS NAL unit (header byte first, nal_unit_type 7) from {@code nal}'s position to its
     * limit; on success the position moves to the limit, on failure it is unchanged.
     *
     * @throws H264Exception naming the syntax element, for a value out of range or bad trailing bits
     * @throws io.streamwire.core.TruncatedInputException when the RBSP ends before the syntax does
     */
    public static Sps parse(ByteBuffer nal) {
        return parse(nal, 0);
    }

    /** {@link #parse(ByteBuffer)} with errors offset by {@code offset}, the stream offset of the header byte. */
    public static Sps parse(ByteBuffer nal, long offset) {
        int p = nal.position();
        if (!nal.hasRemaining() || (nal.get(p) & 0x1F) != NalUnitHeader.TYPE_SPS) {
            throw new H264Exception("sps nal_unit_type", nal.hasRemaining() ? (nal.get(p) & 0x1F) + " is not 7" : "missing", offset, SPEC);
        }
        Sps sps = read(nal, p + 1, nal.limit(), offset + 1);
        nal.position(nal.limit());
        return sps;
    }

    /**
     * Reads seq_parameter_set_data() with its vui_parameters(), and rbsp_trailing_bits(), from the
     * escaped RBSP {@code nal[from, to)} whose first byte is at stream offset {@code offset}: the
     * one place where both structures are read (HRD parameters and scaling lists are read by
     * {@link HrdParameters} and {@link ScalingMatrix}).
     *
     * @implNote The VUI is read here rather than in {@link VuiParameters}, and the reader is made
     *     here: the JIT then keeps the reader in registers through the whole parse (escape
     *     analysis), which it does only when the reader is never handed to a method that is not
     *     inlined. A separate VUI method is too big to be inlined, and the reader would then live in
     *     memory, every read waiting for the store of the one before: about 115 ns per SPS instead
     *     of 80–90 ns on the benchmark SPS (jcodec: 130–150 ns in the same JVM). For the same
     *     reason the records are built after rbsp_trailing_bits() (inlining stops once a compiled
     *     method reaches C2's size budget of 8,000 bytes of bytecode, and the reads must come
     *     first), the errors of the cropping window and of timing_info are made by small methods
     *     out of line, and {@link #hasChromaFields} is a bit test. An SPS whose HRD parameters or
     *     scaling lists are read (their readers are separate methods) is parsed with the reader in
     *     memory; the benchmark's {@code B/unit} column shows which case it measured (no reader
     *     object among the bytes allocated).
     */
    static Sps read(ByteBuffer nal, int from, int to, long offset) {
        BitReader r = Rbsp.reader(nal, from, to, offset, "sps", SPEC);
        int profile = r.u(8, "profile_idc");
        int constraints = r.u(6, "constraint_set_flags");
        int reserved = r.u(2, "reserved_zero_2bits");
        int level = r.u(8, "level_idc");
        int id = r.ue("seq_parameter_set_id", 31);
        int chroma = 1;
        boolean separate = false;
        int lumaDepth = 0;
        int chromaDepth = 0;
        boolean bypass = false;
        ScalingMatrix matrix = null;
        if (hasChromaFields(profile)) {
            chroma = r.ue("chroma_format_idc", 3);
            if (chroma == 3) {
                separate = r.flag("separate_colour_plane_flag");
            }
            lumaDepth = r.ue("bit_depth_luma_minus8", 6);
            chromaDepth = r.ue("bit_depth_chroma_minus8", 6);
            bypass = r.flag("qpprime_y_zero_transform_bypass_flag");
            if (r.flag("seq_scaling_matrix_present_flag")) {
                matrix = ScalingMatrix.read(r, chroma != 3 ? 8 : 12);
            }
        }
        int log2FrameNum = r.ue("log2_max_frame_num_minus4", 12);
        int pocType = r.ue("pic_order_cnt_type", 2);
        int log2PocLsb = 0;
        boolean alwaysZero = false;
        int nonRef = 0;
        int topToBottom = 0;
        List<Integer> refFrames = List.of();
        if (pocType == 0) {
            log2PocLsb = r.ue("log2_max_pic_order_cnt_lsb_minus4", 12);
        } else if (pocType == 1) {
            alwaysZero = r.flag("delta_pic_order_always_zero_flag");
            nonRef = r.se("offset_for_non_ref_pic");
            topToBottom = r.se("offset_for_top_to_bottom_field");
            int n = r.ue("num_ref_frames_in_pic_order_cnt_cycle", 255);
            List<Integer> offsets = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                offsets.add(r.se("offset_for_ref_frame"));
            }
            refFrames = offsets;
        }
        int maxRefFrames = r.ue("max_num_ref_frames", 16);
        boolean gaps = r.flag("gaps_in_frame_num_value_allowed_flag");
        int width = r.ue("pic_width_in_mbs_minus1", MAX_MBS_MINUS1);
        int height = r.ue("pic_height_in_map_units_minus1", MAX_MBS_MINUS1);
        if ((width | height) > 1023) { // below, PicSizeInMapUnits <= 2^20: no product to check
            checkPicSize(r, width, height);
        }
        boolean frameMbsOnly = r.flag("frame_mbs_only_flag");
        boolean mbaff = !frameMbsOnly && r.flag("mb_adaptive_frame_field_flag");
        boolean direct8x8 = r.flag("direct_8x8_inference_flag");
        boolean cropping = r.flag("frame_cropping_flag");
        int left = 0;
        int right = 0;
        int top = 0;
        int bottom = 0;
        if (cropping) {
            left = r.ue("frame_crop_left_offset");
            right = r.ue("frame_crop_right_offset");
            top = r.ue("frame_crop_top_offset");
            bottom = r.ue("frame_crop_bottom_offset");
            if (croppedColumns(separate, chroma, left, right) >= codedColumns(width)
                    || croppedRows(separate, chroma, frameMbsOnly, top, bottom) >= codedRows(height, frameMbsOnly)) {
                throw cropError(r, separate, chroma, frameMbsOnly, width, height, left, right, top, bottom);
            }
        }
        // vui_parameters() (Annex E §E.1.1), its fields in locals until the trailing bits are read
        boolean vuiPresent = r.flag("vui_parameters_present_flag");
        boolean ar = false;
        int arIdc = 0;
        int sarWidth = 0;
        int sarHeight = 0;
        boolean overscan = false;
        boolean overscanAppropriate = false;
        boolean signal = false;
        int videoFormat = 0;
        boolean fullRange = false;
        boolean colour = false;
        int primaries = 0;
        int transfer = 0;
        int coefficients = 0;
        boolean chromaLoc = false;
        int locTop = 0;
        int locBottom = 0;
        boolean timing = false;
        long unitsInTick = 0;
        long timeScale = 0;
        boolean fixedRate = false;
        HrdParameters nalHrd = null;
        HrdParameters vclHrd = null;
        boolean lowDelay = false;
        boolean picStruct = false;
        boolean restriction = false;
        boolean mvOver = false;
        int bytesDenom = 0;
        int bitsDenom = 0;
        int mvH = 0;
        int mvV = 0;
        int reorder = 0;
        int dpb = 0;
        if (vuiPresent) {
            ar = r.flag("aspect_ratio_info_present_flag");
            if (ar) {
                arIdc = r.u(8, "aspect_ratio_idc");
                if (arIdc == VuiParameters.EXTENDED_SAR) {
                    sarWidth = r.u(16, "sar_width");
                    sarHeight = r.u(16, "sar_height");
                }
            }
            overscan = r.flag("overscan_info_present_flag");
            overscanAppropriate = overscan && r.flag("overscan_appropriate_flag");
            signal = r.flag("video_signal_type_present_flag");
            if (signal) {
                videoFormat = r.u(3, "video_format");
                fullRange = r.flag("video_full_range_flag");
                colour = r.flag("colour_description_present_flag");
                if (colour) {
                    primaries = r.u(8, "colour_primaries");
                    transfer = r.u(8, "transfer_characteristics");
                    coefficients = r.u(8, "matrix_coefficients");
                }
            }
            chromaLoc = r.flag("chroma_loc_info_present_flag");
            if (chromaLoc) {
                locTop = r.ue("chroma_sample_loc_type_top_field", 5);
                locBottom = r.ue("chroma_sample_loc_type_bottom_field", 5);
            }
            timing = r.flag("timing_info_present_flag");
            if (timing) {
                unitsInTick = r.readBitsLong(32, "num_units_in_tick");
                if (unitsInTick == 0) {
                    throw zero(r, "num_units_in_tick");
                }
                timeScale = r.readBitsLong(32, "time_scale");
                if (timeScale == 0) {
                    throw zero(r, "time_scale");
                }
                fixedRate = r.flag("fixed_frame_rate_flag");
            }
            if (r.flag("nal_hrd_parameters_present_flag")) {
                nalHrd = HrdParameters.read(r);
            }
            if (r.flag("vcl_hrd_parameters_present_flag")) {
                vclHrd = HrdParameters.read(r);
            }
            lowDelay = (nalHrd != null || vclHrd != null) && r.flag("low_delay_hrd_flag");
            picStruct = r.flag("pic_struct_present_flag");
            restriction = r.flag("bitstream_restriction_flag");
            if (restriction) {
                mvOver = r.flag("motion_vectors_over_pic_boundaries_flag");
                bytesDenom = r.ue("max_bytes_per_pic_denom", 16);
                bitsDenom = r.ue("max_bits_per_mb_denom", 16);
                mvH = r.ue("log2_max_mv_length_horizontal", 16);
                mvV = r.ue("log2_max_mv_length_vertical", 16);
                reorder = r.ue("max_num_reorder_frames", 16);
                dpb = r.ue("max_dec_frame_buffering", 16);
            }
        }
        r.rbspTrailingBits();
        VuiParameters vui = !vuiPresent ? null : new VuiParameters(ar, arIdc, sarWidth, sarHeight, overscan,
                overscanAppropriate, signal, videoFormat, fullRange, colour, primaries, transfer, coefficients, chromaLoc,
                locTop, locBottom, timing, unitsInTick, timeScale, fixedRate, nalHrd, vclHrd, lowDelay, picStruct,
                restriction, mvOver, bytesDenom, bitsDenom, mvH, mvV, reorder, dpb);
        return new Sps(profile, constraints, reserved, level, id, chroma, separate, lumaDepth, chromaDepth, bypass, matrix,
                log2FrameNum, pocType, log2PocLsb, alwaysZero, nonRef, topToBottom, refFrames, maxRefFrames, gaps, width,
                height, frameMbsOnly, mbaff, direct8x8, cropping, left, right, top, bottom, vui);
    }

    /** Refuses a PicSizeInMapUnits above {@link #MAX_PIC_SIZE_IN_MAP_UNITS} (out of line: see {@link #read}). */
    private static void checkPicSize(BitReader r, int width, int height) {
        long size = (width + 1L) * (height + 1L);
        if (size > MAX_PIC_SIZE_IN_MAP_UNITS) {
            throw r.error("pic_height_in_map_units_minus1", height + " makes PicSizeInMapUnits " + (width + 1) + " x "
                    + (height + 1) + " = " + size + " (expected: at most " + MAX_PIC_SIZE_IN_MAP_UNITS + ")");
        }
    }

    /** The error for num_units_in_tick or time_scale 0 (out of line: see {@link #read}). */
    private static StreamwireException zero(BitReader r, String field) {
        return r.error(field, "is 0 (expected: > 0)");
    }

    /** The error for a cropping window that leaves no column or no row (out of line: see {@link #read}). */
    private static StreamwireException cropError(BitReader r, boolean separate, int chroma, boolean frameMbsOnly,
            int width, int height, int left, int right, int top, int bottom) {
        long columns = croppedColumns(separate, chroma, left, right);
        if (columns >= codedColumns(width)) {
            return r.error("frame_crop_right_offset", "crops " + columns + " of " + codedColumns(width) + " columns");
        }
        long rows = croppedRows(separate, chroma, frameMbsOnly, top, bottom);
        return r.error("frame_crop_bottom_offset", "crops " + rows + " of " + codedRows(height, frameMbsOnly) + " rows");
    }

    /** Writes seq_parameter_set_data() and rbsp_trailing_bits(). */
    void writeTo(RbspWriter w) {
        w.u(8, profileIdc).u(6, constraintSetFlags).u(2, reservedZero2bits).u(8, levelIdc).ue(seqParameterSetId);
        if (hasChromaFields(profileIdc)) {
            w.ue(chromaFormatIdc);
            if (chromaFormatIdc == 3) {
                w.flag(separateColourPlaneFlag);
            }
            w.ue(bitDepthLumaMinus8).ue(bitDepthChromaMinus8).flag(qpprimeYZeroTransformBypassFlag).flag(seqScalingMatrix != null);
            if (seqScalingMatrix != null) {
                seqScalingMatrix.write(w);
            }
        }
        w.ue(log2MaxFrameNumMinus4).ue(picOrderCntType);
        if (picOrderCntType == 0) {
            w.ue(log2MaxPicOrderCntLsbMinus4);
        } else if (picOrderCntType == 1) {
            w.flag(deltaPicOrderAlwaysZeroFlag).se(offsetForNonRefPic).se(offsetForTopToBottomField).ue(offsetForRefFrame.size());
            for (int o : offsetForRefFrame) {
                w.se(o);
            }
        }
        w.ue(maxNumRefFrames).flag(gapsInFrameNumValueAllowedFlag).ue(picWidthInMbsMinus1).ue(picHeightInMapUnitsMinus1)
                .flag(frameMbsOnlyFlag);
        if (!frameMbsOnlyFlag) {
            w.flag(mbAdaptiveFrameFieldFlag);
        }
        w.flag(direct8x8InferenceFlag).flag(frameCroppingFlag);
        if (frameCroppingFlag) {
            w.ue(frameCropLeftOffset).ue(frameCropRightOffset).ue(frameCropTopOffset).ue(frameCropBottomOffset);
        }
        w.flag(vuiParameters != null);
        if (vuiParameters != null) {
            vuiParameters.write(w);
        }
        w.trailingBits();
    }

    /** The RBSP (no header byte, no emulation prevention). */
    public byte[] toRbsp() {
        RbspWriter w = new RbspWriter();
        writeTo(w);
        return w.toRbsp();
    }

    /** The NAL unit: header (nal_ref_idc given, type 7) and the escaped RBSP. */
    public byte[] toNal(int nalRefIdc) {
        RbspWriter w = new RbspWriter();
        writeTo(w);
        return w.toNal(new NalUnitHeader(0, nalRefIdc, NalUnitHeader.TYPE_SPS).toByte());
    }

    /** constraint_set{i}_flag, i in 0..5. */
    public boolean constraintSetFlag(int i) {
        return (constraintSetFlags >>> (5 - i) & 1) != 0;
    }

    /** ChromaArrayType (§7.4.2.1.1): 0 with separate colour planes, else chroma_format_idc. */
    public int chromaArrayType() {
        return separateColourPlaneFlag ? 0 : chromaFormatIdc;
    }

    /** SubWidthC (Table 6-1); 1 for monochrome and 4:4:4. */
    public int subWidthC() {
        return chromaFormatIdc == 1 || chromaFormatIdc == 2 ? 2 : 1;
    }

    /** SubHeightC (Table 6-1). */
    public int subHeightC() {
        return chromaFormatIdc == 1 ? 2 : 1;
    }

    /** BitDepthY. */
    public int bitDepthLuma() {
        return 8 + bitDepthLumaMinus8;
    }

    /** BitDepthC. */
    public int bitDepthChroma() {
        return 8 + bitDepthChromaMinus8;
    }

    /** MaxFrameNum = 2^(log2_max_frame_num_minus4 + 4). */
    public int maxFrameNum() {
        return 1 << (log2MaxFrameNumMinus4 + 4);
    }

    /** Bits of pic_order_cnt_lsb in slice headers. */
    public int log2MaxPicOrderCntLsb() {
        return log2MaxPicOrderCntLsbMinus4 + 4;
    }

    /** PicWidthInMbs. */
    public int picWidthInMbs() {
        return picWidthInMbsMinus1 + 1;
    }

    /** FrameHeightInMbs = (2 - frame_mbs_only_flag) * PicHeightInMapUnits. */
    public int frameHeightInMbs() {
        return (frameMbsOnlyFlag ? 1 : 2) * (picHeightInMapUnitsMinus1 + 1);
    }

    /**
     * PicSizeInMapUnits = PicWidthInMbs × PicHeightInMapUnits, at most
     * {@link #MAX_PIC_SIZE_IN_MAP_UNITS} (checked by the parser and the constructor).
     */
    public int picSizeInMapUnits() {
        return (picWidthInMbsMinus1 + 1) * (picHeightInMapUnitsMinus1 + 1);
    }

    /**
     * FrameSizeInMbs = PicWidthInMbs × FrameHeightInMbs (§7.4.2.1.1), the macroblocks of a frame;
     * at most 2 × {@link #MAX_PIC_SIZE_IN_MAP_UNITS}.
     *
     * @since 0.1.0
     */
    public int frameSizeInMbs() {
        return picWidthInMbs() * frameHeightInMbs();
    }

    /** Decoded frame width before cropping, in luma samples. */
    public int codedWidthPixels() {
        return picWidthInMbs() * 16;
    }

    /** Decoded frame height before cropping, in luma samples. */
    public int codedHeightPixels() {
        return frameHeightInMbs() * 16;
    }

    /** CropUnitX (7-19, 7-21). */
    public int cropUnitX() {
        return cropUnitX(separateColourPlaneFlag, chromaFormatIdc);
    }

    /** CropUnitY (7-20, 7-22), counting field coding. */
    public int cropUnitY() {
        return cropUnitY(separateColourPlaneFlag, chromaFormatIdc, frameMbsOnlyFlag);
    }

    /** CropUnitX from the fields it depends on: 1 when ChromaArrayType is 0, else SubWidthC (Table 6-1). */
    static int cropUnitX(boolean separateColourPlaneFlag, int chromaFormatIdc) {
        return separateColourPlaneFlag || chromaFormatIdc == 0 || chromaFormatIdc == 3 ? 1 : 2;
    }

    /** CropUnitY from the fields it depends on: 1 or SubHeightC (Table 6-1), doubled for field coding. */
    static int cropUnitY(boolean separateColourPlaneFlag, int chromaFormatIdc, boolean frameMbsOnlyFlag) {
        return (separateColourPlaneFlag || chromaFormatIdc != 1 ? 1 : 2) * (frameMbsOnlyFlag ? 1 : 2);
    }

    /** Luma columns the cropping window takes off (frame_crop_left_offset + frame_crop_right_offset). */
    static long croppedColumns(boolean separateColourPlaneFlag, int chromaFormatIdc, int left, int right) {
        return cropUnitX(separateColourPlaneFlag, chromaFormatIdc) * ((long) left + right);
    }

    /** Luma rows the cropping window takes off (frame_crop_top_offset + frame_crop_bottom_offset). */
    static long croppedRows(boolean separateColourPlaneFlag, int chromaFormatIdc, boolean frameMbsOnlyFlag, int top, int bottom) {
        return cropUnitY(separateColourPlaneFlag, chromaFormatIdc, frameMbsOnlyFlag) * ((long) top + bottom);
    }

    /** Coded luma columns for pic_width_in_mbs_minus1. */
    static long codedColumns(int picWidthInMbsMinus1) {
        return (picWidthInMbsMinus1 + 1L) * 16;
    }

    /** Coded luma rows of a frame for pic_height_in_map_units_minus1. */
    static long codedRows(int picHeightInMapUnitsMinus1, boolean frameMbsOnlyFlag) {
        return (picHeightInMapUnitsMinus1 + 1L) * 16 * (frameMbsOnlyFlag ? 1 : 2);
    }

    /** Display width after the cropping window, in luma samples. */
    public int widthPixels() {
        return codedWidthPixels() - cropUnitX() * (frameCropLeftOffset + frameCropRightOffset);
    }

    /** Display height after the cropping window, in luma samples (a frame, both fields). */
    public int heightPixels() {
        return codedHeightPixels() - cropUnitY() * (frameCropTopOffset + frameCropBottomOffset);
    }

    /** True when the VUI carries timing info. */
    public boolean hasFrameRate() {
        return vuiParameters != null && vuiParameters.timingInfoPresentFlag();
    }

    /** Frame rate numerator, time_scale reduced against 2 x num_units_in_tick; 0 without timing info. */
    public long frameRateNumerator() {
        if (!hasFrameRate()) {
            return 0;
        }
        long num = vuiParameters.timeScale();
        long den = 2 * vuiParameters.numUnitsInTick();
        return num / gcd(num, den);
    }

    /** Frame rate denominator, 2 x num_units_in_tick reduced; 0 without timing info. */
    public long frameRateDenominator() {
        if (!hasFrameRate()) {
            return 0;
        }
        long num = vuiParameters.timeScale();
        long den = 2 * vuiParameters.numUnitsInTick();
        return den / gcd(num, den);
    }

    /** Frames per second, time_scale / (2 x num_units_in_tick) (§E.2.1: a tick is one field period); NaN without timing info. */
    public double framesPerSecond() {
        return hasFrameRate() ? vuiParameters.timeScale() / (2.0 * vuiParameters.numUnitsInTick()) : Double.NaN;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** RFC 6381 codec string, e.g. {@code avc1.64001F}: profile_idc, constraint byte, level_idc in hex. */
    public String codecString() {
        return String.format("avc1.%02X%02X%02X", profileIdc, constraintSetFlags << 2 | reservedZero2bits, levelIdc);
    }

    /** The profile name as ffmpeg/ffprobe prints it, e.g. "Constrained Baseline", "High 10". */
    public String profileName() {
        boolean intra = constraintSetFlag(3);
        switch (profileIdc) {
            case 66: return constraintSetFlag(1) ? "Constrained Baseline" : "Baseline";
            case 77: return "Main";
            case 88: return "Extended";
            case 100: return "High";
            case 110: return intra ? "High 10 Intra" : "High 10";
            case 122: return intra ? "High 4:2:2 Intra" : "High 4:2:2";
            case 244: return intra ? "High 4:4:4 Intra" : "High 4:4:4 Predictive";
            case 44: return "CAVLC 4:4:4";
            default: return "Unknown";
        }
    }

    /**
     * The pixel format as ffmpeg 5.1's H.264 decoder names it (what ffprobe prints as
     * {@code pix_fmt}): chroma sampling, bit depth and, from the VUI, the range and RGB coding, e.g.
     * {@code "yuv420p"}, {@code "yuv420p10le"}, {@code "yuvj420p"}.
     *
     * <ul>
     *   <li>4:0:0 (monochrome) is named as 4:2:0, as ffmpeg 5.1 decodes it: {@code "yuv420p"},
     *       {@code "yuvj420p"} (x264 writes full range for ffmpeg's {@code gray} input) or
     *       {@code "yuv420p10le"}, never {@code "gray"};</li>
     *   <li>8-bit 4:2:0, 4:2:2 and 4:4:4 with video_full_range_flag 1 are {@code "yuvj420p"},
     *       {@code "yuvj422p"} and {@code "yuvj444p"} (ffmpeg has full-range names for 8 bits only;
     *       deeper full-range formats keep the {@code yuv} name);</li>
     *   <li>4:4:4 with matrix_coefficients 0 (Table E-5, GBR) is {@code "gbrp"}, or
     *       {@code "gbrp10le"} and so on, whatever the range.</li>
     * </ul>
     */
    public String pixelFormat() {
        VuiParameters v = vuiParameters;
        boolean fullRange = v != null && v.videoSignalTypePresentFlag() && v.videoFullRangeFlag();
        boolean gbr = chromaFormatIdc == 3 && v != null && v.videoSignalTypePresentFlag()
                && v.colourDescriptionPresentFlag() && v.matrixCoefficients() == 0;
        int depth = bitDepthLuma();
        String base;
        switch (chromaFormatIdc) {
            case 0: // ffmpeg 5.1 outputs monochrome as 4:2:0 with neutral chroma
            case 1: base = fullRange && depth == 8 ? "yuvj420p" : "yuv420p"; break;
            case 2: base = fullRange && depth == 8 ? "yuvj422p" : "yuv422p"; break;
            default: base = gbr ? "gbrp" : fullRange && depth == 8 ? "yuvj444p" : "yuv444p"; break;
        }
        return depth == 8 ? base : base + depth + "le";
    }

    /**
     * The effective scaling list i (Table 7-2 rule A) in coded order; Flat_16 when the SPS has no
     * matrix.
     */
    public int[] effectiveScalingList(int i) {
        return seqScalingMatrix == null ? ScalingMatrix.flat(i) : seqScalingMatrix.effectiveList(i, null);
    }
}
