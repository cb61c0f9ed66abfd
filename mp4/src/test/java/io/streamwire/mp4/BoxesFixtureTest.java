package io.streamwire.mp4;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.aac.AudioSpecificConfig;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * {@link Boxes} on ffmpeg-made files: every box is read, and writing the tree gives back the file
 * byte for byte; the sample entries agree with ffprobe's view of the streams.
 */
class BoxesFixtureTest {

    @ParameterizedTest
    @FieldSource("io.streamwire.mp4.Mp4Fixtures#FILES")
    void writesBackByteForByte(String file) {
        byte[] bytes = Mp4Fixtures.bytes(file);
        List<Box> boxes = Boxes.parse(ByteBuffer.wrap(bytes));
        assertThat(Boxes.encodedSize(boxes)).isEqualTo(bytes.length);
        assertThat(Boxes.toByteArray(boxes)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @FieldSource("io.streamwire.mp4.Mp4Fixtures#FILES")
    void parsesTheWholeTreeTyped(String file) {
        List<Box> boxes = Boxes.parse(ByteBuffer.wrap(Mp4Fixtures.bytes(file)));
        List<String> raw = new ArrayList<>();
        collectRaw(boxes, raw);
        // every box of a type this module parses was parsed typed (ffmpeg 7.0's empty av1C aside)
        List<String> typed = List.of("ftyp", "styp", "mvhd", "tkhd", "mdhd", "hdlr", "vmhd", "smhd", "dref", "url ", "stsd",
                "avc1", "hvc1", "av01", "mp4a", "Opus", "avcC", "hvcC", "esds", "dOps", "colr", "pasp", "btrt", "stts", "ctts",
                "stss", "stsz", "stsc", "stco", "co64", "elst", "trex", "mfhd", "tfhd", "tfdt", "trun", "prft", "emsg");
        assertThat(raw).noneMatch(typed::contains);
        assertThat(raw.contains("av1C")).isEqualTo(file.endsWith("av1-opus-frag.mp4"));
    }

    private static void collectRaw(List<Box> boxes, List<String> raw) {
        for (Box b : boxes) {
            if (b instanceof RawBox) {
                raw.add(b.type().toString());
            }
            collectRaw(Boxes.childrenOf(b), raw);
        }
    }

    @Test
    void sampleEntriesAgreeWithFfprobe() {
        String file = "mp4/avc-aac.mp4";
        List<Box> boxes = Boxes.parse(ByteBuffer.wrap(Mp4Fixtures.bytes(file)));
        Map<Integer, Map<String, String>> streams = Mp4Fixtures.streams(file);
        ContainerBox moov = (ContainerBox) Boxes.first(boxes, BoxType.MOOV);
        List<Box> traks = moov.children(BoxType.TRAK);
        assertThat(traks).hasSize(streams.size());
        for (int i = 0; i < traks.size(); i++) {
            Map<String, String> s = streams.get(i);
            List<Box> trak = List.of(traks.get(i));
            SampleDescriptionBox stsd = (SampleDescriptionBox) Boxes.find(trak, "trak", "mdia", "minf", "stbl", "stsd");
            Box entry = stsd.entries().get(0);
            assertThat(entry.type().toString()).isEqualTo(s.get("codec_tag_string"));
            MediaHeaderBox mdhd = (MediaHeaderBox) Boxes.find(trak, "trak", "mdia", "mdhd");
            assertThat("1/" + mdhd.timescale()).isEqualTo(s.get("time_base"));
            if (entry instanceof VisualSampleEntry v) {
                assertThat(v.width()).isEqualTo(Integer.parseInt(s.get("width")));
                assertThat(v.height()).isEqualTo(Integer.parseInt(s.get("height")));
                // ffprobe's profile name and level_idc give the first and last byte of avc1.PPCCLL
                int profileIdc = Map.of("Baseline", 66, "Constrained Baseline", 66, "Main", 77, "High", 100).get(s.get("profile"));
                assertThat(v.codecString()).startsWith(String.format("avc1.%02X", profileIdc))
                        .endsWith(String.format("%02X", Integer.parseInt(s.get("level"))));
            } else {
                AudioSampleEntry a = (AudioSampleEntry) entry;
                // ffmpeg writes the template channelcount 2 for mono: the channels are in the AudioSpecificConfig
                AudioSpecificConfig asc = AudioSpecificConfig.parse(((EsdsBox) a.child(BoxType.ESDS)).decoderConfig().decoderSpecificInfo());
                assertThat(asc.channelCount()).isEqualTo(Integer.parseInt(s.get("channels")));
                assertThat(a.sampleRateHz()).isEqualTo(Integer.parseInt(s.get("sample_rate")));
                assertThat(a.codecString()).isEqualTo("mp4a.40.2"); // ffprobe: profile LC
                assertThat(s.get("profile")).isEqualTo("LC");
            }
        }
    }

    @Test
    void codecStringsOfHevcAv1AndOpus() {
        VisualSampleEntry hevc = entry("mp4/hevc.mp4", 0);
        assertThat(hevc.type()).isEqualTo(BoxType.HVC1);
        Map<String, String> h = Mp4Fixtures.streams("mp4/hevc.mp4").get(0);
        assertThat(h.get("profile")).isEqualTo("Main");
        // Main profile (1), compatibility flags bit-reversed (Main and Main 10: 6), Main tier, ffprobe's level_idc
        assertThat(hevc.codecString()).matches("hvc1\\.1\\.6\\.L" + h.get("level") + "(\\.[0-9A-F]{2})+");
        VisualSampleEntry av1 = entry("mp4/av1-opus.mp4", 0);
        Map<String, String> a = Mp4Fixtures.streams("mp4/av1-opus.mp4").get(0);
        assertThat(a.get("profile")).isEqualTo("Main"); // seq_profile 0, 8-bit 4:2:0 (yuv420p)
        assertThat(av1.codecString()).isEqualTo(String.format("av01.0.%02dM.08", Integer.parseInt(a.get("level"))));
        assertThat(entry("mp4/av1-opus-frag.mp4", 0).codecString()).isEqualTo("av01"); // no record to read
        List<Box> boxes = Boxes.parse(ByteBuffer.wrap(Mp4Fixtures.bytes("mp4/av1-opus.mp4")));
        ContainerBox moov = (ContainerBox) Boxes.first(boxes, BoxType.MOOV);
        AudioSampleEntry opus = (AudioSampleEntry) ((SampleDescriptionBox) Boxes.find(List.of(moov.children(BoxType.TRAK).get(1)),
                "trak", "mdia", "minf", "stbl", "stsd")).entries().get(0);
        assertThat(opus.codecString()).isEqualTo("opus");
        OpusSpecificBox dops = (OpusSpecificBox) opus.child(BoxType.DOPS);
        assertThat(dops.outputChannelCount()).isEqualTo(Integer.parseInt(Mp4Fixtures.streams("mp4/av1-opus.mp4").get(1).get("channels")));
    }

    private static VisualSampleEntry entry(String file, int track) {
        List<Box> boxes = Boxes.parse(ByteBuffer.wrap(Mp4Fixtures.bytes(file)));
        ContainerBox moov = (ContainerBox) Boxes.first(boxes, BoxType.MOOV);
        SampleDescriptionBox stsd = (SampleDescriptionBox) Boxes.find(List.of(moov.children(BoxType.TRAK).get(track)),
                "trak", "mdia", "minf", "stbl", "stsd");
        return (VisualSampleEntry) stsd.entries().get(0);
    }
}
