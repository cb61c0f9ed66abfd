package io.streamwire.examples.origin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link OriginConfig.Limits#writeMillis()}: a reader whose connection takes no byte for that long is
 * closed (Netty's {@code WriteTimeoutHandler} on every connection), while one that reads along on the
 * same stream is not. The readers' queues are made large here so
 * that the queue limit (which drops readers that fall behind) cannot be what closes them.
 */
class WriteTimeoutTest {

    static OriginConfig config(long writeMillis) {
        return OriginConfig.loopbackEphemeral().withTimes(3_000, 2_000).withMaxQueuedBytes(256L << 20)
                .withLimits(OriginConfig.Limits.defaults().withWriteMillis(writeMillis));
    }

    private static Socket reader(int port, String key) throws Exception {
        Socket s = new Socket();
        s.setReceiveBufferSize(2048);
        s.connect(new InetSocketAddress("127.0.0.1", port));
        s.getOutputStream().write(("GET /live/" + key + ".flv HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return s;
    }

    @Test
    void aReaderThatTakesNothingIsClosedAndOneThatReadsIsNot() throws Exception {
        Resources baseline = Resources.now();
        try (LiveOrigin origin = LiveOrigin.start(config(700));
                TestPublisher fast = new TestPublisher(origin.rtmpPort(), "fast", 40, false)) {
            Resources.waitFor(fast::started, 5_000, "fast publisher started");
            Socket stalled = reader(origin.httpPort(), "fast");
            Socket live = reader(origin.httpPort(), "fast");
            live.setSoTimeout(5_000);
            InputStream liveIn = live.getInputStream();
            Resources.waitFor(() -> origin.stats("fast") != null && origin.stats("fast").flvReaders() == 2, 5_000, "2 readers");
            // 40x real time (~1.4 MB/s) fills the stalled reader's socket buffers and 1 MiB write buffer in
            // seconds; then its oldest write cannot complete, and the timeout closes it 0.7 s later
            byte[] buf = new byte[16384];
            long end = System.nanoTime() + 12_000_000_000L;
            long liveBytes = 0;
            while (System.nanoTime() < end && origin.stats("fast").flvReaders() == 2) {
                int n = liveIn.read(buf);
                assertThat(n).as("the reader that reads along is not closed").isPositive();
                liveBytes += n;
            }
            assertThat(origin.stats("fast").flvReaders()).as("the reader that took nothing was closed").isEqualTo(1);
            long more = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < more) { // and the other one goes on
                int n = liveIn.read(buf);
                assertThat(n).as("the reader that reads along is not closed").isPositive();
                liveBytes += n;
            }
            assertThat(origin.stats("fast").flvReaders()).isEqualTo(1);
            assertThat(origin.stats("fast").readersDropped()).as("not by the queue limit").isZero();
            assertThat(liveBytes).isGreaterThan(1_000_000);
            stalled.close();
            live.close();
        }
        Resources.assertBackNear(baseline, 10_000);
    }
}
