package io.streamwire.h265;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The NAL unit layer against the installed ffprobe and ffmpeg (interop profile only). */
@Tag("interop")
class HevcNalInteropTest {

    static List<String> fixtures() {
        return HevcAccessUnitSplitterTest.fixtures();
    }

    static List<String> run(List<String> cmd) {
        return ExternalTools.run(120, cmd).requireSuccess(cmd).stdout().lines().toList();
    }

    /** Live ffprobe, packet by packet: the access unit count and the keyframe flags. */
    @ParameterizedTest
    @MethodSource("fixtures")
    void accessUnitsMatchLiveFfprobe(String name, @TempDir Path dir) {
        Path ffprobe = ExternalTools.require("ffprobe", "ffmpeg");
        Path file = Fixtures.copyTo("h265/" + name + ".h265", dir);
        List<String> packets = run(List.of(ffprobe.toString(), "-v", "error", "-show_entries", "packet=pos,flags",
                "-of", "csv=p=0", file.toString()));
        List<HevcAccessUnit> aus = HevcAccessUnit.split(ByteBuffer.wrap(Fixtures.bytes("h265/" + name + ".h265")));
        assertThat(aus).hasSameSizeAs(packets);
        for (int i = 0; i < aus.size(); i++) {
            String[] f = packets.get(i).split(",");
            assertThat(aus.get(i).keyframe()).as("%s AU %d", name, i).isEqualTo(f[1].contains("K"));
            assertThat(aus.get(i).offset()).as("%s AU %d", name, i).isBetween(Long.parseLong(f[0]) + 3, Long.parseLong(f[0]) + 4);
        }
    }

    /** general_profile_idc for ffprobe's profile names (libavcodec's profile table, ITU-T H.265 Annex A). */
    private static final Map<String, Integer> PROFILE_IDC = Map.of("Main", 1, "Main 10", 2, "Main Still Picture", 3, "Rext", 4);

    /**
     * The hvcC codec string against what ffprobe reports for the track: the sample entry
     * (codec_tag_string), the profile (name to general_profile_idc) and level (general_level_idc).
     */
    @ParameterizedTest
    @MethodSource("fixtures")
    void codecStringMatchesFfprobe(String name, @TempDir Path dir) {
        Path ffprobe = ExternalTools.require("ffprobe", "ffmpeg");
        Path file = Fixtures.copyTo("h265/" + name + ".mp4", dir);
        List<String> lines = run(List.of(ffprobe.toString(), "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=codec_tag_string,profile,level", "-of", "default=noprint_wrappers=1", file.toString()));
        Map<String, String> kv = new java.util.HashMap<>();
        lines.forEach(l -> kv.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        TestMp4Boxes.Track track = TestMp4Boxes.read(Fixtures.bytes("h265/" + name + ".mp4"));
        String codecs = HevcDecoderConfigurationRecord.parse(track.hvcC()).codecString(track.sampleEntry());
        String[] parts = codecs.split("\\.");
        assertThat(parts[0]).isEqualTo(kv.get("codec_tag_string"));
        assertThat(Integer.parseInt(parts[1])).isEqualTo(PROFILE_IDC.get(kv.get("profile")));
        assertThat(parts[3]).isEqualTo("L" + kv.get("level"));
    }

    private static List<String> framemd5(Path ffmpeg, Path input) {
        List<String> cmd = List.of(ffmpeg.toString(), "-v", "error", "-nostdin", "-i", input.toString(), "-f", "framemd5", "-");
        return run(cmd).stream().filter(l -> !l.startsWith("#")).map(l -> {
            String[] f = l.split(",");
            return f[f.length - 1].trim(); // the picture's MD5 (timestamps differ between raw and converted input)
        }).toList();
    }

    /**
     * Each MP4 sample (hvc1: parameter sets only in the hvcC) through {@link Hvcc#toAnnexB}: ffmpeg
     * decodes the joined result to the same pictures as the raw stream encoded with the same settings.
     */
    @ParameterizedTest
    @ValueSource(strings = {"main", "main10", "open-gop", "bframes-pyramid", "slices4", "hdr10", "rext444-12", "mono"})
    void hvccToAnnexBDecodesLikeTheRawStream(String name, @TempDir Path dir) throws IOException {
        Path ffmpeg = ExternalTools.require("ffmpeg", "ffmpeg");
        TestMp4Boxes.Track track = TestMp4Boxes.read(Fixtures.bytes("h265/" + name + ".mp4"));
        HevcDecoderConfigurationRecord config = HevcDecoderConfigurationRecord.parse(track.hvcC());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuffer sample : track.samples()) {
            out.writeBytes(Hvcc.toAnnexB(sample, config.nalUnitLengthSize(), config));
        }
        Path converted = dir.resolve("converted.h265");
        Files.write(converted, out.toByteArray());
        List<String> expected = framemd5(ffmpeg, Fixtures.copyTo("h265/" + name + ".h265", dir));
        assertThat(expected).hasSize(track.samples().size());
        assertThat(framemd5(ffmpeg, converted)).isEqualTo(expected);
    }

    /**
     * Joined at a CRA picture: ffmpeg drops the RASL pictures it cannot decode (NoRaslOutputFlag 1), so
     * it outputs exactly the access units marked decodable.
     */
    @Test
    void ffmpegOutputsTheDecodableAccessUnitsOfAStreamJoinedAtACra(@TempDir Path dir) throws IOException {
        Path ffmpeg = ExternalTools.require("ffmpeg", "ffmpeg");
        byte[] stream = Fixtures.bytes("h265/open-gop.h265");
        HevcAccessUnit cra = HevcAccessUnit.split(ByteBuffer.wrap(stream)).stream().filter(HevcAccessUnit::isCra).findFirst().orElseThrow();
        byte[] cut = new byte[4 + stream.length - (int) cra.offset()];
        cut[3] = 1;
        System.arraycopy(stream, (int) cra.offset(), cut, 4, stream.length - (int) cra.offset());
        List<HevcAccessUnit> aus = HevcAccessUnit.split(ByteBuffer.wrap(cut));
        Path file = dir.resolve("joined.h265");
        Files.write(file, cut);
        long decodable = aus.stream().filter(HevcAccessUnit::decodable).count();
        assertThat(decodable).isLessThan(aus.size());
        assertThat(framemd5(ffmpeg, file)).hasSize((int) decodable);
    }
}
