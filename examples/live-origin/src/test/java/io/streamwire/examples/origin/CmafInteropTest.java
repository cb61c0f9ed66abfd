package io.streamwire.examples.origin;

import static io.streamwire.examples.origin.CmafFixtures.AV1;
import static io.streamwire.examples.origin.CmafFixtures.AVC;
import static io.streamwire.examples.origin.CmafFixtures.HEVC;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ffmpeg / ffprobe 5.1 read what {@link CmafPackager} and {@link Mp4FileRecorder} make from the
 * committed fixtures with no message, and decode the same frames as from the source FLV: {@code -f
 * framemd5} hashes per stream equal (the source side read by ffmpeg 7.0 for Enhanced FLV, which 5.1
 * cannot read; the audio of those is decoded by ffmpeg 7.0 on both sides, as the AAC decoders of 5.1 and 7.0
 * differ in the last bits). Timestamps are not compared here (the hermetic tests check them exactly).
 */
@Tag("interop")
class CmafInteropTest {
    @TempDir
    Path dir;

    static Path ffmpeg() {
        return ExternalTools.require("ffmpeg", "ffmpeg");
    }

    static Path ffprobe() {
        return ExternalTools.require("ffprobe", "ffmpeg");
    }

    /** The decoded frames' MD5s of {@code stream} ("v" or "a"), in output order. */
    static List<String> framemd5(Path tool, Path input, String stream, String... before) {
        return framemd5(tool, input, stream, before, new String[] {"-f"});
    }

    /** The packets' MD5s ({@code -c copy}) of {@code stream}, in order. */
    static List<String> packetmd5(Path tool, Path input, String stream) {
        return framemd5(tool, input, stream, new String[0], new String[] {"-c", "copy", "-f"});
    }

    private static List<String> framemd5(Path tool, Path input, String stream, String[] before, String[] format) {
        List<String> cmd = new java.util.ArrayList<>(List.of(tool.toString(), "-v", "error", "-nostdin"));
        cmd.addAll(List.of(before));
        cmd.addAll(List.of("-i", input.toString(), "-map", "0:" + stream));
        cmd.addAll(List.of(format));
        cmd.addAll(List.of("framemd5", "-"));
        ExternalTools.Result r = ExternalTools.run(120, cmd).requireSuccess(cmd);
        assertThat(r.stderr()).as(String.join(" ", cmd)).isEmpty();
        return r.stdout().lines().filter(l -> !l.startsWith("#")).map(l -> l.substring(l.lastIndexOf(',') + 1).trim()).toList();
    }

    static Path sourceTool(String fixture) {
        return fixture.equals(AVC) ? ffmpeg() : ExternalTools.requireFfmpeg7();
    }

    @ParameterizedTest
    @ValueSource(strings = {AVC, HEVC, AV1})
    void ffmpegReadsTheHlsOutputAndDecodesTheSourceFrames(String fixture) throws IOException {
        CmafPackager p = new CmafPackager("k", CmafFixtures.config(1, 0.2), 0, 0);
        CmafFixtures.feed(p, CmafFixtures.tags(fixture), 0);
        p.finish();
        Files.createDirectories(dir.resolve("k"));
        for (long msn = 0; msn <= p.lastMsn(); msn++) {
            Files.write(dir.resolve("k/" + msn + ".m4s"), p.segment(msn));
        }
        for (int n = 0; n <= p.currentInit(); n++) {
            Files.write(dir.resolve("k/init-" + n + ".mp4"), p.init(n));
        }
        Path playlist = dir.resolve("live.m3u8");
        Files.writeString(playlist, p.playlist().write(), StandardCharsets.UTF_8);
        List<String> probe = List.of(ffprobe().toString(), "-v", "error", "-show_streams", playlist.toString());
        ExternalTools.Result r = ExternalTools.run(60, probe).requireSuccess(probe);
        assertThat(r.stderr()).isEmpty();
        Path source = Fixtures.copyTo(fixture, dir);
        String[] hls = {"-allowed_extensions", "ALL"};
        assertThat(framemd5(ffmpeg(), playlist, "v", hls)).isNotEmpty().isEqualTo(framemd5(sourceTool(fixture), source, "v"));
        // AAC decoders of ffmpeg 5.1 and 7.0 differ in the last bits: the audio is decoded by one tool on both sides
        assertThat(framemd5(sourceTool(fixture), playlist, "a", hls)).isNotEmpty()
                .isEqualTo(framemd5(sourceTool(fixture), source, "a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {AVC, HEVC, AV1})
    void ffmpegReadsAndSeeksTheRecording(String fixture) throws IOException {
        Mp4FileRecorder r = Mp4FileRecorder.open(dir.resolve("rec"), "k", CmafFixtures.T0);
        for (CmafFixtures.Tag t : CmafFixtures.tags(fixture)) {
            r.write(t.type(), t.ms(), ByteBuffer.wrap(t.body()));
        }
        Path file = r.finish();
        Path source = Fixtures.copyTo(fixture, dir);
        assertThat(framemd5(ffmpeg(), file, "v")).isEqualTo(framemd5(sourceTool(fixture), source, "v"));
        List<String> audio = framemd5(sourceTool(fixture), file, "a");
        List<String> sourceAudio = framemd5(sourceTool(fixture), source, "a");
        if (audio.size() == sourceAudio.size()) {
            assertThat(audio).isEqualTo(sourceAudio);
        } else { // audio before the first video keyframe is left out: decoded frames differ, the packets are the source's last ones
            List<String> packets = packetmd5(sourceTool(fixture), file, "a");
            List<String> sourcePackets = packetmd5(sourceTool(fixture), source, "a");
            assertThat(packets).isNotEmpty();
            assertThat(sourcePackets).endsWith(packets.toArray(String[]::new));
        }
        double seek = fixture.equals(AVC) ? 2 : 0.3;
        List<String> cmd = List.of(ffmpeg().toString(), "-v", "error", "-nostdin", "-ss", String.valueOf(seek), "-i", file.toString(),
                "-frames:v", "1", "-f", "null", "-");
        assertThat(ExternalTools.run(60, cmd).requireSuccess(cmd).stderr()).isEmpty();
    }
}
