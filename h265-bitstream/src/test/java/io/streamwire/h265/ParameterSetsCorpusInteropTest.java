package io.streamwire.h265;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.Corpus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HEVC streams and parameter set dumps of other projects' test suites (read from the shared
 * corpus at test time): mp4ff's VPS/SPS/PPS JSON dumps (eyevinn-mp4ff, MIT), ChromeOS cros-codecs'
 * streams with their size and frame rate (BSD-3-Clause), fq's HEVC Annex B sample (MIT). None of these
 * streams uses tiles.
 */
@Tag("interop")
class ParameterSetsCorpusInteropTest {
    private static final Pattern SECTION = Pattern.compile("^(VPS|SPS|PPS) \\d+ len \\d+B: ([0-9a-f]+)$", Pattern.MULTILINE);

    private static Map<String, String> jsonScalars(String json) {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher k = Pattern.compile("\"(\\w+)\": (true|false|-?\\d+)").matcher(json);
        while (k.find()) {
            m.putIfAbsent(k.group(1), k.group(2));
        }
        return m;
    }

    private static void same(Map<String, String> json, String key, Object ours) {
        assertThat(json).containsKey(key);
        assertThat(String.valueOf(ours)).as(key).isEqualTo(json.get(key));
    }

    /** mp4ff-pslister's dump of a VPS, SPS and PPS: every scalar we model agrees, and each writes back to its bytes. */
    @Test
    void mp4ffParameterSetDumpsAgree() throws IOException {
        String text = Files.readString(Corpus.resolve("eyevinn-mp4ff/cmd/mp4ff-pslister/testdata/golden_hevc_vps_sps_pps.txt"));
        Matcher m = SECTION.matcher(text);
        int seen = 0;
        while (m.find()) {
            int end = text.indexOf("\n}", m.end());
            Map<String, String> json = jsonScalars(text.substring(m.end(), end));
            byte[] nal = HexFormat.of().parseHex(m.group(2));
            switch (m.group(1)) {
                case "VPS": {
                    HevcVps vps = HevcVps.parse(ByteBuffer.wrap(nal));
                    assertThat(vps.toNal()).isEqualTo(nal);
                    same(json, "VpsID", vps.vpsVideoParameterSetId());
                    same(json, "MaxSubLayersMinus1", vps.vpsMaxSubLayersMinus1());
                    same(json, "GeneralProfileIDC", vps.profileTierLevel().generalProfileIdc());
                    same(json, "GeneralProfileCompatibilityFlags", vps.profileTierLevel().generalProfileCompatibilityFlags());
                    same(json, "GeneralConstraintIndicatorFlags", vps.profileTierLevel().generalConstraintIndicatorFlags());
                    same(json, "GeneralLevelIDC", vps.profileTierLevel().generalLevelIdc());
                    same(json, "NumLayerSetsMinus1", vps.vpsNumLayerSetsMinus1());
                    break;
                }
                case "SPS": {
                    HevcSps sps = HevcSps.parse(ByteBuffer.wrap(nal));
                    assertThat(sps.toNal()).isEqualTo(nal);
                    Map<String, Function<HevcSps, Object>> fields = new LinkedHashMap<>();
                    fields.put("SpsID", HevcSps::spsSeqParameterSetId);
                    fields.put("ChromaFormatIDC", HevcSps::chromaFormatIdc);
                    fields.put("PicWidthInLumaSamples", HevcSps::picWidthInLumaSamples);
                    fields.put("PicHeightInLumaSamples", HevcSps::picHeightInLumaSamples);
                    fields.put("BitDepthLumaMinus8", HevcSps::bitDepthLumaMinus8);
                    fields.put("Log2MaxPicOrderCntLsbMinus4", HevcSps::log2MaxPicOrderCntLsbMinus4);
                    fields.put("Log2MinLumaCodingBlockSizeMinus3", HevcSps::log2MinLumaCodingBlockSizeMinus3);
                    fields.put("Log2DiffMaxMinLumaCodingBlockSize", HevcSps::log2DiffMaxMinLumaCodingBlockSize);
                    fields.put("MaxTransformHierarchyDepthInter", HevcSps::maxTransformHierarchyDepthInter);
                    fields.put("SampleAdaptiveOffsetEnabledFlag", HevcSps::sampleAdaptiveOffsetEnabledFlag);
                    fields.put("NumShortTermRefPicSets", HevcSps::numShortTermRefPicSets);
                    fields.put("SpsTemporalMvpEnabledFlag", HevcSps::spsTemporalMvpEnabledFlag);
                    fields.put("StrongIntraSmoothingEnabledFlag", HevcSps::strongIntraSmoothingEnabledFlag);
                    fields.put("MaxDecPicBufferingMinus1", s -> s.maxDecPicBufferingMinus1(0));
                    fields.put("MaxNumReorderPics", s -> s.maxNumReorderPics(0));
                    fields.put("VideoFormat", s -> s.vui().videoFormat());
                    fields.put("ColourPrimaries", HevcSps::colourPrimaries);
                    fields.put("MatrixCoefficients", HevcSps::matrixCoeffs);
                    fields.put("NumUnitsInTick", s -> s.vui().vuiNumUnitsInTick());
                    fields.put("TimeScale", s -> s.vui().vuiTimeScale());
                    fields.forEach((key, f) -> same(json, key, f.apply(sps)));
                    break;
                }
                default: {
                    HevcPps pps = HevcPps.parse(ByteBuffer.wrap(nal));
                    assertThat(pps.toNal()).isEqualTo(nal);
                    same(json, "PicParameterSetID", pps.ppsPicParameterSetId());
                    same(json, "SignDataHidingEnabledFlag", pps.signDataHidingEnabledFlag());
                    same(json, "WeightedPredFlag", pps.weightedPredFlag());
                    same(json, "DiffCuQpDeltaDepth", pps.diffCuQpDeltaDepth());
                    same(json, "EntropyCodingSyncEnabledFlag", pps.entropyCodingSyncEnabledFlag());
                    same(json, "TilesEnabledFlag", pps.tilesEnabledFlag());
                    same(json, "InitQpMinus26", pps.initQpMinus26());
                    break;
                }
            }
            seen++;
        }
        assertThat(seen).isGreaterThanOrEqualTo(3);
    }

    /** Every parameter set writes back to its bytes; every slice header and SEI message parses. */
    @ParameterizedTest
    @ValueSource(strings = {"eyevinn-mp4ff/hevc/testdata/blackframe.265", "eyevinn-mp4ff/hevc/testdata/deblocking_disabled.265",
        "eyevinn-mp4ff/hevc/testdata/deblocking_offsets.265", "eyevinn-mp4ff/cmd/mp4ff-nallister/testdata/hevc.265",
        "chromeos-cros-codecs/src/codec/h265/test_data/64x64-I-P-B-P.h265", "chromeos-cros-codecs/src/codec/h265/test_data/64x64-I-P.h265",
        "chromeos-cros-codecs/src/codec/h265/test_data/64x64-I.h265", "chromeos-cros-codecs/src/codec/h265/test_data/bbb.h265",
        "chromeos-cros-codecs/src/codec/h265/test_data/bear.h265", "chromeos-cros-codecs/src/codec/h265/test_data/test-25fps.h265",
        "wader-fq/format/mpeg/testdata/hevc_annexb"})
    void everyNalUnitParses(String relative) throws IOException {
        Path file = Corpus.resolve(relative);
        HevcParameterSets sets = new HevcParameterSets();
        int pictures = 0;
        HevcSps last = null;
        for (ByteBuffer nal : FixtureNals.split(Files.readAllBytes(file))) {
            int type = FixtureNals.type(nal);
            if (type >= 32 && type <= 34) {
                byte[] bytes = FixtureNals.bytes(nal);
                byte[] written = type == 32 ? HevcVps.parse(nal.duplicate()).toNal()
                        : type == 33 ? HevcSps.parse(nal.duplicate()).toNal() : HevcPps.parse(nal.duplicate()).toNal();
                assertThat(written).as(relative + " type " + type).isEqualTo(bytes);
                sets.accept(nal);
                if (type == 33) {
                    last = HevcSps.parse(nal.duplicate());
                }
            } else if (type <= 31) {
                pictures += SliceSegmentHeader.parse(nal.duplicate(), sets).firstSliceSegmentInPicFlag() ? 1 : 0;
            } else if (type == 39 || type == 40) {
                HevcSeiMessage.parseAll(nal.duplicate());
            }
        }
        assertThat(last).isNotNull();
        Path json = Path.of(file + ".json");
        if (Files.exists(json)) {
            Map<String, String> expected = jsonScalars(Files.readString(json));
            assertThat(last.widthPixels()).isEqualTo(Integer.parseInt(expected.get("width")));
            assertThat(last.heightPixels()).isEqualTo(Integer.parseInt(expected.get("height")));
            assertThat(pictures).isEqualTo(Integer.parseInt(expected.get("num_frames")));
            assertThat(Files.readString(json)).contains("HEVCPROFILE_" + last.profileName().toUpperCase().replace(' ', '_'));
            if (last.hasFrameRate()) {
                assertThat(last.framesPerSecond()).isEqualTo(Double.parseDouble(expected.get("frame_rate")));
            }
        }
    }
}
