package io.streamwire.aac;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.Corpus;
import io.streamwire.testkit.ExternalTools;
import io.streamwire.testkit.Fixtures;
import io.streamwire.testkit.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live checks against ffmpeg/ffprobe and the Comcast gaad vectors (interop profile only). */
@Tag("interop")
class AdtsInteropTest {

    @Test
    void liveFfprobeAgreesFrameByFrame(@TempDir Path dir) {
        Path ffprobe = ExternalTools.require("ffprobe", "ffmpeg");
        for (String name : List.of("sine-44100-stereo.aac", "sine-8000-mono.aac")) {
            Path file = Fixtures.copyTo("adts/" + name, dir);
            List<String> cmd = List.of(ffprobe.toString(), "-v", "error", "-show_entries",
                    "packet=pts,dts,duration,size,pos,flags", "-of", "csv=p=0", file.toString());
            List<String> packets = ExternalTools.run(60, cmd).requireSuccess(cmd).stdout().lines().toList();
            List<String> streamCmd = List.of(ffprobe.toString(), "-v", "error", "-show_entries",
                    "stream=codec_name,profile,sample_rate,channels", "-of", "default=noprint_wrappers=0", file.toString());
            List<String> stream = ExternalTools.run(60, streamCmd).requireSuccess(streamCmd).stdout().lines().toList();
            AdtsFixtureTest.assertMatchesFfprobe(Fixtures.bytes("adts/" + name), packets, stream);
        }
    }

    @Test
    void ffmpegDecodesOurRewrittenHeadersWithoutError(@TempDir Path dir) throws IOException {
        Path ffmpeg = ExternalTools.require("ffmpeg", "ffmpeg");
        byte[] source = Fixtures.bytes("adts/sine-44100-stereo.aac");
        ByteBuffer copy = ByteBuffer.allocate(source.length);
        ByteBuffer in = ByteBuffer.wrap(source);
        while (in.hasRemaining()) {
            int at = in.position();
            AdtsHeader header = AdtsHeader.parse(in);
            header.writeTo(copy);
            copy.put(source, in.position(), header.aacFrameLength() - 7);
            in.position(at + header.aacFrameLength());
        }
        assertThat(copy.array()).isEqualTo(source);
        Path out = dir.resolve("rewritten.aac");
        Files.write(out, copy.array());
        List<String> cmd = List.of(ffmpeg.toString(), "-v", "error", "-nostdin", "-i", out.toString(), "-f", "null", "-");
        ExternalTools.Result result = ExternalTools.run(60, cmd).requireSuccess(cmd);
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void comcastGaadHeadersMatchTheirExpectedFields() throws IOException {
        Path root = Corpus.resolve("comcast-gaad");
        Object expected = Json.parse(Files.readString(root.resolve("expected.json"), StandardCharsets.UTF_8));
        Map<String, Object> vectors = Json.at(expected, "vectors");
        int checked = 0;
        for (Map.Entry<String, Object> vector : vectors.entrySet()) {
            byte[] bytes = Files.readAllBytes(root.resolve(vector.getKey()));
            Map<String, Object> adts = Json.at(vector.getValue(), "adts");
            AdtsHeader header = AdtsHeader.parse(ByteBuffer.wrap(bytes));
            assertThat(header.id()).as(vector.getKey()).isEqualTo(((BigDecimal) adts.get("id")).intValue());
            assertThat(header.samplingFrequencyIndex()).as(vector.getKey())
                    .isEqualTo(((BigDecimal) adts.get("sampling_frequency_index")).intValue());
            assertThat(header.channelConfiguration()).as(vector.getKey())
                    .isEqualTo(((BigDecimal) adts.get("channel_configuration")).intValue());
            if (adts.get("frame_length") instanceof BigDecimal length) {
                assertThat(header.aacFrameLength()).as(vector.getKey()).isEqualTo(length.intValue());
            }
            checked++;
        }
        assertThat(checked).isEqualTo(7);
    }
}
