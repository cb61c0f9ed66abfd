package io.streamwire.examples.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each attack that took the thread-per-connection origin down, on loopback, bounded in count and
 * time, against an origin serving a good stream (published in-process by {@link TestPublisher}).
 * During each attack the good stream's playlist answers quickly, a segment and HTTP-FLV bytes are
 * served and a new publish is accepted; afterwards heap after GC, open file descriptors and threads
 * are back near their baseline. Deadlines are shortened (1.5 s for request headers and for an RTMP
 * connection's role) so that the test is short; the defaults are longer.
 */
class HostileClientsTest {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static LiveOrigin origin;
    static TestPublisher good;

    static OriginConfig config(int perAddress) {
        OriginConfig c = OriginConfig.loopbackEphemeral().withTimes(3000, 2000).withMaxQueuedBytes(512 * 1024);
        return c.withLimits(new OriginConfig.Limits(20_000, perAddress, 10_000, 2_000, 20_000, 1_500, 3_000, 3_000, 1_500,
                2_000, 3_000, 64L << 20, 1 << 20, 40));
    }

    @BeforeAll
    static void start() throws Exception {
        origin = LiveOrigin.start(config(5_000));
        good = new TestPublisher(origin.rtmpPort(), "good", 1, false);
        Resources.waitFor(() -> origin.stats("good") != null && origin.stats("good").segments() >= 2, 15_000,
                "two segments of the good stream");
    }

    @AfterAll
    static void stop() throws Exception {
        good.close();
        origin.close();
    }

    static void assertGoodStreamPlays() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + origin.httpPort()
                + "/live/good.m3u8")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(millis).as("playlist answer time").isLessThan(1000);
        assertThat(r.body()).doesNotContain("#EXT-X-ENDLIST");
        String last = r.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank()).reduce((a, b) -> b).orElseThrow();
        HttpResponse<byte[]> seg = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + origin.httpPort()
                + "/live/" + last)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(seg.statusCode()).isEqualTo(200);
        assertThat(new String(seg.body(), 4, 4, StandardCharsets.US_ASCII)).as("a CMAF segment").isEqualTo("styp");
        try (Socket s = new Socket("127.0.0.1", origin.httpPort())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("GET /live/good.flv HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            int total = 0;
            while (total < 4096) {
                int n = in.read(buf);
                assertThat(n).as("HTTP-FLV bytes").isPositive();
                total += n;
            }
        }
    }

    /** A second publisher is accepted during the attack, then unpublishes. */
    static void assertNewPublishIsAccepted(String name) throws Exception {
        try (TestPublisher p = new TestPublisher(origin.rtmpPort(), name, 1, false)) {
            Resources.waitFor(() -> p.started() || p.refused(), 5_000, "publish answer");
            assertThat(p.started()).as("publish accepted during the attack").isTrue();
        }
    }

    @Test
    void requestsThatCloseBeforeTheirHeadersEndLeakNothing() throws Exception {
        Resources baseline = Resources.now();
        byte[] partial = "GET /live/good.m3u8 HTTP/1.1\r\nHost: x\r\nX-Padding: aaaaaaaa\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int batch = 0; batch < 10; batch++) {
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                Socket s = new Socket("127.0.0.1", origin.httpPort());
                s.getOutputStream().write(partial);
                sockets.add(s);
            }
            for (Socket s : sockets) {
                s.close();
            }
        }
        assertGoodStreamPlays();
        Resources.waitFor(() -> origin.httpConnectionsOpen() == 0, 10_000, "every HTTP connection closed");
        Resources.assertBackNear(baseline, 10_000);
    }

    @Test
    void oneByteASecondRequestsAreClosedAtTheHeaderDeadline() throws Exception {
        Resources baseline = Resources.now();
        long timedOut = origin.requestsTimedOut();
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            Socket s = new Socket("127.0.0.1", origin.httpPort());
            s.setSoTimeout(1);
            sockets.add(s);
        }
        byte[] request = "GET /live/good.m3u8 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        long start = System.currentTimeMillis();
        int closed = 0;
        boolean checked = false;
        for (int at = 0; closed < sockets.size() && System.currentTimeMillis() - start < 8_000; at++) {
            closed = 0;
            for (Socket s : sockets) {
                if (s.isClosed()) {
                    closed++;
                    continue;
                }
                try {
                    s.getOutputStream().write(request[at % request.length] == '\r' ? ' ' : request[at % request.length]);
                    if (s.getInputStream().read() < 0) {
                        s.close();
                    }
                } catch (java.net.SocketTimeoutException e) {
                    // still open
                } catch (IOException e) {
                    s.close();
                }
            }
            if (!checked && System.currentTimeMillis() - start > 500) {
                assertGoodStreamPlays(); // while 600 slow requests are open
                assertNewPublishIsAccepted("during-slowloris");
                checked = true;
            }
            Thread.sleep(250);
        }
        assertThat(closed).as("slow requests closed by the origin").isEqualTo(600);
        assertThat(System.currentTimeMillis() - start).as("closed near the 1.5 s header deadline").isLessThan(8_000);
        assertThat(origin.requestsTimedOut() - timedOut).isGreaterThanOrEqualTo(600);
        Resources.assertBackNear(baseline, 10_000);
    }

    @Test
    void idleRtmpConnectionsStarveNobodyAndAreClosed() throws Exception {
        Resources baseline = Resources.now();
        int before = origin.rtmpConnectionsOpen();
        List<Socket> idle = new ArrayList<>();
        for (int i = 0; i < 520; i++) {
            idle.add(new Socket("127.0.0.1", origin.rtmpPort()));
        }
        Resources.waitFor(() -> origin.rtmpConnectionsOpen() >= before + 520, 5_000, "520 idle RTMP connections open");
        assertGoodStreamPlays();
        assertNewPublishIsAccepted("during-idle-rtmp");
        Resources.waitFor(() -> origin.rtmpConnectionsOpen() <= before, 10_000, "idle RTMP connections closed");
        for (Socket s : idle) {
            s.setSoTimeout(1000);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
            s.close();
        }
        Resources.assertBackNear(baseline, 10_000);
    }

    @Test
    void flvRequestsHeldForAnUnpublishedNameStarveNobody() throws Exception {
        Resources baseline = Resources.now();
        List<Socket> held = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            Socket s = new Socket("127.0.0.1", origin.httpPort());
            s.getOutputStream().write("GET /live/nobody.flv HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            held.add(s);
        }
        Resources.waitFor(() -> origin.requestsHeld() >= 600, 5_000, "600 held HTTP-FLV requests");
        assertGoodStreamPlays();
        assertNewPublishIsAccepted("during-held-flv");
        for (Socket s : held) { // answered 404 once the play wait (3 s) is over
            s.setSoTimeout(6000);
            byte[] head = s.getInputStream().readNBytes(12);
            assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 404");
            s.close();
        }
        Resources.waitFor(() -> origin.requestsHeld() == 0, 5_000, "no request held");
        Resources.assertBackNear(baseline, 10_000);
    }

    @Test
    void aThousandFlvReadersAreAllServed() throws Exception {
        Resources baseline = Resources.now();
        int n = 1000;
        long[] got = new long[n];
        try (Selector selector = Selector.open()) {
            List<SocketChannel> readers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", origin.httpPort()));
                ch.write(ByteBuffer.wrap("GET /live/good.flv HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
                ch.configureBlocking(false);
                ch.register(selector, SelectionKey.OP_READ, i);
                readers.add(ch);
            }
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            int resets = 0;
            long end = System.currentTimeMillis() + 4_000;
            while (System.currentTimeMillis() < end) {
                selector.select(100);
                for (SelectionKey k : selector.selectedKeys()) {
                    int i = (Integer) k.attachment();
                    buf.clear();
                    int r;
                    try {
                        r = ((SocketChannel) k.channel()).read(buf);
                    } catch (IOException e) {
                        r = -1;
                    }
                    if (r < 0) {
                        resets++;
                        k.cancel();
                    } else {
                        got[i] += r;
                    }
                }
                selector.selectedKeys().clear();
            }
            assertThat(resets).as("readers closed or reset").isZero();
            for (int i = 0; i < n; i++) {
                assertThat(got[i]).as("bytes of reader " + i).isGreaterThan(20_000); // headers, GOP and live tags
            }
            assertGoodStreamPlays();
            for (SocketChannel ch : readers) {
                ch.close();
            }
        }
        Resources.waitFor(() -> origin.stats("good").flvReaders() == 0, 5_000, "readers gone");
        Resources.assertBackNear(baseline, 10_000);
    }

    @Test
    void readersThatStopReadingAreDroppedAndFreed() throws Exception {
        Resources baseline = Resources.now();
        List<Socket> stalled = new ArrayList<>();
        try (TestPublisher fast = new TestPublisher(origin.rtmpPort(), "fast", 40, false)) {
            Resources.waitFor(fast::started, 5_000, "fast publisher started");
            for (int i = 0; i < 40; i++) {
                Socket s = new Socket();
                s.setReceiveBufferSize(2048);
                s.connect(new InetSocketAddress("127.0.0.1", origin.httpPort()));
                s.getOutputStream().write("GET /live/fast.flv HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                stalled.add(s);
            }
            // 40x real time (~1.4 MB/s) fills each reader's socket buffers, 1 MiB write buffer and 512 KiB queue in seconds
            Resources.waitFor(() -> origin.stats("fast").readersDropped() >= 40, 30_000, "40 stalled readers dropped");
            assertThat(origin.stats("fast").flvReaders()).isZero();
            assertGoodStreamPlays();
            assertThat(fast.started()).isTrue();
        }
        for (Socket s : stalled) {
            s.close();
        }
        Resources.assertBackNear(baseline, 10_000);
    }

    @Test
    void hugeKeyframesDropTheStreamNotTheProcess() throws Exception {
        Resources baseline = Resources.now();
        byte[] keyframe = new byte[8 << 20];
        keyframe[0] = 0x17; // keyframe, AVC
        keyframe[1] = 1; // NALU
        int nal = keyframe.length - 9;
        keyframe[5] = (byte) (nal >>> 24);
        keyframe[6] = (byte) (nal >>> 16);
        keyframe[7] = (byte) (nal >>> 8);
        keyframe[8] = (byte) nal;
        keyframe[9] = 0x65; // IDR slice
        try (Socket s = new Socket("127.0.0.1", origin.rtmpPort())) {
            s.setSoTimeout(10_000);
            boolean[] started = {false};
            io.streamwire.rtmp.ClientSession session = io.streamwire.rtmp.ClientSession.publisher("live",
                    "rtmp://127.0.0.1/live", "huge", new io.streamwire.rtmp.ClientSession.Listener() {
                        @Override
                        public void onPublishStarted(io.streamwire.rtmp.ClientSession c, int streamId) {
                            started[0] = true;
                        }
                    });
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            while (!started[0]) {
                drainTo(session, out);
                int n = in.read(buf);
                assertThat(n).isPositive();
                session.feed(ByteBuffer.wrap(buf, 0, n));
            }
            TestPublisher.Tag avcHeader = TestPublisher.FIXTURE_TAGS.stream().filter(t -> t.type() == 9).findFirst().orElseThrow();
            session.sendMedia(9, 0, ByteBuffer.wrap(avcHeader.body()));
            boolean disconnected = false;
            try {
                for (int i = 0; i < 60; i++) { // 480 MB at most: far past the 64 MiB open-segment limit
                    session.sendMedia(9, i * 40L, ByteBuffer.wrap(keyframe));
                    drainTo(session, out);
                }
            } catch (IOException e) {
                disconnected = true; // dropped by the origin
            }
            assertThat(disconnected || s.getInputStream().read(buf) < 0).as("the publisher is dropped").isTrue();
        } catch (java.net.SocketException e) {
            // reset by the origin: dropped as well
        }
        Resources.waitFor(() -> origin.stats("huge") == null || !origin.stats("huge").live(), 5_000, "stream ended");
        assertGoodStreamPlays();
        Resources.assertBackNear(baseline, 10_000);
    }

    private static void drainTo(io.streamwire.rtmp.ClientSession session, OutputStream out) throws IOException {
        for (ByteBuffer b; (b = session.pollOutbound()) != null; ) {
            byte[] a = new byte[b.remaining()];
            b.get(a);
            out.write(a);
        }
        out.flush();
    }

    @Test
    void keepAliveConnectionsStayUsableAndSmallAnswersAreNotDelayed() throws Exception {
        int n = 300;
        List<Socket> sockets = new ArrayList<>();
        byte[] request = "GET /live/good.m3u8 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < n; i++) {
            Socket s = new Socket("127.0.0.1", origin.httpPort());
            s.setSoTimeout(5000);
            sockets.add(s);
        }
        for (int round = 0; round < 3; round++) { // every connection answers each round, none closed between them
            List<Long> millis = new ArrayList<>();
            for (Socket s : sockets) {
                long t0 = System.nanoTime();
                s.getOutputStream().write(request);
                String head = readHead(s.getInputStream());
                millis.add((System.nanoTime() - t0) / 1_000_000);
                assertThat(head).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("connection: close");
                int length = Integer.parseInt(head.replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
                assertThat(s.getInputStream().readNBytes(length)).hasSize(length);
            }
            millis.sort(null);
            assertThat(millis.get(millis.size() / 2)).as("median answer time on a kept-alive connection (no Nagle delay)")
                    .isLessThan(20);
            Thread.sleep(500);
        }
        for (Socket s : sockets) {
            s.close();
        }
    }

    static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed after " + sb);
            }
            sb.append((char) c);
        }
        return sb.toString();
    }

    @Test
    void connectionsPastThePerAddressCapAreRefused() throws Exception {
        try (LiveOrigin capped = LiveOrigin.start(config(50))) {
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Socket s = new Socket("127.0.0.1", capped.httpPort());
                s.setSoTimeout(3000);
                sockets.add(s);
            }
            Resources.waitFor(() -> capped.connectionsRefused() >= 10, 5_000, "10 connections refused");
            int open = 0;
            for (Socket s : sockets) {
                s.getOutputStream().write("GET /live/x.m3u8 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                try {
                    open += s.getInputStream().read() >= 0 ? 1 : 0;
                } catch (IOException e) {
                    // reset: refused
                }
            }
            assertThat(open).as("connections answered").isEqualTo(50);
            assertThat(capped.connectionsRefused()).isEqualTo(10);
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
