package io.streamwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ffmpeg 5.1 publishes the 4 s H.264+AAC fixture to the README's recorder
 * ({@link FlvRecordingReadmeExampleTest#record}, a {@code ServerSession} over loopback), which writes
 * the FLV with {@code FlvStreamWriter}; ffprobe must find the source's packets in it and ffmpeg must
 * decode it without a message.
 */
@Tag("interop")
class FlvRecordingInteropTest {
    static final String FIXTURE = "flv/h264-aac-4s.flv";

    private void publishRecordAndCompare(Path dir, long offsetSeconds) throws Exception {
        Path source = Fixtures.copyTo(FIXTURE, dir);
        Path recordings = Files.createDirectory(dir.resolve("recordings"));
        Path out = recordings.resolve("cam1.flv");
        try (ServerSocket listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            FlvRecordingReadmeExampleTest.serve(listener, recordings);
            List<String> cmd = new ArrayList<>(List.of(ExternalTools.require("ffmpeg", "ffmpeg").toString(), "-hide_banner",
                    "-loglevel", "error", "-nostdin", "-i", source.toString(), "-c", "copy"));
            if (offsetSeconds != 0) {
                cmd.addAll(List.of("-output_ts_offset", String.valueOf(offsetSeconds)));
            }
            cmd.addAll(List.of("-f", "flv", "rtmp://127.0.0.1:" + listener.getLocalPort() + "/live/cam1"));
            ExternalTools.run(60, cmd).requireSuccess(cmd);
            // ffmpeg has closed its connection: wait until the recorder has closed the file (its size stops changing)
            long deadline = System.nanoTime() + 10_000_000_000L;
            long last = -1;
            while (System.nanoTime() < deadline) {
                Thread.sleep(100);
                long size = Files.exists(out) ? Files.size(out) : -1;
                if (size > 0 && size == last) {
                    break;
                }
                last = size;
            }
        }
        assertThat(packets(out, offsetSeconds * 1000)).isEqualTo(packets(source, 0)).isNotEmpty();
        List<String> decode = List.of(ExternalTools.require("ffmpeg", "ffmpeg").toString(), "-hide_banner", "-nostdin",
                "-v", "error", "-i", out.toString(), "-f", "null", "-");
        ExternalTools.Result r = ExternalTools.run(60, decode).requireSuccess(decode);
        assertThat(r.stderr()).as("ffmpeg -v error decoding the recording").isEmpty();
        List<String> format = List.of(ExternalTools.require("ffprobe", "ffmpeg").toString(), "-v", "error",
                "-show_entries", "stream=codec_name,width,height,sample_rate,channels", "-of", "csv=p=0", out.toString());
        ExternalTools.Result probe = ExternalTools.run(60, format).requireSuccess(format);
        assertThat(probe.stderr()).isEmpty();
        List<String> sourceFormat = new ArrayList<>(format);
        sourceFormat.set(sourceFormat.size() - 1, source.toString());
        assertThat(probe.stdout()).isEqualTo(ExternalTools.run(60, sourceFormat).requireSuccess(sourceFormat).stdout());
    }

    /** ffprobe's packets as "type,pts,dts,size,flags" (pos differs between files), shifted back by {@code offsetMs}. */
    static List<String> packets(Path file, long offsetMs) {
        List<String> cmd = List.of(ExternalTools.require("ffprobe", "ffmpeg").toString(), "-v", "error", "-show_entries",
                "packet=codec_type,pts,dts,size,flags", "-of", "csv=p=0", file.toString());
        ExternalTools.Result r = ExternalTools.run(60, cmd).requireSuccess(cmd);
        assertThat(r.stderr()).as("ffprobe messages on " + file).isEmpty();
        List<String> rows = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            rows.add(f[0] + "," + (Long.parseLong(f[1]) - offsetMs) + "," + (Long.parseLong(f[2]) - offsetMs) + "," + f[3]
                    + "," + f[4]);
        }
        return rows;
    }

    @Test
    void ffmpegPublishRecordedWithTheSamePackets(@TempDir Path dir) throws Exception {
        publishRecordAndCompare(dir, 0);
    }

    @Test
    void ffmpegPublishPast2To24MillisecondsRecordedWithTheSamePackets(@TempDir Path dir) throws Exception {
        publishRecordAndCompare(dir, 16_800); // every media timestamp past 2^24 ms: TimestampExtended in use
    }
}
