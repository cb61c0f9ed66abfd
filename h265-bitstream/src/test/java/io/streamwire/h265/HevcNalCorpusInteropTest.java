package io.streamwire.h265;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.Corpus;
import io.streamwire.testkit.ExternalTools;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The NAL unit layer on other projects' HEVC test data (the peer corpus, read in place; interop
 * profile only): wader/fq's decoder configuration record regression, mp4ff's NAL list of
 * {@code hevc.265}, ChromeOS cros-codecs' streams with their decoded-frame MD5 lists, and Scuffle's
 * Enhanced FLV HEVC sequence header.
 */
@Tag("interop")
class HevcNalCorpusInteropTest {

    private static String field(String fqtest, String name) {
        Matcher m = Pattern.compile("\\|\\s+" + name + ": (\\S+)").matcher(fqtest);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }

    /** fq's field-by-field decode of its hvcC regression input: the same fields, and the bytes round-trip. */
    @Test
    void fqDecoderConfigurationRecord() throws IOException {
        byte[] bytes = Files.readAllBytes(Corpus.resolve("wader-fq/format/mpeg/testdata/hevc_dcr_regression0"));
        String fq = Files.readString(Corpus.resolve("wader-fq/format/mpeg/testdata/hevc_dcr_regression0.fqtest"));
        HevcDecoderConfigurationRecord r = HevcDecoderConfigurationRecord.parse(ByteBuffer.wrap(bytes));
        assertThat(r.configurationVersion()).isEqualTo(Integer.parseInt(field(fq, "configuration_version")));
        assertThat(r.generalProfileIdc()).isEqualTo(Integer.parseInt(field(fq, "general_profile_idc")));
        assertThat(r.generalProfileCompatibilityFlags()).isEqualTo((int) Long.parseLong(field(fq, "general_profile_compatibility_flags")));
        assertThat(r.generalConstraintIndicatorFlags()).isEqualTo(Long.parseLong(field(fq, "general_constraint_indicator_flags")));
        assertThat(r.generalLevelIdc()).isEqualTo(Integer.parseInt(field(fq, "general_level_idc")));
        assertThat(r.chromaFormatIdc()).isEqualTo(Integer.parseInt(field(fq, "chroma_format_idc")));
        assertThat(r.bitDepthLumaMinus8() + 8).isEqualTo(Integer.parseInt(field(fq, "bit_depth_luma")));
        assertThat(r.numTemporalLayers()).isEqualTo(Integer.parseInt(field(fq, "num_temporal_layers")));
        assertThat(r.temporalIdNested()).isEqualTo(Boolean.parseBoolean(field(fq, "temporal_id_nested").replace("1", "true").replace("0", "false")));
        assertThat(r.nalUnitLengthSize()).isEqualTo(Integer.parseInt(field(fq, "length_size")));
        assertThat(r.arrays()).hasSize(Integer.parseInt(field(fq, "num_of_arrays")));
        assertThat(r.toByteArray()).isEqualTo(bytes);
    }

    /** mp4ff's NAL unit list of {@code hevc.265}: the same types and sizes in the same order. */
    @Test
    void mp4ffNalList() throws IOException {
        byte[] stream = Files.readAllBytes(Corpus.resolve("eyevinn-mp4ff/cmd/mp4ff-nallister/testdata/hevc.265"));
        String golden = Files.readAllLines(Corpus.resolve("eyevinn-mp4ff/cmd/mp4ff-nallister/testdata/golden_hevc_265.txt")).get(0);
        List<String> expected = new ArrayList<>();
        Matcher m = Pattern.compile("_(\\d+) \\((\\d+)B\\)").matcher(golden.substring(golden.indexOf(':')));
        while (m.find()) {
            expected.add(m.group(1) + "/" + m.group(2));
        }
        List<String> got = new ArrayList<>();
        for (ByteBuffer nal : HevcAnnexB.split(ByteBuffer.wrap(stream))) {
            got.add(HevcNalUnitHeader.parse(nal.duplicate()).nalUnitType() + "/" + nal.remaining());
        }
        assertThat(got).isEqualTo(expected).hasSizeGreaterThan(50);
        assertThat(HevcAccessUnit.split(ByteBuffer.wrap(stream))).hasSize((int) expected.stream().filter(s -> !s.startsWith("3")).count());
    }

    /**
     * cros-codecs' streams: one access unit per decoded frame of their MD5 list (every picture is
     * decodable: each stream starts with an IRAP picture), and ffprobe's packets agree.
     */
    @ParameterizedTest
    @ValueSource(strings = {"64x64-I", "64x64-I-P", "64x64-I-P-B-P", "bear", "bbb", "test-25fps"})
    void crosCodecsFrameCounts(String name) throws IOException {
        Path file = Corpus.resolve("chromeos-cros-codecs/src/codec/h265/test_data/" + name + ".h265");
        long frames = Files.readAllLines(Corpus.resolve("chromeos-cros-codecs/src/codec/h265/test_data/" + name + ".h265.md5"))
                .stream().filter(l -> !l.isBlank()).count();
        List<HevcAccessUnit> aus = HevcAccessUnit.split(ByteBuffer.wrap(Files.readAllBytes(file)));
        assertThat(aus).hasSize((int) frames).allMatch(HevcAccessUnit::decodable);
        assertThat(aus.get(0).keyframe()).isTrue();
        Path ffprobe = ExternalTools.require("ffprobe", "ffmpeg");
        List<String> cmd = List.of(ffprobe.toString(), "-v", "error", "-show_entries", "packet=flags", "-of", "csv=p=0", file.toString());
        List<String> packets = ExternalTools.run(120, cmd).requireSuccess(cmd).stdout().lines().toList();
        assertThat(aus.stream().map(a -> a.keyframe() ? "K" : "_").toList())
                .isEqualTo(packets.stream().map(p -> p.contains("K") ? "K" : "_").toList());
    }

    /** Scuffle's Enhanced FLV (OBS): the hvcC of its HEVC sequence start parses and round-trips. */
    @Test
    void enhancedFlvSequenceHeader() throws IOException {
        byte[] flv = Files.readAllBytes(Corpus.resolve("scufflecloud-scuffle/assets/hevc_aac.flv"));
        int p = 9 + 4; // FLV header, PreviousTagSize0
        byte[] hvcC = null;
        while (p + 11 <= flv.length && hvcC == null) {
            int type = flv[p] & 0x1F;
            int size = (flv[p + 1] & 0xFF) << 16 | (flv[p + 2] & 0xFF) << 8 | (flv[p + 3] & 0xFF);
            int body = p + 11;
            // Enhanced RTMP v1: IsExHeader, PacketType 0 (SequenceStart), FourCC hvc1, then the record
            if (type == 9 && (flv[body] & 0x80) != 0 && (flv[body] & 0x0F) == 0
                    && new String(flv, body + 1, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("hvc1")) {
                hvcC = java.util.Arrays.copyOfRange(flv, body + 5, body + size);
            }
            p += 11 + size + 4;
        }
        assertThat(hvcC).isNotNull();
        ByteBuffer in = ByteBuffer.wrap(hvcC);
        HevcDecoderConfigurationRecord r = HevcDecoderConfigurationRecord.parse(in);
        assertThat(java.util.Arrays.copyOf(hvcC, in.position())).isEqualTo(r.toByteArray());
        assertThat(r.nalUnits(NalUnitType.SPS_NUT)).hasSize(1);
        assertThat(r.codecString("hvc1")).startsWith("hvc1.1.6.L");
    }
}
