package io.streamwire.examples.origin;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.flv.FlvDecoder;
import io.streamwire.flv.OnMetaData;
import io.streamwire.flv.ScriptData;
import io.streamwire.hls.MediaPlaylist;
import io.streamwire.hls.MediaSegment;
import io.streamwire.hls.Playlist;
import io.streamwire.hls.PlaylistValidator;
import io.streamwire.testkit.Fixtures;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The origin against ffmpeg 5.1 and ffprobe on loopback: publish by RTMP, read back as HLS, LL-HLS,
 * HTTP-FLV and RTMP play, compared packet by packet with ffprobe's view of the source. Every process
 * is bounded in time and killed in {@code finally}.
 */
@Tag("interop")
class OriginInteropTest {
    static final String KEY = "key";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    static List<String> typedPackets(Procs procs, String input) {
        Procs.Run r = procs.run(60, List.of(Procs.ffprobe(), "-v", "error", "-show_entries",
                "packet=codec_type,pts,dts,size,flags", "-of", "csv=p=0", input));
        assertThat(r.process().exitValue()).as(r.stderrText()).isZero();
        return r.stdoutText().lines().filter(l -> !l.isBlank()).toList();
    }

    static List<String> source() {
        return Fixtures.lines(RemuxPipelineTest.FIXTURE + ".packets-typed.csv").stream().filter(l -> !l.startsWith("#")).toList();
    }

    /** (type, pts, dts) in 90 kHz as the origin's TS carries them, sorted per type by dts then pts. */
    static List<String> expectedTs() {
        List<String> out = new ArrayList<>();
        for (String l : source()) {
            String[] f = l.split(",");
            long off = HlsPackager.TS_OFFSET_90K;
            out.add(f[0] + "," + (Long.parseLong(f[1]) * 90 + off) + "," + (Long.parseLong(f[2]) * 90 + off));
        }
        return sortTs(out);
    }

    static List<String> sortTs(List<String> lines) {
        return lines.stream().map(l -> {
            String[] f = l.split(",");
            return f[0] + "," + f[1] + "," + f[2];
        }).sorted((a, b) -> {
            String[] x = a.split(",");
            String[] y = b.split(",");
            int c = x[0].compareTo(y[0]);
            if (c != 0) {
                return c;
            }
            c = Long.compare(Long.parseLong(x[2]), Long.parseLong(y[2]));
            return c != 0 ? c : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
        }).toList();
    }

    static String get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        return r.body();
    }

    @Test
    void ffmpegPublishesAndReadsBackHlsHttpFlvAndRtmpWithEveryPacket() throws Exception {
        Path fixture = Fixtures.copyTo(RemuxPipelineTest.FIXTURE, dir);
        OriginConfig config = OriginConfig.loopbackEphemeral().withSegmentFormat(OriginConfig.SegmentFormat.TS).withAllowedKeys(Set.of(KEY));
        try (LiveOrigin origin = LiveOrigin.start(config); Procs procs = new Procs(dir)) {
            String http = "http://127.0.0.1:" + origin.httpPort() + "/live/";
            String rtmp = "rtmp://127.0.0.1:" + origin.rtmpPort() + "/live/" + KEY;
            Path viaHttp = dir.resolve("http.flv");
            Path viaRtmp = dir.resolve("rtmp.flv");
            // readers first: they wait for the publisher and must get every packet
            Procs.Run httpReader = procs.start(List.of(Procs.ffmpeg(), "-hide_banner", "-nostdin", "-v", "error", "-i",
                    http + KEY + ".flv", "-c", "copy", "-f", "flv", viaHttp.toString()));
            Procs.Run rtmpReader = procs.start(List.of(Procs.ffmpeg(), "-hide_banner", "-nostdin", "-v", "error", "-i",
                    rtmp, "-c", "copy", "-f", "flv", viaRtmp.toString()));
            waitFor(() -> origin.stats(KEY) != null && origin.stats(KEY).readers() == 2, 10_000);

            Procs.Run publisher = procs.publish(fixture, rtmp, "-re");
            // while live: every playlist version passes the strict validator
            List<String> versions = new ArrayList<>();
            while (publisher.process().isAlive()) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(http + KEY + ".m3u8")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && (versions.isEmpty() || !versions.get(versions.size() - 1).equals(r.body()))) {
                    versions.add(r.body());
                }
                Thread.sleep(30);
            }
            assertThat(publisher.await(30)).as(publisher.stderrText()).isZero();
            assertThat(httpReader.await(30)).as(httpReader.stderrText()).isZero();
            assertThat(rtmpReader.await(30)).as(rtmpReader.stderrText()).isZero();
            assertThat(versions.size()).isGreaterThan(5);
            for (String v : versions) {
                assertThat(PlaylistValidator.validate(Playlist.parse(v))).as(v).isEmpty();
            }

            // HTTP-FLV and RTMP play: ffprobe's packets (type, pts, dts, size, flags) equal the source's
            assertThat(typedPackets(procs, viaHttp.toString())).isEqualTo(source());
            assertThat(typedPackets(procs, viaRtmp.toString())).isEqualTo(source());

            // HLS: finished playlist, segments within the target, every source packet once, PTS continuous
            String text = get(http + KEY + ".m3u8");
            assertThat(text).contains("#EXT-X-ENDLIST").contains("#EXT-X-PROGRAM-DATE-TIME:");
            MediaPlaylist playlist = (MediaPlaylist) Playlist.parse(text);
            assertThat(PlaylistValidator.validate(playlist)).isEmpty();
            List<String> all = new ArrayList<>();
            long nextVideoDts = -1;
            for (MediaSegment s : playlist.segments()) {
                assertThat(s.durationSeconds()).isLessThanOrEqualTo(config.targetDurationSeconds() + 0.5);
                List<String> packets = typedPackets(procs, http + s.uri());
                List<String> sorted = sortTs(packets);
                String firstVideo = sorted.stream().filter(l -> l.startsWith("video")).findFirst().orElseThrow();
                long firstDts = Long.parseLong(firstVideo.split(",")[2]);
                if (nextVideoDts >= 0) {
                    assertThat(firstDts).as("video continues where the previous segment ended").isEqualTo(nextVideoDts);
                }
                nextVideoDts = firstDts + Math.round(s.durationSeconds() * 90_000);
                assertThat(packets.stream().filter(l -> l.startsWith("video")).findFirst().orElseThrow())
                        .as("a segment starts with a keyframe").contains(",K_");
                all.addAll(packets);
            }
            assertThat(sortTs(all)).isEqualTo(expectedTs());
            assertThat(sortTs(typedPackets(procs, http + KEY + ".m3u8"))).isEqualTo(expectedTs());
            Procs.Run copy = procs.run(60, List.of(Procs.ffmpeg(), "-hide_banner", "-nostdin", "-v", "error", "-i",
                    http + KEY + ".m3u8", "-c", "copy", "-f", "null", "-"));
            assertThat(copy.process().exitValue()).isZero();
            assertThat(copy.stderrText()).isEmpty();
            Channel.Stats stats = origin.stats(KEY);
            assertThat(stats.packagerErrors()).isZero();
            assertThat(stats.framesDropped()).isZero();
            assertThat(stats.live()).isFalse();
            assertThat(stats.readers()).isZero();
        }
    }

    @Test
    void blockingReloadReturnsAsSoonAsThePartExists() throws Exception {
        Path fixture = Fixtures.copyTo(RemuxPipelineTest.FIXTURE, dir);
        try (LiveOrigin origin = LiveOrigin.start(OriginConfig.loopbackEphemeral().withSegmentFormat(OriginConfig.SegmentFormat.TS)); Procs procs = new Procs(dir)) {
            String http = "http://127.0.0.1:" + origin.httpPort() + "/live/";
            Procs.Run publisher = procs.publish(fixture, "rtmp://127.0.0.1:" + origin.rtmpPort() + "/live/" + KEY, "-re");
            waitFor(() -> origin.stats(KEY) != null && origin.stats(KEY).framesPackaged() > 0, 10_000);
            MediaPlaylist p = (MediaPlaylist) Playlist.parse(get(http + KEY + ".m3u8"));
            long msn = p.segments().isEmpty() ? p.mediaSequence() : p.segments().get(p.segments().size() - 1).mediaSequenceNumber() + 1;
            int part = p.trailingParts().size();
            int answered = 0;
            for (int i = 0; i < 6 && publisher.process().isAlive(); i++) {
                long t0 = System.nanoTime();
                String text = get(http + KEY + ".m3u8?_HLS_msn=" + msn + "&_HLS_part=" + part);
                long waitedMs = (System.nanoTime() - t0) / 1_000_000;
                MediaPlaylist live = (MediaPlaylist) Playlist.parse(text);
                assertThat(PlaylistValidator.validate(live)).as(text).isEmpty();
                String uri = KEY + "/" + msn + "." + part + ".ts";
                assertThat(text).as("the answer holds the part it waited for").contains("URI=\"" + uri + "\"");
                // parts last at most 0.334 s: the wait is at most one part plus scheduling slack
                assertThat(waitedMs).isLessThan(1_000);
                byte[] bytes = HTTP.send(HttpRequest.newBuilder(URI.create(http + uri)).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body();
                assertThat(bytes.length % 188).isZero();
                assertThat(bytes.length).isPositive();
                answered++;
                // next: the hinted part
                String hint = text.substring(text.indexOf("#EXT-X-PRELOAD-HINT"));
                String next = hint.substring(hint.indexOf(KEY + "/") + KEY.length() + 1, hint.indexOf(".ts"));
                msn = Long.parseLong(next.substring(0, next.indexOf('.')));
                part = Integer.parseInt(next.substring(next.indexOf('.') + 1));
            }
            assertThat(answered).isGreaterThanOrEqualTo(4);
            // a delta update skips old segments once the window is long enough; here it must at least parse
            String delta = get(http + KEY + ".m3u8?_HLS_skip=YES");
            assertThat(PlaylistValidator.validate(Playlist.parse(delta))).isEmpty();
            assertThat(publisher.await(30)).isZero();
        }
    }

    @Test
    void unpublishReconnectGarbageAndWrongKeyLeaveOthersServedAndFreeTheStream() throws Exception {
        Path fixture = Fixtures.copyTo(RemuxPipelineTest.FIXTURE, dir);
        OriginConfig config = OriginConfig.loopbackEphemeral().withSegmentFormat(OriginConfig.SegmentFormat.TS).withAllowedKeys(Set.of(KEY, "other")).withTimes(5_000, 300);
        try (LiveOrigin origin = LiveOrigin.start(config); Procs procs = new Procs(dir)) {
            String rtmp = "rtmp://127.0.0.1:" + origin.rtmpPort() + "/live/";
            String http = "http://127.0.0.1:" + origin.httpPort() + "/live/";
            // garbage on the RTMP port: that connection alone is dropped
            for (int i = 0; i < 3; i++) {
                try (Socket s = new Socket("127.0.0.1", origin.rtmpPort())) {
                    byte[] junk = new byte[4000];
                    new Random(i).nextBytes(junk);
                    junk[0] = 3; // past C0, so the garbage reaches the handshake and the chunk decoder
                    s.getOutputStream().write(junk);
                    s.setSoTimeout(5000);
                    InputStream in = s.getInputStream();
                    while (in.read(new byte[8192]) >= 0) {
                        // drain S0/S1/S2 until the server closes
                    }
                } catch (java.net.SocketException e) {
                    // reset by the server: also a close
                }
            }
            // a key not on the allow-list is refused
            Procs.Run refused = procs.publish(fixture, rtmp + "intruder");
            assertThat(refused.await(30)).isNotZero();
            assertThat(origin.publishesRejected()).isGreaterThanOrEqualTo(1);

            // "other" streams the whole time; its HTTP-FLV reader must get every packet
            Path otherOut = dir.resolve("other.flv");
            Procs.Run otherReader = procs.start(List.of(Procs.ffmpeg(), "-hide_banner", "-nostdin", "-v", "error", "-i",
                    http + "other.flv", "-c", "copy", "-f", "flv", otherOut.toString()));
            waitFor(() -> origin.stats("other") != null && origin.stats("other").readers() == 1, 10_000);
            // a reader that never reads, with a tiny receive window
            Socket stalled = new Socket();
            stalled.setReceiveBufferSize(2048);
            stalled.connect(new java.net.InetSocketAddress("127.0.0.1", origin.httpPort()));
            OutputStream so = stalled.getOutputStream();
            so.write(("GET /live/other.flv HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            so.flush();
            Procs.Run other = procs.publish(fixture, rtmp + "other", "-re");

            // KEY: unpublished mid-segment (ffmpeg stops at 3 s, segments are 2 s), then the same key again
            Procs.Run first = procs.publish(fixture, rtmp + KEY, "-re", "-t", "3");
            assertThat(first.await(30)).as(first.stderrText()).isZero();
            waitFor(() -> !origin.stats(KEY).live(), 5_000);
            String ended = get(http + KEY + ".m3u8");
            assertThat(ended).contains("#EXT-X-ENDLIST");
            MediaPlaylist endedPlaylist = (MediaPlaylist) Playlist.parse(ended);
            MediaSegment last = endedPlaylist.segments().get(endedPlaylist.segments().size() - 1);
            assertThat(last.durationSeconds()).as("the cut-short segment is kept").isBetween(0.5, 1.6);
            Procs.Run again = procs.publish(fixture, rtmp + KEY);
            assertThat(again.await(30)).as(again.stderrText()).isZero();
            waitFor(() -> !origin.stats(KEY).live(), 5_000);
            assertThat(origin.stats(KEY).publishes()).isEqualTo(2);
            MediaPlaylist second = (MediaPlaylist) Playlist.parse(get(http + KEY + ".m3u8"));
            assertThat(second.segments().get(0).mediaSequenceNumber()).as("numbering goes on after a reconnect")
                    .isGreaterThan(last.mediaSequenceNumber());

            assertThat(other.await(30)).as(other.stderrText()).isZero();
            assertThat(otherReader.await(30)).as(otherReader.stderrText()).isZero();
            assertThat(typedPackets(procs, otherOut.toString())).isEqualTo(source());
            stalled.close();

            assertThat(origin.rtmpConnectionsFailed()).isGreaterThanOrEqualTo(3);
            // everything is freed once the playlists have lingered
            Thread.sleep(config.lingerMillis() + 100);
            waitFor(() -> {
                origin.sweepNow();
                return origin.keys().isEmpty();
            }, 10_000);
            waitFor(() -> origin.rtmpConnectionsOpen() == 0, 10_000);
        }
    }

    @Test
    void recordsEachPublishToFlvWithAKeyframeIndex() throws Exception {
        Path fixture = Fixtures.copyTo(RemuxPipelineTest.FIXTURE, dir);
        Path records = dir.resolve("records");
        OriginConfig config = OriginConfig.loopbackEphemeral().withRecordDirectory(records);
        try (LiveOrigin origin = LiveOrigin.start(config); Procs procs = new Procs(dir)) {
            Procs.Run publisher = procs.publish(fixture, "rtmp://127.0.0.1:" + origin.rtmpPort() + "/live/" + KEY);
            assertThat(publisher.await(30)).as(publisher.stderrText()).isZero();
            waitFor(() -> !origin.stats(KEY).live(), 5_000);
            Path[] file = new Path[1];
            waitFor(() -> {
                try (var list = Files.list(records)) {
                    file[0] = list.filter(f -> f.toString().endsWith(".flv")).findFirst().orElse(null);
                }
                return file[0] != null && keyframes(Files.readAllBytes(file[0])) != null;
            }, 5_000);
            assertThat(typedPackets(procs, file[0].toString())).isEqualTo(source());
            byte[] bytes = Files.readAllBytes(file[0]);
            OnMetaData.Keyframes index = keyframes(bytes);
            assertThat(index.times()).containsExactly(0.0, 1.0, 2.0, 3.0);
            for (double position : index.filepositions()) {
                int at = (int) position;
                assertThat(bytes[at]).as("a video tag").isEqualTo((byte) 9);
                assertThat(bytes[at + 11] & 0xF0).as("a keyframe").isEqualTo(0x10);
            }
        }
    }

    @Test
    void lateJoinersSeeOneVideoAndOneAudioStream() throws Exception {
        Path fixture = Fixtures.copyTo(RemuxPipelineTest.FIXTURE, dir);
        try (LiveOrigin origin = LiveOrigin.start(OriginConfig.loopbackEphemeral()); Procs procs = new Procs(dir)) {
            Procs.Run publisher = procs.publish(fixture, "rtmp://127.0.0.1:" + origin.rtmpPort() + "/live/" + KEY, "-re",
                    "-stream_loop", "3");
            waitFor(() -> origin.stats(KEY) != null && origin.stats(KEY).messagesIn() > 250, 15_000); // past 2 s
            for (String url : List.of("http://127.0.0.1:" + origin.httpPort() + "/live/" + KEY + ".flv",
                    "rtmp://127.0.0.1:" + origin.rtmpPort() + "/live/" + KEY)) {
                Procs.Run probe = procs.run(30, List.of(Procs.ffprobe(), "-v", "error", "-show_entries",
                        "stream=codec_type", "-of", "csv=p=0", url));
                assertThat(probe.process().exitValue()).as(probe.stderrText()).isZero();
                // metadata stamped at the group of pictures' time made ffmpeg show an extra data stream
                assertThat(probe.stdoutText().lines().filter(l -> !l.isBlank()).sorted().toList()).as(url)
                        .containsExactly("audio", "video");
            }
            publisher.process().destroy();
        }
    }

    static OnMetaData.Keyframes keyframes(byte[] flv) {
        OnMetaData.Keyframes[] found = new OnMetaData.Keyframes[1];
        FlvDecoder decoder = new FlvDecoder(tag -> {
            if (tag.tagType() == 18 && found[0] == null) {
                ScriptData data = ScriptData.parse(tag.body());
                if (data.name().equals(ScriptData.ON_META_DATA)) {
                    found[0] = data.onMetaData().keyframes();
                }
            }
        });
        decoder.feed(java.nio.ByteBuffer.wrap(flv));
        decoder.endOfInput();
        return found[0];
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void waitFor(Check check, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (!check.ok()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within " + millis + " ms");
            }
            Thread.sleep(20);
        }
    }

    static void writeFile(Path p, String s) throws Exception {
        Files.writeString(p, s);
    }
}
