package io.streamwire.rtmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.amf.Amf0Value;
import io.streamwire.amf.AmfLimits;
import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import io.streamwire.testkit.NginxRtmp;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** {@link ClientSession} against nginx 1.22 with the RTMP module 1.2.2 (live on, record all), on loopback. */
@Tag("interop")
class NginxInteropTest {

    @ParameterizedTest(name = "offset {0} ms")
    @ValueSource(longs = {0, FfmpegInteropTest.OFFSET_MS})
    void clientSessionPublishesAndNginxRecordsTheSamePackets(long offset, @TempDir Path dir) throws Exception {
        List<FlvFile.Tag> tags = FlvFile.tags(Fixtures.bytes(FfmpegInteropTest.FIXTURE));
        Path source = Fixtures.copyTo(FfmpegInteropTest.FIXTURE, dir);
        try (NginxRtmp nginx = NginxRtmp.start(dir.resolve("nginx"))) {
            List<String> status = Collections.synchronizedList(new ArrayList<>());
            ClientSession client = ClientSession.publisher("live", "rtmp://127.0.0.1:" + nginx.port() + "/live", "key",
                    new ClientSession.Listener() {
                        @Override
                        public void onStatus(ClientSession s, int streamId, RtmpCommand.OnStatus st) {
                            status.add(st.code());
                        }
                    });
            try (ClientDriver driver = new ClientDriver(nginx.port(), client)) {
                assertThat(ClientDriver.await(10_000, client::isActive)).as("publish started; " + status + nginx.log()).isTrue();
                assertThat(client.isDigestHandshake()).as("nginx answered our digest C1 with a digest S1").isTrue();
                driver.with(s -> {
                    for (FlvFile.Tag t : tags) {
                        if (t.type() == 18) {
                            DataMessage d = DataMessage.parse(18, ByteBuffer.wrap(t.body()), 0, AmfLimits.defaults());
                            if (d instanceof DataMessage.MetaData m) {
                                s.sendMetaData(t.timestamp() + offset, m.metadata());
                            }
                        } else {
                            s.sendMedia(t.type(), t.timestamp() + offset, ByteBuffer.wrap(t.body()));
                        }
                    }
                    s.close();
                });
                Thread.sleep(300);
                assertThat(driver.errors).isEmpty();
            }
            Path recorded;
            long deadline = System.nanoTime() + 10_000_000_000L;
            do {
                Thread.sleep(100);
                try (Stream<Path> files = Files.list(nginx.recordDir())) {
                    recorded = files.filter(p -> p.toString().endsWith(".flv")).findFirst().orElse(null);
                }
            } while ((recorded == null || Files.size(recorded) < 100_000) && System.nanoTime() < deadline);
            assertThat(recorded).as(nginx.log()).isNotNull();
            Thread.sleep(500); // nginx closes the file when the publisher goes
            assertThat(FfmpegInteropTest.packets(recorded, 0)).isEqualTo(FfmpegInteropTest.packets(source, 0));
        }
    }

    @ParameterizedTest(name = "offset {0} s")
    @ValueSource(longs = {0, FfmpegInteropTest.OFFSET_MS / 1000})
    void clientSessionPlaysWhileFfmpegPublishes(long offsetSeconds, @TempDir Path dir) throws Exception {
        Path source = Fixtures.copyTo(FfmpegInteropTest.FIXTURE, dir);
        List<FlvFile.Tag> expected = FfmpegInteropTest.mediaTags();
        try (NginxRtmp nginx = NginxRtmp.start(dir.resolve("nginx"))) {
            List<TestRtmpServer.Received> media = Collections.synchronizedList(new ArrayList<>());
            List<Amf0Value> metadata = Collections.synchronizedList(new ArrayList<>());
            boolean[] ended = {false};
            ClientSession player = ClientSession.player("live", "rtmp://127.0.0.1:" + nginx.port() + "/live", "key",
                    new ClientSession.Listener() {
                        @Override
                        public void onMedia(ClientSession s, int streamId, int type, long ts, ByteBuffer body) {
                            byte[] copy = new byte[body.remaining()];
                            body.get(body.position(), copy);
                            media.add(new TestRtmpServer.Received(type, ts, copy));
                        }

                        @Override
                        public void onData(ClientSession s, int streamId, long ts, DataMessage d) {
                            if (d instanceof DataMessage.MetaData m) {
                                metadata.add(m.metadata());
                            }
                        }

                        @Override
                        public void onStreamEnded(ClientSession s, int streamId) {
                            ended[0] = true;
                        }
                    });
            try (ClientDriver driver = new ClientDriver(nginx.port(), player)) {
                assertThat(ClientDriver.await(10_000, player::isActive)).as(nginx.log()).isTrue();
                List<String> cmd = new ArrayList<>(List.of(ExternalTools.require("ffmpeg", "ffmpeg").toString(),
                        "-hide_banner", "-loglevel", "error", "-nostdin", "-re", "-i", source.toString(), "-c", "copy"));
                if (offsetSeconds > 0) {
                    cmd.addAll(List.of("-output_ts_offset", String.valueOf(offsetSeconds)));
                }
                cmd.addAll(List.of("-f", "flv", nginx.url("key")));
                ExternalTools.run(60, cmd).requireSuccess(cmd);
                assertThat(ClientDriver.await(10_000, () -> ended[0])).as("UnpublishNotify / Stream EOF seen").isTrue();
                assertThat(driver.errors).isEmpty();
            }
            assertThat(metadata).isNotEmpty();
            assertThat(media).hasSize(expected.size());
            long offset = offsetSeconds * 1000;
            // nginx sends the codec configuration (AAC, then AVC) first, so compare each track in order
            for (int type : new int[] {8, 9}) {
                List<FlvFile.Tag> want = expected.stream().filter(t -> t.type() == type).toList();
                List<TestRtmpServer.Received> got;
                synchronized (media) {
                    got = media.stream().filter(r -> r.type() == type).toList();
                }
                assertThat(got).as("track " + type).hasSize(want.size());
                for (int i = 0; i < want.size(); i++) {
                    assertThat(got.get(i).body()).as("body " + type + "/" + i).isEqualTo(want.get(i).body());
                    long shift = FfmpegInteropTest.isSequenceHeader(want.get(i)) ? 0 : offset;
                    assertThat(got.get(i).timestamp()).as("timestamp " + type + "/" + i)
                            .isEqualTo(want.get(i).timestamp() + shift);
                }
            }
        }
    }
}
