package io.streamwire.h265;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.StreamwireException;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.core.UnsupportedFeatureException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The SPS: an independent writer's bytes, every bound the parser checks, truncation and trailing bits. */
class HevcSpsTest {

    @Test
    void independentlyWrittenSpsParsesAndWritesTheSameBytes() {
        byte[] nal = new SpsBits().nal();
        HevcSps sps = HevcSps.parse(ByteBuffer.wrap(nal));
        assertThat(sps.picWidthInLumaSamples()).isEqualTo(320);
        assertThat(sps.picHeightInLumaSamples()).isEqualTo(240);
        assertThat(sps.profileName()).isEqualTo("Main");
        assertThat(sps.levelIdc()).isEqualTo(60);
        assertThat(sps.log2MaxPicOrderCntLsb()).isEqualTo(8);
        assertThat(sps.ctbLog2SizeY()).isEqualTo(6);
        assertThat(sps.picSizeInCtbsY()).isEqualTo(5 * 4);
        assertThat(sps.stRefPicSets()).hasSize(1);
        assertThat(sps.stRefPicSets().get(0).deltaPocS0()).containsExactly(-1);
        assertThat(sps.toNal()).isEqualTo(nal);
        // a conformance window in chroma units: 4:2:0 crops 2 columns and 2 rows per unit
        HevcSps cropped = HevcSps.parse(ByteBuffer.wrap(new SpsBits().set("conformance_window_flag", 1).nal()));
        assertThat(cropped.widthPixels()).isEqualTo(318);
        assertThat(cropped.heightPixels()).isEqualTo(238);
        HevcSps yuv444 = HevcSps.parse(ByteBuffer.wrap(new SpsBits().set("chroma_format_idc", 3).set("conformance_window_flag", 1).nal()));
        assertThat(yuv444.widthPixels()).isEqualTo(319);
        assertThat(yuv444.pixelFormat()).isEqualTo("yuv444p");
    }

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                Arguments.of("sps_max_sub_layers_minus1", 7L, "sps sps_max_sub_layers_minus1", "7 out of range (expected: 0..6)"),
                Arguments.of("sps_seq_parameter_set_id", 16L, "sps sps_seq_parameter_set_id", "16 out of range (expected: 0..15)"),
                Arguments.of("chroma_format_idc", 4L, "sps chroma_format_idc", "4 out of range (expected: 0..3)"),
                Arguments.of("pic_width_in_luma_samples", 0L, "sps pic_width_in_luma_samples", "is 0"),
                Arguments.of("pic_width_in_luma_samples", 16_896L, "sps pic_width_in_luma_samples", "16896 out of range (expected: 0..16888)"),
                Arguments.of("pic_height_in_luma_samples", 244L, "sps log2_min_luma_coding_block_size_minus3",
                        "does not divide the picture size 320x244"),
                Arguments.of("conf_win_right_offset", 160L, "sps conf_win_right_offset", "leaves no column"),
                Arguments.of("bit_depth_luma_minus8", 9L, "sps bit_depth_luma_minus8", "9 out of range (expected: 0..8)"),
                Arguments.of("bit_depth_chroma_minus8", 9L, "sps bit_depth_chroma_minus8", "9 out of range (expected: 0..8)"),
                Arguments.of("log2_max_pic_order_cnt_lsb_minus4", 13L, "sps log2_max_pic_order_cnt_lsb_minus4", "13 out of range (expected: 0..12)"),
                Arguments.of("sps_max_dec_pic_buffering_minus1", 16L, "sps sps_max_dec_pic_buffering_minus1", "16 out of range (expected: 0..15)"),
                Arguments.of("sps_max_num_reorder_pics", 5L, "sps sps_max_num_reorder_pics", "5 out of range (expected: 0..4)"),
                Arguments.of("log2_min_luma_coding_block_size_minus3", 4L, "sps log2_min_luma_coding_block_size_minus3", "4 out of range (expected: 0..3)"),
                Arguments.of("log2_diff_max_min_luma_coding_block_size", 4L, "sps log2_diff_max_min_luma_coding_block_size", "4 out of range (expected: 0..3)"),
                Arguments.of("log2_min_luma_transform_block_size_minus2", 1L, "sps log2_min_luma_transform_block_size_minus2", "1 out of range (expected: 0..0)"),
                Arguments.of("log2_diff_max_min_luma_transform_block_size", 4L, "sps log2_diff_max_min_luma_transform_block_size", "4 out of range (expected: 0..3)"),
                Arguments.of("max_transform_hierarchy_depth_intra", 5L, "sps max_transform_hierarchy_depth_intra", "5 out of range (expected: 0..4)"),
                Arguments.of("num_short_term_ref_pic_sets", 65L, "sps num_short_term_ref_pic_sets", "65 out of range (expected: 0..64)"),
                Arguments.of("num_negative_pics", 5L, "sps num_negative_pics", "5 out of range (expected: 0..4)"),
                Arguments.of("delta_poc_s0_minus1", 32_768L, "sps delta_poc_s0_minus1", "32768 out of range (expected: 0..32767)"),
                Arguments.of("num_long_term_ref_pics_sps", 33L, "sps num_long_term_ref_pics_sps", "33 out of range (expected: 0..32)"));
    }

    @ParameterizedTest
    @MethodSource("outOfRange")
    void eachBoundIsCheckedAndNamed(String field, long value, String expectedField, String problem) {
        SpsBits bits = new SpsBits().set(field, value);
        if (field.startsWith("conf_win")) {
            bits.set("conformance_window_flag", 1);
        }
        if (field.equals("num_long_term_ref_pics_sps")) {
            bits.set("long_term_ref_pics_present_flag", 1);
        }
        byte[] nal = bits.nal();
        ByteBuffer in = ByteBuffer.wrap(nal);
        assertThatThrownBy(() -> HevcSps.parse(in, 1000)).isInstanceOfSatisfying(H265Exception.class, e -> {
            assertThat(e.module()).isEqualTo("h265");
            assertThat(e.field()).isEqualTo(expectedField);
            assertThat(e.getMessage()).contains(problem).contains("ITU-T H.265 (09/2023) §7.3.2.2.1");
            assertThat(e.offset()).isBetween(1002L, 1000L + nal.length);
        });
        assertThat(in.position()).isZero();
    }

    @Test
    void countsAreRefusedBeforeTheirLoops() {
        // 65 sets announced, none coded: the count is refused, not the missing set
        byte[] sets = new SpsBits().set("num_short_term_ref_pic_sets", 65).cutAfter("num_short_term_ref_pic_sets").nal();
        assertThatThrownBy(() -> HevcSps.parse(ByteBuffer.wrap(sets))).isInstanceOf(H265Exception.class)
                .hasMessageContaining("num_short_term_ref_pic_sets 65 out of range");
        byte[] lts = new SpsBits().set("long_term_ref_pics_present_flag", 1).set("num_long_term_ref_pics_sps", 1_000_000)
                .cutAfter("num_long_term_ref_pics_sps").nal();
        assertThatThrownBy(() -> HevcSps.parse(ByteBuffer.wrap(lts))).isInstanceOf(H265Exception.class)
                .hasMessageContaining("num_long_term_ref_pics_sps 1000000 out of range (expected: 0..32)");
        // the bounds themselves parse
        HevcSps most = HevcSps.parse(ByteBuffer.wrap(new SpsBits().set("num_short_term_ref_pic_sets", 64)
                .set("long_term_ref_pics_present_flag", 1).set("num_long_term_ref_pics_sps", 32).nal()));
        assertThat(most.numShortTermRefPicSets()).isEqualTo(64);
        assertThat(most.numLongTermRefPicsSps()).isEqualTo(32);
    }

    @Test
    void trailingBitsAndTypeAreChecked() {
        byte[] rbsp = new SpsBits().rbsp();
        // stop bit 0: the last byte 0x80 (or the bit in it) cleared
        byte[] noStop = java.util.Arrays.copyOf(rbsp, rbsp.length);
        noStop[noStop.length - 1] = 0;
        assertThatThrownBy(() -> HevcSps.parse(ByteBuffer.wrap(withHeader(noStop)))).isInstanceOfSatisfying(StreamwireException.class,
                FixtureNals::requireH265);
        // a byte after the trailing bits
        byte[] extra = java.util.Arrays.copyOf(rbsp, rbsp.length + 1);
        extra[extra.length - 1] = 0x40;
        assertThatThrownBy(() -> HevcSps.parse(ByteBuffer.wrap(withHeader(extra)))).isInstanceOf(H265Exception.class)
                .hasMessageContaining("sps rbsp_");
        // a PPS header
        byte[] pps = withHeader(rbsp);
        pps[0] = 0x44;
        assertThatThrownBy(() -> HevcSps.parse(ByteBuffer.wrap(pps))).isInstanceOf(H265Exception.class)
                .hasMessageContaining("sps nal_unit_type 34 is not 33");
        byte[] forbidden = withHeader(rbsp);
        forbidden[0] |= (byte) 0x80;
        assertThatThrownBy(() -> HevcSps.parse(ByteBuffer.wrap(forbidden))).hasMessageContaining("sps forbidden_zero_bit is 1");
        byte[] tid0 = withHeader(rbsp);
        tid0[1] = 0;
        assertThatThrownBy(() -> HevcSps.parse(ByteBuffer.wrap(tid0))).hasMessageContaining("sps nuh_temporal_id_plus1 is 0");
    }

    private static byte[] withHeader(byte[] rbsp) {
        byte[] nal = new byte[rbsp.length + 2];
        nal[0] = 0x42;
        nal[1] = 0x01;
        System.arraycopy(rbsp, 0, nal, 2, rbsp.length);
        return nal; // the test writer's RBSPs hold no 00 00 0x sequences that need escaping here
    }

    @Test
    void multiLayerExtensionSpsIsUnsupported() {
        byte[] nal = new SpsBits().set("sps_max_sub_layers_minus1", 7).set("nal_header", 0x4209).nal(); // nuh_layer_id 1
        assertThatThrownBy(() -> HevcSps.parse(ByteBuffer.wrap(nal), 50)).isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
            assertThat(e.module()).isEqualTo("h265");
            assertThat(e.field()).isEqualTo("sps sps_ext_or_max_sub_layers_minus1");
        });
    }

    @Test
    void everyTruncationOfEveryFixtureSpsRaisesTheModulesException() {
        for (String name : FixtureNals.FIXTURES) {
            ByteBuffer nal = FixtureNals.ofType(name, 33).get(0);
            for (int n = 0; n < nal.remaining() - 1; n++) {
                ByteBuffer cut = nal.slice(nal.position(), n);
                try {
                    HevcSps.parse(cut);
                    assertThat(n).as(name + " cut at " + n).isGreaterThanOrEqualTo(nal.remaining() - 1);
                } catch (StreamwireException expected) {
                    FixtureNals.requireH265(expected);
                    assertThat(cut.position()).isZero();
                    if (n > 2) {
                        assertThat(expected).isInstanceOfAny(TruncatedInputException.class, H265Exception.class);
                        assertThat(expected.offset()).isBetween(0L, (long) n);
                    }
                }
            }
        }
    }

    @Test
    void namesFollowFfmpeg() {
        assertThat(SpsNames.pixelFormat(0, 8, 8, true, 2)).isEqualTo("gray");
        assertThat(SpsNames.pixelFormat(0, 10, 8, false, 2)).isEqualTo("gray10le");
        assertThat(SpsNames.pixelFormat(1, 8, 8, true, 2)).isEqualTo("yuvj420p");
        assertThat(SpsNames.pixelFormat(1, 10, 10, true, 2)).isEqualTo("yuv420p10le");
        assertThat(SpsNames.pixelFormat(2, 8, 8, true, 2)).isEqualTo("yuv422p");
        assertThat(SpsNames.pixelFormat(3, 8, 8, false, 0)).isEqualTo("gbrp");
        assertThat(SpsNames.pixelFormat(3, 12, 12, false, 0)).isEqualTo("gbrp12le");
        assertThat(SpsNames.pixelFormat(1, 10, 8, false, 2)).isNull();
        assertThat(SpsNames.pixelFormat(1, 11, 11, false, 2)).isNull();
        assertThat(SpsNames.primaries(9)).isEqualTo("bt2020");
        assertThat(SpsNames.transfer(16)).isEqualTo("smpte2084");
        assertThat(SpsNames.matrix(9)).isEqualTo("bt2020nc");
        assertThat(SpsNames.primaries(200)).isEqualTo("unknown");
    }

    /**
     * Sanity check of the parse speed (the JMH benchmark measures it properly): a fixture SPS parsed
     * 300,000 times after warm-up; prints ns per parse.
     */
    @Test
    void parseSpeedSanityCheck() {
        ByteBuffer nal = FixtureNals.ofType("main", 33).get(0);
        long best = Long.MAX_VALUE;
        int sink = 0;
        for (int round = 0; round < 6; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 300_000; i++) {
                sink += HevcSps.parse(nal.duplicate()).picWidthInLumaSamples();
            }
            best = Math.min(best, (System.nanoTime() - t0) / 300_000);
        }
        System.out.println("HevcSps.parse: " + best + " ns per SPS (" + nal.remaining() + " bytes), best of 6 rounds");
        assertThat(sink).isPositive();
        assertThat(best).isLessThan(20_000L); // a sanity bound only: the figure is printed
    }

    @Test
    void profileNamesFollowFfprobe() {
        assertThat(ptl(1, 0x60000000).profileName()).isEqualTo("Main");
        assertThat(ptl(2, 0x20000000).profileName()).isEqualTo("Main 10");
        assertThat(ptl(3, 0x10000000).profileName()).isEqualTo("Main Still Picture");
        assertThat(ptl(4, 0x08000000).profileName()).isEqualTo("Rext");
        assertThat(ptl(9, 0).profileName()).isEqualTo("9");
        // general_profile_idc 0: ffmpeg takes the first compatibility flag j >= 1
        assertThat(ptl(0, 0x20000000).profileName()).isEqualTo("Main 10");
    }

    private static ProfileTierLevel ptl(int idc, int compat) {
        return new ProfileTierLevel(true, 0, false, idc, compat, 0, 93, List.of(), 0);
    }
}
