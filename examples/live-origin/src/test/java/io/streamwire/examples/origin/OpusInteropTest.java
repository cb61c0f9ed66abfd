package io.streamwire.examples.origin;

import static io.streamwire.examples.origin.CmafFixtures.AVC;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.hls.MediaPlaylist;
import io.streamwire.hls.MediaSegment;
import io.streamwire.hls.Playlist;
import io.streamwire.hls.PlaylistValidator;
import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Opus over Enhanced RTMP v2 through the whole origin: our own {@code ClientSession}
 * ({@link TestPublisher#once}) publishes the committed libopus file's packets as ExAudioTagHeader
 * messages with FourCC {@code Opus} ({@link OpusFixture}), alone or interleaved with the H.264
 * fixture's video; after the clean unpublish the CMAF HLS output (playlist, init segments, segments
 * mirrored over HTTP) and the MP4 recording are read by ffprobe 5.1 with no message, and ffmpeg 7.0
 * decodes from both the same audio frames ({@code -f framemd5}, which hashes each decoded frame's
 * samples, so the pre-skip trimmed from the first frame counts) and the same packets
 * ({@code -c copy -f framemd5}) as from the source file; the H.264 frames decode as the FLV fixture's.
 */
@Tag("interop")
class OpusInteropTest {
    static final String AUDIO_ONLY = "opus";
    static final String WITH_VIDEO = "avc+opus";

    @TempDir
    Path dir;

    static byte[] get(String url) throws Exception {
        HttpResponse<byte[]> r = HostileClientsTest.HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }

    static void probeQuietly(Path file) {
        List<String> cmd = List.of(CmafInteropTest.ffprobe().toString(), "-v", "error", "-show_streams", "-show_packets",
                file.toString());
        assertThat(ExternalTools.run(60, cmd).requireSuccess(cmd).stderr()).as(String.join(" ", cmd)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {AUDIO_ONLY, WITH_VIDEO})
    void publishedOverEnhancedRtmpServedAsCmafAndRecordedAsMp4(String variant) throws Exception {
        Path ffmpeg7 = ExternalTools.requireFfmpeg7();
        Path source = Fixtures.copyTo(OpusFixture.OPUS, dir);
        List<CmafFixtures.Tag> tags = variant.equals(AUDIO_ONLY) ? OpusFixture.tags() : OpusFixture.withVideoOf(AVC);
        Path records = dir.resolve("records");
        OriginConfig config = OriginConfig.loopbackEphemeral().withRecordDirectory(records).withSegments(1, 10, 0.2);
        String name = variant.equals(AUDIO_ONLY) ? "opus" : "avcopus";
        try (LiveOrigin origin = LiveOrigin.start(config)) {
            TestPublisher publisher = TestPublisher.once(origin.rtmpPort(), name, 4,
                    tags.stream().map(t -> new TestPublisher.Tag(t.type(), t.ms(), t.body())).toList());
            try {
                Resources.waitFor(() -> publisher.started() || publisher.refused(), 10_000, "publish answer");
                assertThat(publisher.refused()).isFalse();
                Resources.waitFor(() -> publisher.sentAll() || publisher.failure() != null, 20_000, "every tag sent");
                assertThat(publisher.failure()).isNull();
                Resources.waitFor(() -> origin.stats(name) != null && origin.stats(name).messagesIn() >= tags.size(), 10_000,
                        "every tag received");
            } finally {
                publisher.close(); // FCUnpublish + deleteStream
            }
            Resources.waitFor(() -> origin.stats(name).state().equals("ended"), 10_000, "clean unpublish");

            // mirror the playlist, its init segments and segments
            String http = "http://127.0.0.1:" + origin.httpPort() + "/live/";
            String text = new String(get(http + name + ".m3u8"), StandardCharsets.UTF_8);
            MediaPlaylist playlist = (MediaPlaylist) Playlist.parse(text);
            assertThat(PlaylistValidator.validate(playlist)).as(text).isEmpty();
            assertThat(text).contains("#EXT-X-ENDLIST", "#EXT-X-MAP:URI=\"" + name + "/init-0.mp4\"");
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
            probeQuietly(local);
            String[] hlsOptions = {"-allowed_extensions", "ALL"};
            List<String> sourceFrames = CmafInteropTest.framemd5(ffmpeg7, source, "a");
            assertThat(sourceFrames).hasSize(OpusFixture.packets().size());
            assertThat(CmafInteropTest.framemd5(ffmpeg7, local, "a", hlsOptions)).as("decoded audio, HLS")
                    .isEqualTo(sourceFrames);
            // packets: the same bytes; ffmpeg reads an fMP4 edit list (ours skips PreSkip) without applying it, so the
            // first packet lacks the source's "Skip Samples" side data and times start at 0, as from ffmpeg's own HLS output
            List<String> sourcePackets = packets(ffmpeg7, source);
            assertThat(packets(ffmpeg7, local, hlsOptions).stream().map(OpusInteropTest::sizeAndHash).toList()).as("audio packets (size, MD5), HLS")
                    .isEqualTo(sourcePackets.stream().map(OpusInteropTest::sizeAndHash).toList());
            Path flv = Fixtures.copyTo(AVC, dir);
            if (variant.equals(WITH_VIDEO)) {
                assertThat(CmafInteropTest.framemd5(CmafInteropTest.ffmpeg(), local, "v", hlsOptions)).as("decoded video, HLS")
                        .isNotEmpty().isEqualTo(CmafInteropTest.framemd5(CmafInteropTest.ffmpeg(), flv, "v"));
            }

            // the MP4 recording (finished off the event loop after the unpublish)
            Resources.waitFor(() -> mp4s(records).size() == 1, 10_000, "the finished recording");
            Path mp4 = mp4s(records).get(0);
            probeQuietly(mp4);
            assertThat(CmafInteropTest.framemd5(ffmpeg7, mp4, "a")).as("decoded audio, recording").isEqualTo(sourceFrames);
            // packets: times, bytes and the first one's "Skip Samples" 312 (our edit list) as the source's, but the last
            // one's duration: the source's edit list also trims the encoder's end padding (the last packet lasts 312),
            // which RTMP does not carry; ours presents the packet whole (960: the movie timescale is the finest track
            // timescale, so the edit ends exactly at the media's end)
            List<String> recorded = packets(ffmpeg7, mp4);
            int last = sourcePackets.size() - 1;
            assertThat(recorded).as("audio packets (times, size, MD5, side data), recording").hasSize(sourcePackets.size())
                    .startsWith(sourcePackets.subList(0, last).toArray(String[]::new));
            String[] got = recorded.get(last).split(",");
            String[] expected = sourcePackets.get(last).split(",");
            assertThat(List.of(got[0], got[1], got[3], got[4])).isEqualTo(List.of(expected[0], expected[1], expected[3], expected[4]));
            assertThat(Long.parseLong(got[2])).as("last packet duration").isEqualTo(OpusFixture.packets().get(0).duration());
            if (variant.equals(WITH_VIDEO)) {
                assertThat(CmafInteropTest.framemd5(CmafInteropTest.ffmpeg(), mp4, "v")).as("decoded video, recording")
                        .isEqualTo(CmafInteropTest.framemd5(CmafInteropTest.ffmpeg(), flv, "v"));
            }
        }
    }

    /**
     * The audio packets ({@code -c copy -f framemd5}), one line each: dts, pts, duration, size, MD5 of the
     * data, then side data ({@code S=<count>, <size>, <MD5>}) when the packet has some.
     */
    static List<String> packets(Path tool, Path input, String... before) {
        List<String> cmd = new java.util.ArrayList<>(List.of(tool.toString(), "-v", "error", "-nostdin"));
        cmd.addAll(List.of(before));
        cmd.addAll(List.of("-i", input.toString(), "-map", "0:a", "-c", "copy", "-f", "framemd5", "-"));
        ExternalTools.Result r = ExternalTools.run(120, cmd).requireSuccess(cmd);
        assertThat(r.stderr()).as(String.join(" ", cmd)).isEmpty();
        return r.stdout().lines().filter(l -> !l.startsWith("#"))
                .map(l -> l.substring(l.indexOf(',') + 1).replaceAll("\\s+", "")).toList();
    }

    /** Size and MD5 of a {@link #packets} line. */
    static String sizeAndHash(String packet) {
        String[] f = packet.split(",");
        return f[3] + "," + f[4];
    }

    static List<Path> mp4s(Path records) {
        if (!Files.isDirectory(records)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(records)) {
            return s.filter(f -> f.toString().endsWith(".mp4")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
