package io.streamwire.examples.origin;

import static io.streamwire.examples.origin.CmafFixtures.AV1;
import static io.streamwire.examples.origin.CmafFixtures.AVC;
import static io.streamwire.examples.origin.CmafFixtures.HEVC;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.hls.MediaPlaylist;
import io.streamwire.hls.MediaSegment;
import io.streamwire.hls.MultivariantPlaylist;
import io.streamwire.hls.Playlist;
import io.streamwire.hls.PlaylistValidator;
import io.streamwire.hls.Variant;
import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The modern pipeline through the whole origin: ffmpeg publishes H.264/AAC (ffmpeg 5.1, legacy RTMP)
 * and HEVC/AAC and AV1/AAC (ffmpeg 7.0, Enhanced RTMP) over RTMP; the origin serves fMP4 (CMAF) HLS
 * with LL-HLS parts and records MP4. During the publish the multivariant playlist passes the strict
 * parser and the validator and carries the codecs of the published sequence headers and the
 * source's resolution (as ffprobe reads it); after the clean unpublish the HLS output (playlist, every
 * init segment and segment, mirrored to disk) and the recording are read by ffprobe with no message
 * and decode to the source's frames ({@code -f framemd5}, as {@link CmafInteropTest} compares them).
 */
@Tag("interop")
class ModernPipelineInteropTest {
    @TempDir
    Path dir;

    static byte[] get(String url) throws Exception {
        HttpResponse<byte[]> r = HostileClientsTest.HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }

    static Path publisherTool(String fixture) {
        return fixture.equals(AVC) ? CmafInteropTest.ffmpeg() : ExternalTools.requireFfmpeg7();
    }

    @ParameterizedTest
    @ValueSource(strings = {AVC, HEVC, AV1})
    void publishedOverRtmpServedAsCmafAndRecordedAsMp4(String fixture) throws Exception {
        Path source = Fixtures.copyTo(fixture, dir);
        Path records = dir.resolve("records");
        OriginConfig config = OriginConfig.loopbackEphemeral().withSegments(1, 10, 0.2).withRecordDirectory(records);
        String name = "modern";
        try (LiveOrigin origin = LiveOrigin.start(config); Procs procs = new Procs(dir)) {
            String http = "http://127.0.0.1:" + origin.httpPort() + "/live/";
            Procs.Run publisher = procs.start(List.of(publisherTool(fixture).toString(), "-hide_banner", "-nostdin", "-v",
                    "error", "-re", "-i", source.toString(), "-c", "copy", "-f", "flv",
                    "rtmp://127.0.0.1:" + origin.rtmpPort() + "/live/" + name));
            Resources.waitFor(() -> origin.stats(name) != null && origin.stats(name).segments() >= 1, 15_000, "a segment");

            // the multivariant playlist, while live
            String master = new String(get(http + name + "/master.m3u8"), java.nio.charset.StandardCharsets.UTF_8);
            Playlist parsed = Playlist.parse(master); // strict
            assertThat(PlaylistValidator.validate(parsed)).as(master).isEmpty();
            Variant variant = ((MultivariantPlaylist) parsed).variants().get(0);
            assertThat(variant.uri()).isEqualTo("../" + name + ".m3u8");
            // the sequence headers are each track's first tag (StreamInfoInteropTest checks these strings against ffmpeg's)
            List<CmafFixtures.Tag> tags = CmafFixtures.tags(fixture);
            byte[] videoHeader = tags.stream().filter(t -> t.type() == 9
                    && !StreamInfo.video(ByteBuffer.wrap(t.body())).codecString().isEmpty()).findFirst().orElseThrow().body();
            byte[] audioHeader = tags.stream().filter(t -> t.type() == 8
                    && !StreamInfo.audio(ByteBuffer.wrap(t.body())).codecString().isEmpty()).findFirst().orElseThrow().body();
            String expected = StreamInfo.video(ByteBuffer.wrap(videoHeader)).codecString() + ","
                    + StreamInfo.audio(ByteBuffer.wrap(audioHeader)).codecString();
            assertThat(expected).doesNotStartWith(",").doesNotEndWith(",");
            assertThat(master).contains("CODECS=\"" + expected + "\"");
            // ffprobe's view of the source, committed beside it (ffprobe 5.1 cannot read Enhanced FLV)
            List<String> probe = Fixtures.lines(fixture + ".streams.txt");
            String width = probe.stream().filter(l -> l.startsWith("width=")).findFirst().orElseThrow().substring(6);
            String height = probe.stream().filter(l -> l.startsWith("height=")).findFirst().orElseThrow().substring(7);
            assertThat(master).contains("RESOLUTION=" + width + "x" + height);

            assertThat(publisher.await(60)).as(publisher.stderrText()).isZero();
            Resources.waitFor(() -> origin.stats(name).state().equals("ended"), 10_000, "clean unpublish");

            // mirror playlist, init segments and segments
            String text = new String(get(http + name + ".m3u8"), java.nio.charset.StandardCharsets.UTF_8);
            MediaPlaylist playlist = (MediaPlaylist) Playlist.parse(text);
            assertThat(PlaylistValidator.validate(playlist)).as(text).isEmpty();
            assertThat(text).contains("#EXT-X-ENDLIST", "#EXT-X-MAP:URI=\"" + name + "/init-0.mp4\"", "#EXT-X-PART:");
            Path hls = dir.resolve("hls");
            Files.createDirectories(hls.resolve(name));
            Set<String> uris = new LinkedHashSet<>();
            for (MediaSegment s : playlist.segments()) {
                if (s.map() != null) {
                    uris.add(s.map().uri());
                }
                uris.add(s.uri());
            }
            for (String uri : uris) {
                Files.write(hls.resolve(uri), get(http + uri));
            }
            Path local = hls.resolve(name + ".m3u8");
            Files.writeString(local, text);
            List<String> cmd = List.of(CmafInteropTest.ffprobe().toString(), "-v", "error", "-show_streams", local.toString());
            assertThat(ExternalTools.run(60, cmd).requireSuccess(cmd).stderr()).isEmpty();
            String[] hlsOptions = {"-allowed_extensions", "ALL"};
            Path tool = CmafInteropTest.sourceTool(fixture);
            assertThat(CmafInteropTest.framemd5(CmafInteropTest.ffmpeg(), local, "v", hlsOptions)).isNotEmpty()
                    .isEqualTo(CmafInteropTest.framemd5(tool, source, "v"));
            assertThat(CmafInteropTest.framemd5(tool, local, "a", hlsOptions)).isNotEmpty()
                    .isEqualTo(CmafInteropTest.framemd5(tool, source, "a"));

            // the MP4 recording
            Path mp4;
            try (var list = Files.list(records)) {
                mp4 = list.filter(f -> f.toString().endsWith(".mp4")).findFirst().orElseThrow();
            }
            cmd = List.of(CmafInteropTest.ffprobe().toString(), "-v", "error", "-show_streams", mp4.toString());
            assertThat(ExternalTools.run(60, cmd).requireSuccess(cmd).stderr()).isEmpty();
            assertThat(CmafInteropTest.framemd5(CmafInteropTest.ffmpeg(), mp4, "v"))
                    .isEqualTo(CmafInteropTest.framemd5(tool, source, "v"));
            List<String> audio = CmafInteropTest.framemd5(tool, mp4, "a");
            List<String> sourceAudio = CmafInteropTest.framemd5(tool, source, "a");
            if (audio.size() == sourceAudio.size()) {
                assertThat(audio).isEqualTo(sourceAudio);
            } else { // audio before the first video keyframe is left out of recordings: the packets are the source's last ones
                assertThat(CmafInteropTest.packetmd5(tool, source, "a"))
                        .endsWith(CmafInteropTest.packetmd5(tool, mp4, "a").toArray(String[]::new));
            }
        }
    }
}
