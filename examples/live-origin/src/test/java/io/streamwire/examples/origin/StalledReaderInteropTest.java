package io.streamwire.examples.origin;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.rtmp.ClientSession;
import io.streamwire.testkit.Fixtures;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers that stop reading (a 2 KiB receive window, never drained): an HTTP-FLV request and an RTMP
 * player. While ffmpeg publishes 164 s of media (6 MB, more than the kernel's socket buffers hold) at 20 times real time, both are dropped once they are
 * {@code maxQueuedBytes} behind (the RTMP one is disconnected), and an ffmpeg HTTP-FLV reader of the
 * same stream still gets every packet.
 */
@Tag("interop")
class StalledReaderInteropTest {
    @TempDir
    Path dir;

    static void flush(ClientSession s, OutputStream out) throws Exception {
        for (ByteBuffer b; (b = s.pollOutbound()) != null; ) {
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            out.write(bytes);
        }
        out.flush();
    }

    @Test
    void stalledReadersAreDroppedAndTheOthersGetEverything() throws Exception {
        Path fixture = Fixtures.copyTo(RemuxPipelineTest.FIXTURE, dir);
        OriginConfig config = OriginConfig.loopbackEphemeral().withMaxQueuedBytes(256 * 1024);
        try (LiveOrigin origin = LiveOrigin.start(config); Procs procs = new Procs(dir);
                Socket httpStalled = new Socket(); Socket rtmpStalled = new Socket()) {
            String key = "big";
            // HTTP-FLV reader that never reads
            httpStalled.setReceiveBufferSize(2048);
            httpStalled.connect(new InetSocketAddress("127.0.0.1", origin.httpPort()));
            httpStalled.getOutputStream().write(("GET /live/" + key + ".flv HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            // RTMP player that stops reading once its play has started
            rtmpStalled.setReceiveBufferSize(2048);
            rtmpStalled.connect(new InetSocketAddress("127.0.0.1", origin.rtmpPort()));
            rtmpStalled.setSoTimeout(5000);
            boolean[] started = {false};
            ClientSession player = ClientSession.player("live", "rtmp://127.0.0.1:" + origin.rtmpPort() + "/live", key,
                    new ClientSession.Listener() {
                        @Override
                        public void onPlayStarted(ClientSession session, int streamId) {
                            started[0] = true;
                        }
                    });
            OutputStream rout = rtmpStalled.getOutputStream();
            InputStream rin = rtmpStalled.getInputStream();
            flush(player, rout);
            byte[] buf = new byte[4096];
            while (!started[0]) {
                int n = rin.read(buf);
                assertThat(n).isPositive();
                player.feed(ByteBuffer.wrap(buf, 0, n));
                flush(player, rout);
            }
            // a reader that keeps up
            Path good = dir.resolve("good.flv");
            Procs.Run reader = procs.start(List.of(Procs.ffmpeg(), "-hide_banner", "-nostdin", "-v", "error", "-i",
                    "http://127.0.0.1:" + origin.httpPort() + "/live/" + key + ".flv", "-c", "copy", "-f", "flv", good.toString()));
            OriginInteropTest.waitFor(() -> origin.stats(key) != null && origin.stats(key).readers() == 3, 10_000);

            Procs.Run publisher = procs.publish(fixture, "rtmp://127.0.0.1:" + origin.rtmpPort() + "/live/" + key,
                    "-readrate", "20", "-stream_loop", "40"); // 164 s (6 MB) in ~8 s: more than the kernel buffers, still paced
            assertThat(publisher.await(60)).as(publisher.stderrText()).isZero();
            assertThat(reader.await(60)).as(reader.stderrText()).isZero();
            OriginInteropTest.waitFor(() -> !origin.stats(key).live(), 10_000);
            Channel.Stats stats = origin.stats(key);
            assertThat(stats.readersDropped()).as("both stalled readers dropped").isEqualTo(2);
            assertThat(stats.packagerErrors()).isZero();
            List<String> packets = OriginInteropTest.typedPackets(procs, good.toString());
            // 41 passes over the fixture; the origin also counts the 2 sequence headers and the end-of-sequence tag
            assertThat(packets).as("the reader that kept up got every packet").hasSize(41 * OriginInteropTest.source().size());
            assertThat(stats.messagesIn()).isEqualTo(41L * OriginInteropTest.source().size() + 3);
            // the stalled RTMP player was disconnected: draining its socket reaches the end
            rtmpStalled.setSoTimeout(10_000);
            try {
                while (rin.read(buf) >= 0) {
                    // what the kernel still held
                }
            } catch (SocketException e) {
                // reset: disconnected as well
            }
        }
    }
}
