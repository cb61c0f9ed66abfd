package io.streamwire.h265;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Live checks against the installed ffprobe and ffmpeg (interop profile only): ffprobe's stream fields
 * for every fixture, and ffmpeg's trace_headers bitstream filter (its own syntax element by element
 * reading of every VPS, SPS, PPS and slice segment header) against the parsed records.
 */
@Tag("interop")
class ParameterSetsFfmpegInteropTest {
    private static final Pattern TRACE = Pattern.compile("\\[trace_headers @ [^]]+\\] (\\d+)\\s+(\\S+)\\s+[01]+ = (-?\\d+)");
    private static final Pattern UNIT = Pattern.compile("\\[trace_headers @ [^]]+\\] ([A-Z][A-Za-z ]+)$");

    static String[] fixtures() {
        return FixtureNals.FIXTURES;
    }

    /** One unit of ffmpeg's trace: its heading and the elements in order (name to value, first of each name). */
    record Unit(String heading, Map<String, Long> elements, List<Long> all) {}

    static List<Unit> trace(Path file) {
        Path ffmpeg = ExternalTools.require("ffmpeg", "ffmpeg");
        List<String> cmd = List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-loglevel", "trace", "-i", file.toString(), "-c",
                "copy", "-bsf:v", "trace_headers", "-f", "null", "-");
        String log = ExternalTools.run(120, cmd).requireSuccess(cmd).stderr();
        List<Unit> units = new ArrayList<>();
        Unit current = null;
        for (String line : log.split("\n")) {
            Matcher m = TRACE.matcher(line);
            if (m.find() && current != null) {
                current.elements().putIfAbsent(m.group(2), Long.parseLong(m.group(3)));
                current.all().add(Long.parseLong(m.group(3)));
                continue;
            }
            Matcher u = UNIT.matcher(line.strip());
            if (u.find() && (line.contains("Parameter Set") || line.contains("Slice Segment Header"))) {
                current = new Unit(u.group(1).strip(), new LinkedHashMap<>(), new ArrayList<>());
                units.add(current);
            } else if (!m.find()) {
                current = line.contains("trace_headers") && !line.contains("   ") ? null : current;
            }
        }
        return units;
    }

    private static long b(boolean v) {
        return v ? 1 : 0;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void liveFfprobeAgrees(String name, @TempDir Path dir) {
        Path ffprobe = ExternalTools.require("ffprobe", "ffmpeg");
        Path file = Fixtures.copyTo("h265/" + name + ".h265", dir);
        List<String> cmd = List.of(ffprobe.toString(), "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=profile,level,width,height,coded_width,coded_height,pix_fmt,r_frame_rate,has_b_frames,color_range,"
                        + "color_space,color_transfer,color_primaries", "-of", "default=noprint_wrappers=1", file.toString());
        Map<String, String> probe = FixtureNals.keyValues(ExternalTools.run(120, cmd).requireSuccess(cmd).stdout().lines().toList());
        HevcSps sps = HevcSps.parse(FixtureNals.ofType(name, 33).get(0).duplicate());
        HevcSpsFixtureTest.assertMatchesFfprobe(sps, probe, name);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void traceHeadersAgree(String name, @TempDir Path dir) {
        List<Unit> units = trace(Fixtures.copyTo("h265/" + name + ".h265", dir));
        Unit vpsUnit = units.stream().filter(u -> u.heading().startsWith("Video")).findFirst().orElseThrow();
        Unit spsUnit = units.stream().filter(u -> u.heading().startsWith("Sequence")).findFirst().orElseThrow();
        Unit ppsUnit = units.stream().filter(u -> u.heading().startsWith("Picture")).findFirst().orElseThrow();
        HevcVps vps = HevcVps.parse(FixtureNals.ofType(name, 32).get(0).duplicate());
        HevcSps sps = HevcSps.parse(FixtureNals.ofType(name, 33).get(0).duplicate());
        HevcPps pps = HevcPps.parse(FixtureNals.ofType(name, 34).get(0).duplicate());
        Map<String, Long> ours = new LinkedHashMap<>();
        ours.put("vps_video_parameter_set_id", (long) vps.vpsVideoParameterSetId());
        ours.put("vps_max_sub_layers_minus1", (long) vps.vpsMaxSubLayersMinus1());
        ours.put("vps_reserved_0xffff_16bits", (long) vps.vpsReserved0xffff16bits());
        ours.put("vps_num_layer_sets_minus1", (long) vps.vpsNumLayerSetsMinus1());
        ours.put("vps_timing_info_present_flag", b(vps.vpsTimingInfoPresentFlag()));
        assertThat(vpsUnit.elements()).as(name + " VPS").containsAllEntriesOf(ours);
        ours.clear();
        ProfileTierLevel ptl = sps.profileTierLevel();
        ours.put("general_profile_space", (long) ptl.generalProfileSpace());
        ours.put("general_tier_flag", b(ptl.generalTierFlag()));
        ours.put("general_profile_idc", (long) ptl.generalProfileIdc());
        ours.put("general_progressive_source_flag", b(ptl.generalProgressiveSourceFlag()));
        ours.put("general_frame_only_constraint_flag", b(ptl.generalFrameOnlyConstraintFlag()));
        ours.put("general_level_idc", (long) ptl.generalLevelIdc());
        ours.put("sps_seq_parameter_set_id", (long) sps.spsSeqParameterSetId());
        ours.put("chroma_format_idc", (long) sps.chromaFormatIdc());
        ours.put("pic_width_in_luma_samples", (long) sps.picWidthInLumaSamples());
        ours.put("pic_height_in_luma_samples", (long) sps.picHeightInLumaSamples());
        ours.put("conformance_window_flag", b(sps.conformanceWindowFlag()));
        ours.put("bit_depth_luma_minus8", (long) sps.bitDepthLumaMinus8());
        ours.put("bit_depth_chroma_minus8", (long) sps.bitDepthChromaMinus8());
        ours.put("log2_max_pic_order_cnt_lsb_minus4", (long) sps.log2MaxPicOrderCntLsbMinus4());
        ours.put("log2_min_luma_coding_block_size_minus3", (long) sps.log2MinLumaCodingBlockSizeMinus3());
        ours.put("log2_diff_max_min_luma_coding_block_size", (long) sps.log2DiffMaxMinLumaCodingBlockSize());
        ours.put("scaling_list_enabled_flag", b(sps.scalingListEnabledFlag()));
        ours.put("num_short_term_ref_pic_sets", (long) sps.numShortTermRefPicSets());
        ours.put("long_term_ref_pics_present_flag", b(sps.longTermRefPicsPresentFlag()));
        ours.put("sps_temporal_mvp_enabled_flag", b(sps.spsTemporalMvpEnabledFlag()));
        ours.put("vui_parameters_present_flag", b(sps.vui() != null));
        ours.put("sps_extension_present_flag", b(sps.spsExtensionPresentFlag()));
        if (sps.conformanceWindowFlag()) {
            ours.put("conf_win_right_offset", (long) sps.confWinRightOffset());
            ours.put("conf_win_bottom_offset", (long) sps.confWinBottomOffset());
        }
        if (sps.vui() != null && sps.vui().vuiTimingInfoPresentFlag()) {
            ours.put("vui_num_units_in_tick", sps.vui().vuiNumUnitsInTick());
            ours.put("vui_time_scale", sps.vui().vuiTimeScale());
            ours.put("vui_hrd_parameters_present_flag", b(sps.vui().hrdParameters() != null));
        }
        assertThat(spsUnit.elements()).as(name + " SPS").containsAllEntriesOf(ours);
        ours.clear();
        ours.put("pps_pic_parameter_set_id", (long) pps.ppsPicParameterSetId());
        ours.put("num_extra_slice_header_bits", (long) pps.numExtraSliceHeaderBits());
        ours.put("init_qp_minus26", (long) pps.initQpMinus26());
        ours.put("cu_qp_delta_enabled_flag", b(pps.cuQpDeltaEnabledFlag()));
        ours.put("tiles_enabled_flag", b(pps.tilesEnabledFlag()));
        ours.put("entropy_coding_sync_enabled_flag", b(pps.entropyCodingSyncEnabledFlag()));
        ours.put("deblocking_filter_control_present_flag", b(pps.deblockingFilterControlPresentFlag()));
        ours.put("lists_modification_present_flag", b(pps.listsModificationPresentFlag()));
        ours.put("log2_parallel_merge_level_minus2", (long) pps.log2ParallelMergeLevelMinus2());
        assertThat(ppsUnit.elements()).as(name + " PPS").containsAllEntriesOf(ours);
        // slice segment headers, in order
        HevcParameterSets sets = new HevcParameterSets();
        List<SliceSegmentHeader> slices = new ArrayList<>();
        for (ByteBuffer nal : FixtureNals.split(Fixtures.bytes("h265/" + name + ".h265"))) {
            if (!sets.accept(nal) && FixtureNals.type(nal) <= 31) {
                slices.add(SliceSegmentHeader.parse(nal.duplicate(), sets));
            }
        }
        List<Unit> traced = units.stream().filter(u -> u.heading().startsWith("Slice Segment Header")).toList();
        assertThat(traced).as(name + " slices").hasSameSizeAs(slices);
        for (int i = 0; i < slices.size(); i++) {
            SliceSegmentHeader s = slices.get(i);
            Map<String, Long> t = traced.get(i).elements();
            assertThat(t.get("first_slice_segment_in_pic_flag")).isEqualTo(b(s.firstSliceSegmentInPicFlag()));
            assertThat(t.get("slice_pic_parameter_set_id")).isEqualTo((long) s.slicePicParameterSetId());
            if (s.dependentSliceSegmentFlag()) {
                continue;
            }
            assertThat(t.get("slice_type")).as(name + " slice " + i).isEqualTo((long) s.sliceType());
            if (!s.isIdr()) {
                assertThat(t.get("slice_pic_order_cnt_lsb")).as(name + " slice " + i).isEqualTo((long) s.slicePicOrderCntLsb());
                assertThat(t.get("short_term_ref_pic_set_sps_flag")).isEqualTo(b(s.shortTermRefPicSetSpsFlag()));
                if (t.containsKey("short_term_ref_pic_set_idx")) {
                    assertThat(t.get("short_term_ref_pic_set_idx")).isEqualTo((long) s.shortTermRefPicSetIdx());
                }
                if (t.containsKey("slice_temporal_mvp_enabled_flag")) {
                    assertThat(t.get("slice_temporal_mvp_enabled_flag")).isEqualTo(b(s.sliceTemporalMvpEnabledFlag()));
                }
            }
            if (!s.firstSliceSegmentInPicFlag()) {
                assertThat(t.get("slice_segment_address")).isEqualTo((long) s.sliceSegmentAddress());
            }
        }
    }
}
