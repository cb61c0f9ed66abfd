package io.streamwire.examples.origin;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.flv.FlvDecoder;
import io.streamwire.hls.MediaPlaylist;
import io.streamwire.hls.MediaSegment;
import io.streamwire.hls.Playlist;
import io.streamwire.hls.PlaylistValidator;
import io.streamwire.testkit.Fixtures;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Soak: 8 ffmpeg publishers (the fixture looped, real time) and 32 readers (per stream: two HTTP-FLV
 * readers and one HLS poller in this JVM, one ffmpeg RTMP player) on loopback. 15 s by default;
 * {@code -Dstreamwire.soak=60} for the 60 s. Prints heap after GC and CPU per stream.
 */
@Tag("interop")
class OriginSoakTest {
    static final int STREAMS = 8;

    @TempDir
    Path dir;

    @Test
    void eightPublishersAndThirtyTwoReaders() throws Exception {
        int seconds = Integer.getInteger("streamwire.soak", 15);
        Path fixture = Fixtures.copyTo(RemuxPipelineTest.FIXTURE, dir);
        OriginConfig config = OriginConfig.loopbackEphemeral().withSegmentFormat(OriginConfig.SegmentFormat.TS).withTimes(10_000, 60_000);
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        AtomicLong[] flvTags = new AtomicLong[STREAMS * 2];
        AtomicLong[] hlsSegments = new AtomicLong[STREAMS];
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (LiveOrigin origin = LiveOrigin.start(config); Procs procs = new Procs(dir)) {
            String http = "http://127.0.0.1:" + origin.httpPort() + "/live/";
            String rtmp = "rtmp://127.0.0.1:" + origin.rtmpPort() + "/live/";
            List<Procs.Run> players = new ArrayList<>();
            for (int s = 0; s < STREAMS; s++) {
                String key = "s" + s;
                for (int r = 0; r < 2; r++) {
                    AtomicLong count = flvTags[s * 2 + r] = new AtomicLong();
                    threads.add(start(new Thread(() -> readFlv(http + key + ".flv", count, errors))));
                }
                AtomicLong segs = hlsSegments[s] = new AtomicLong();
                threads.add(start(new Thread(() -> pollHls(http, key, seconds + 15, segs, errors))));
                players.add(procs.start(List.of(Procs.ffmpeg(), "-hide_banner", "-nostdin", "-v", "error", "-i", rtmp + key,
                        "-c", "copy", "-f", "null", "-")));
            }
            OriginInteropTest.waitFor(() -> origin.stats().stream().mapToInt(Channel.Stats::readers).sum() == 3 * STREAMS,
                    20_000);
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            List<Procs.Run> publishers = new ArrayList<>();
            for (int s = 0; s < STREAMS; s++) {
                publishers.add(procs.start(List.of(Procs.ffmpeg(), "-hide_banner", "-nostdin", "-v", "error", "-re",
                        "-stream_loop", "-1", "-i", fixture.toString(), "-t", Integer.toString(seconds), "-c", "copy",
                        "-f", "flv", rtmp + "s" + s)));
            }
            Thread.sleep(seconds * 500L);
            long heapMid = heapAfterGc();
            for (Procs.Run p : publishers) {
                assertThat(p.await(seconds + 30)).as(p.stderrText()).isZero();
            }
            long cpu = os.getProcessCpuTime() - cpu0;
            long wall = System.nanoTime() - wall0;
            for (Procs.Run p : players) {
                assertThat(p.await(30)).as(p.stderrText()).isZero();
            }
            for (Thread t : threads) {
                t.join(40_000);
                assertThat(t.isAlive()).isFalse();
            }
            long heapEnd = heapAfterGc();
            assertThat(errors).isEmpty();
            long tagsTotal = 0;
            for (int s = 0; s < STREAMS; s++) {
                Channel.Stats st = origin.stats("s" + s);
                assertThat(st.packagerErrors()).isZero();
                assertThat(st.readersDropped()).isZero();
                assertThat(st.live()).isFalse();
                assertThat(st.segments()).isGreaterThanOrEqualTo(seconds / 2 - 1);
                assertThat(st.longestSegmentSeconds()).isLessThanOrEqualTo(config.targetDurationSeconds() + 0.5);
                for (int r = 0; r < 2; r++) {
                    assertThat(flvTags[s * 2 + r].get()).as("HTTP-FLV reader got every tag").isEqualTo(st.messagesIn());
                }
                assertThat(hlsSegments[s].get()).isGreaterThanOrEqualTo(seconds / 2 - 2);
                tagsTotal += st.messagesIn();
            }
            assertThat(origin.rtmpConnectionsFailed()).isZero();
            double cpuPerStream = cpu / 1e9 / (wall / 1e9) / STREAMS * 100;
            System.out.printf("SOAK %d s, %d publishers, %d readers: %d tags in; heap after GC mid-run %.1f MiB, at end %.1f MiB;"
                    + " JVM CPU (origin + 24 in-JVM readers) %.1f%% of one core per stream%n", seconds, STREAMS, 4 * STREAMS,
                    tagsTotal, heapMid / 1048576.0, heapEnd / 1048576.0, cpuPerStream);
            assertThat(heapMid).as("bounded memory").isLessThan(256L << 20);
        }
    }

    static Thread start(Thread t) {
        t.setDaemon(true);
        t.start();
        return t;
    }

    static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Reads HTTP-FLV to the end, counting audio and video tags. */
    static void readFlv(String url, AtomicLong count, ConcurrentLinkedQueue<String> errors) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setReadTimeout(30_000);
            if (c.getResponseCode() != 200) {
                errors.add(url + " " + c.getResponseCode());
                return;
            }
            FlvDecoder decoder = new FlvDecoder(tag -> {
                if (tag.tagType() == 8 || tag.tagType() == 9) {
                    count.incrementAndGet();
                }
            });
            byte[] buf = new byte[32 * 1024];
            try (InputStream in = c.getInputStream()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    decoder.feed(ByteBuffer.wrap(buf, 0, n));
                }
            }
            decoder.endOfInput();
        } catch (Exception e) {
            errors.add(url + " " + e);
        }
    }

    /** Polls the playlist every 0.5 s, validates it, and fetches each new segment once. */
    static void pollHls(String http, String key, int seconds, AtomicLong segments, ConcurrentLinkedQueue<String> errors) {
        HttpClient client = HttpClient.newHttpClient();
        Set<Long> seen = new HashSet<>();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        try {
            while (System.nanoTime() < deadline) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(http + key + ".m3u8")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    MediaPlaylist p = (MediaPlaylist) Playlist.parse(r.body());
                    if (!PlaylistValidator.validate(p).isEmpty()) {
                        errors.add(key + " invalid playlist " + PlaylistValidator.validate(p));
                    }
                    for (MediaSegment s : p.segments()) {
                        if (seen.add(s.mediaSequenceNumber())) {
                            HttpResponse<byte[]> seg = client.send(HttpRequest.newBuilder(URI.create(http + s.uri())).build(),
                                    HttpResponse.BodyHandlers.ofByteArray());
                            if (seg.statusCode() != 200 || seg.body().length % 188 != 0 || seg.body().length == 0) {
                                errors.add(key + " segment " + s.uri() + " " + seg.statusCode());
                            }
                            segments.incrementAndGet();
                        }
                    }
                    if (p.endList()) {
                        return;
                    }
                } else if (r.statusCode() != 404) {
                    errors.add(key + " playlist " + r.statusCode());
                }
                Thread.sleep(500);
            }
            errors.add(key + " playlist never ended");
        } catch (Exception e) {
            errors.add(key + " " + e);
        }
    }
}
