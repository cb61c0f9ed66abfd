package io.streamwire.examples.origin;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Codec strings checked against ffmpeg 7.0's own: the CODECS attribute its HLS muxer writes into a
 * multivariant playlist (AVC, AAC, MP3), the codecs its DASH muxer writes (AV1), and ffprobe's
 * profile and level for HEVC (ffmpeg's HLS muxer hard-codes the compatibility and constraint parts of
 * hvc1 strings, so only profile and level are compared there).
 */
@Tag("interop")
class StreamInfoInteropTest {
    private static final Pattern CODECS = Pattern.compile("CODECS=\"([^\"]*)\"");

    private static List<String> run(List<String> command) {
        ExternalTools.Result r = ExternalTools.run(120, command);
        assertThat(r.exitCode()).as("%s: %s", command, r.stderr()).isZero();
        return r.stdout().lines().toList();
    }

    private static String hlsCodecs(Path flv, Path dir) throws Exception {
        String ffmpeg = ExternalTools.requireFfmpeg7().toString();
        run(List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-nostdin", "-i", flv.toString(), "-map", "0", "-c", "copy",
                "-f", "hls", "-hls_segment_type", "fmp4", "-master_pl_name", "master.m3u8",
                dir.resolve("index.m3u8").toString()));
        Matcher m = CODECS.matcher(Files.readString(dir.resolve("master.m3u8")));
        assertThat(m.find()).as("CODECS in ffmpeg's multivariant playlist").isTrue();
        return m.group(1);
    }

    @ParameterizedTest
    @CsvSource({"avc-aac-bframes.flv", "keyframe-index.flv", "avc-mp3.flv", "aac-only.flv"})
    void avcAacAndMp3CodecStringsMatchFfmpegHls(String name, @TempDir Path dir) throws Exception {
        StreamInfoTest.Headers h = StreamInfoTest.headers(name);
        List<String> ours = new ArrayList<>();
        if (h.video() != null) {
            ours.add(StreamInfo.video(h.video()).codecString());
        }
        ours.add(h.audio() != null ? StreamInfo.audio(h.audio()).codecString() : legacyAudio(name));
        assertThat(String.join(",", ours)).isEqualToIgnoringCase(hlsCodecs(StreamInfoTest.fixture(name), dir));
    }

    private static String legacyAudio(String name) throws Exception {
        java.nio.ByteBuffer f = java.nio.ByteBuffer.wrap(Files.readAllBytes(StreamInfoTest.fixture(name)));
        int p = f.getInt(5) + 4;
        while ((f.get(p) & 0x1F) != 8) {
            p += 11 + (f.getInt(p) & 0xFFFFFF) + 4;
        }
        return StreamInfo.audio(f.slice(p + 11, f.getInt(p) & 0xFFFFFF)).codecString();
    }

    @Test
    void av1CodecStringMatchesFfmpegDash(@TempDir Path dir) throws Exception {
        String ffmpeg = ExternalTools.requireFfmpeg7().toString();
        Path flv = StreamInfoTest.fixture("av1-aac-ffmpeg7.flv");
        run(List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-nostdin", "-i", flv.toString(), "-map", "0:v", "-c", "copy",
                "-f", "dash", dir.resolve("m.mpd").toString()));
        Matcher m = Pattern.compile("codecs=\"(av01[^\"]*)\"").matcher(Files.readString(dir.resolve("m.mpd")));
        assertThat(m.find()).as("av01 codecs in ffmpeg's MPD").isTrue();
        assertThat(StreamInfo.video(StreamInfoTest.headers("av1-aac-ffmpeg7.flv").video()).codecString()).isEqualTo(m.group(1));
    }

    @Test
    void hevcProfileAndLevelMatchFfprobe(@TempDir Path dir) throws Exception {
        String ffmpeg = ExternalTools.requireFfmpeg7().toString();
        Path ffprobe = ExternalTools.require("ffprobe", "ffmpeg");
        Path flv = StreamInfoTest.fixture("hevc-aac-ffmpeg7.flv");
        Path raw = dir.resolve("v.hevc");
        run(List.of(ffmpeg, "-hide_banner", "-loglevel", "error", "-nostdin", "-i", flv.toString(), "-map", "0:v", "-c", "copy",
                "-f", "hevc", raw.toString()));
        List<String> probe = run(List.of(ffprobe.toString(), "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=profile,level,width,height", "-of", "default=noprint_wrappers=1", raw.toString()));
        StreamInfo info = StreamInfo.video(StreamInfoTest.headers("hevc-aac-ffmpeg7.flv").video());
        assertThat(probe).contains("profile=Main", "width=" + info.width(), "height=" + info.height());
        String level = probe.stream().filter(l -> l.startsWith("level=")).findFirst().orElseThrow().substring(6);
        // hvc1.<general_profile_idc: Main is 1>.<compat>.L<general_level_idc>.<constraints> (ISO/IEC 14496-15 Annex E.3)
        assertThat(info.codecString()).matches("hvc1\\.1\\.[0-9A-F]+\\.L" + level + "(\\.[0-9A-F]{2})*");
    }
}
