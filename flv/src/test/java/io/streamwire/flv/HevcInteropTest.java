package io.streamwire.flv;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.flv.FlvWriter.HevcForm;
import io.streamwire.testkit.Corpus;
import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HEVC in FLV against live ffmpeg 7.0 (which reads Enhanced FLV) and the corpus's Enhanced HEVC
 * file (Scuffle's {@code hevc_aac.flv}): both forms of our writing carry the packets ffmpeg reads from
 * the originals (interop profile only).
 */
@Tag("interop")
class HevcInteropTest {

    /** ffmpeg 7.0's framecrc view of {@code file} (see {@link EnhancedFlvFixtureTest#framecrc}), and its stderr. */
    static ExternalTools.Result framecrc(Path file) {
        List<String> cmd = framecrcCommand(file, "error");
        return ExternalTools.run(120, cmd).requireSuccess(cmd);
    }

    static List<String> framecrcCommand(Path file, String logLevel) {
        return List.of(ExternalTools.requireFfmpeg7().toString(), "-hide_banner", "-loglevel", logLevel, "-nostdin",
                "-copyts", "-i", file.toString(), "-map", "0", "-c", "copy", "-f", "framecrc", "-");
    }

    static List<String> view(ExternalTools.Result r) {
        return EnhancedFlvFixtureTest.framecrc(r.stdout().lines().toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {EnhancedFlvFixtureTest.HEVC, EnhancedFlvFixtureTest.AV1})
    void liveFfmpeg7AgreesWithTheCommittedView(String name, @TempDir Path dir) {
        ExternalTools.Result r = framecrc(Fixtures.copyTo("flv/" + name, dir));
        assertThat(r.stderr()).isEmpty();
        assertThat(view(r)).containsExactlyElementsOf(EnhancedFlvFixtureTest.framecrc(Fixtures.lines("flv/" + name + ".framecrc.txt")));
    }

    /** Through CodecID 12 and back: every coded frame as CodedFrames with its CTS, no colorInfo metadata. */
    @Test
    void ffmpeg7ReadsHvc1WrittenByUsThroughBothForms(@TempDir Path dir) throws IOException {
        byte[] legacy = EnhancedFlvFixtureTest.resignal(Fixtures.bytes("flv/" + EnhancedFlvFixtureTest.HEVC), HevcForm.LEGACY_CODEC_ID_12);
        Path file = dir.resolve("ours-hvc1.flv");
        Files.write(file, EnhancedFlvFixtureTest.resignal(legacy, HevcForm.ENHANCED_HVC1));
        ExternalTools.Result r = framecrc(file);
        assertThat(r.stderr()).isEmpty();
        assertThat(view(r)).containsExactlyElementsOf(
                EnhancedFlvFixtureTest.framecrc(Fixtures.lines("flv/" + EnhancedFlvFixtureTest.HEVC + ".framecrc.txt")));
    }

    /**
     * Upstream ffmpeg 7.0 does not read legacy CodecID 12 (it says so); should a later one read it, its
     * packets must be those of the hvc1 file.
     */
    @Test
    void ffmpeg7OnCodecId12(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("codec12.flv");
        Files.write(file, EnhancedFlvFixtureTest.resignal(Fixtures.bytes("flv/" + EnhancedFlvFixtureTest.HEVC), HevcForm.LEGACY_CODEC_ID_12));
        ExternalTools.Result r = ExternalTools.run(120, framecrcCommand(file, "warning")); // 7.0 fails: the video stream has no codec
        List<String> video = view(r).stream().filter(row -> row.startsWith("video,")).toList();
        if (video.isEmpty()) {
            assertThat(r.stderr()).contains("Video codec (c) is not implemented");
            assertThat(r.exitCode()).isNotZero();
        } else {
            assertThat(video).containsExactlyElementsOf(EnhancedFlvFixtureTest.framecrc(
                    Fixtures.lines("flv/" + EnhancedFlvFixtureTest.HEVC + ".framecrc.txt")).stream()
                    .filter(row -> row.startsWith("video,")).toList());
        }
    }

    /** Scuffle's OBS-made Enhanced HEVC file: ffmpeg 7.0 reads the packets we read, and its CodecID 12 form carries the same. */
    @Test
    void scuffleHevcInBothForms(@TempDir Path dir) throws IOException {
        Path source = Corpus.resolve("scufflecloud-scuffle/assets/hevc_aac.flv");
        byte[] original = Files.readAllBytes(source);
        Collector c = Collector.decode(original);
        List<String> ours = EnhancedFlvFixtureTest.ours(c);
        List<String> ffmpeg = view(framecrc(source));
        assertThat(ffmpeg).filteredOn(row -> row.startsWith("video,")).hasSizeGreaterThan(100);
        assertThat(ours).containsExactlyElementsOf(ffmpeg);

        byte[] legacy = EnhancedFlvFixtureTest.resignal(original, HevcForm.LEGACY_CODEC_ID_12);
        assertThat(EnhancedFlvFixtureTest.ours(Collector.decode(legacy))).containsExactlyElementsOf(ffmpeg);
        assertThat(tracks(Collector.decode(legacy))).isEqualTo(tracks(c)).hasSizeGreaterThan(100);
        Path back = dir.resolve("back-to-hvc1.flv");
        Files.write(back, EnhancedFlvFixtureTest.resignal(legacy, HevcForm.ENHANCED_HVC1));
        assertThat(view(framecrc(back))).containsExactlyElementsOf(ffmpeg);
    }

    /** The HEVC tracks (sequence starts, coded frames, ends) in file order. */
    private static List<VideoTrack> tracks(Collector c) {
        List<VideoTrack> out = new ArrayList<>();
        for (int i = 0; i < c.headers.size(); i++) {
            if (c.headers.get(i).tagType() == FlvTagHeader.VIDEO) {
                VideoTagBody v = VideoTagBody.parse(ByteBuffer.wrap(c.bodies.get(i)));
                if (v.track() != null && v.videoPacketType() != ExVideoData.METADATA) {
                    assertThat(v.fourCc()).isEqualTo(FourCc.HVC1);
                    out.add(v.track());
                }
            }
        }
        return out;
    }
}
