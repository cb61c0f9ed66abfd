package io.streamwire.examples.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.streamwire.flv.AudioData;
import io.streamwire.flv.ExAudioData;
import io.streamwire.flv.FlvWriter;
import io.streamwire.flv.FourCc;
import io.streamwire.flv.VideoData;
import io.streamwire.flv.VideoTagBody;
import io.streamwire.mp4.BoxType;
import io.streamwire.mp4.CodecConfigurationBox;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stream info from the sequence headers of the flv module's fixtures, checked against the ffprobe
 * views committed beside them ({@code *.streams.txt}); codec strings are checked in
 * {@link StreamInfoInteropTest} against ffmpeg, and here against the spec's layout of the records.
 */
class StreamInfoTest {
    /** The first video and audio sequence-header bodies of an FLV file (Adobe FLV/F4V v10.1 §E.2, §E.3). */
    record Headers(ByteBuffer video, ByteBuffer audio) {}

    static Path fixture(String name) {
        String root = System.getProperty("streamwire.root");
        if (root == null || root.isBlank()) {
            return fail("system property streamwire.root is not set; run through Maven");
        }
        Path path = Path.of(root, "flv", "src", "test", "resources", "fixtures", "flv", name);
        if (!Files.isRegularFile(path)) {
            return fail("fixture missing: " + path + " (regenerate with scripts/make-fixtures.sh flv)");
        }
        return path;
    }

    /** Walks the tags by hand (header 9 + PreviousTagSize0, then 11-byte tag headers) and keeps the first sequence headers. */
    static Headers headers(String name) throws IOException {
        ByteBuffer f = ByteBuffer.wrap(Files.readAllBytes(fixture(name)));
        int p = f.getInt(5) + 4; // DataOffset, then PreviousTagSize0
        ByteBuffer video = null;
        ByteBuffer audio = null;
        while (p + 11 <= f.limit()) {
            int type = f.get(p) & 0x1F;
            int size = (f.getInt(p) & 0xFFFFFF);
            ByteBuffer body = f.slice(p + 11, size);
            if (type == 9 && video == null && VideoData.isSequenceHeader(body) && StreamInfo.video(body).width() > 0) {
                video = body;
            } else if (type == 8 && audio == null && AudioData.isSequenceHeader(body)) {
                audio = body;
            }
            p += 11 + size + 4;
        }
        return new Headers(video, audio);
    }

    /** ffprobe's {@code key=value} lines of the stream whose codec_type is {@code type}. */
    static Map<String, String> probed(String name, String type) throws IOException {
        Map<String, String> current = new HashMap<>();
        for (String line : Files.readAllLines(fixture(name + ".streams.txt"))) {
            if (line.equals("[STREAM]")) {
                current = new HashMap<>();
            } else if (line.equals("[/STREAM]") && type.equals(current.get("codec_type"))) {
                return current;
            } else if (line.contains("=")) {
                current.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return fail("no " + type + " stream in " + name + ".streams.txt");
    }

    static double rate(String ffprobeRate) {
        String[] nd = ffprobeRate.split("/");
        return Double.parseDouble(nd[0]) / Double.parseDouble(nd[1]);
    }

    @ParameterizedTest
    @CsvSource({"avc-aac-bframes.flv", "keyframe-index.flv", "avc-mp3.flv", "hevc-aac-ffmpeg7.flv", "av1-aac-ffmpeg7.flv"})
    void videoMatchesFfprobe(String name) throws IOException {
        Map<String, String> expected = probed(name, "video");
        StreamInfo info = StreamInfo.video(headers(name).video());
        assertThat(info.codec()).isEqualTo(expected.get("codec_name"));
        assertThat(info.width()).isEqualTo(Integer.parseInt(expected.get("width")));
        assertThat(info.height()).isEqualTo(Integer.parseInt(expected.get("height")));
        if (!name.startsWith("av1")) { // libaom writes no timing_info: 0 there, as documented
            assertThat(info.frameRate()).isEqualTo(rate(expected.get("r_frame_rate")));
        } else {
            assertThat(info.frameRate()).isZero();
        }
        assertThat(info.isVideo()).isTrue();
        assertThat(info.sampleRate()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"avc-aac-bframes.flv", "aac-only.flv", "hevc-aac-ffmpeg7.flv", "av1-aac-ffmpeg7.flv"})
    void aacMatchesFfprobe(String name) throws IOException {
        Map<String, String> expected = probed(name, "audio");
        StreamInfo info = StreamInfo.audio(headers(name).audio());
        assertThat(info.codec()).isEqualTo(expected.get("codec_name"));
        assertThat(info.sampleRate()).isEqualTo(Integer.parseInt(expected.get("sample_rate")));
        assertThat(info.channels()).isEqualTo(Integer.parseInt(expected.get("channels")));
        assertThat(info.codecString()).isEqualTo("mp4a.40.2"); // ffprobe profile LC: audioObjectType 2 (ISO/IEC 14496-3 Table 1.3)
        assertThat(expected.get("profile")).isEqualTo("LC");
        assertThat(info.isVideo()).isFalse();
    }

    @Test
    void legacyMp3FromTheTagHeader() throws IOException {
        Map<String, String> expected = probed("avc-mp3.flv", "audio");
        ByteBuffer f = ByteBuffer.wrap(Files.readAllBytes(fixture("avc-mp3.flv")));
        int p = f.getInt(5) + 4;
        while ((f.get(p) & 0x1F) != 8) {
            p += 11 + (f.getInt(p) & 0xFFFFFF) + 4;
        }
        StreamInfo info = StreamInfo.audio(f.slice(p + 11, f.getInt(p) & 0xFFFFFF));
        assertThat(info.codec()).isEqualTo(expected.get("codec_name"));
        assertThat(info.sampleRate()).isEqualTo(Integer.parseInt(expected.get("sample_rate")));
        assertThat(info.channels()).isEqualTo(Integer.parseInt(expected.get("channels")));
        assertThat(info.codecString()).isEqualTo("mp4a.40.34"); // MPEG-1/2 Layer III, audioObjectType 34 (14496-3 Table 1.3)
    }

    @Test
    void codecStringsFollowTheRecordLayouts() throws IOException {
        // avc1.PPCCLL: AVCProfileIndication, profile_compatibility, AVCLevelIndication (ISO/IEC 14496-15 §5.3.3.1,
        // RFC 6381 §3.3); ffprobe says Main (profile_idc 77 = 0x4D)
        ByteBuffer avcC = VideoTagBody.parse(headers("avc-aac-bframes.flv").video().duplicate()).track().data();
        String avc = StreamInfo.video(headers("avc-aac-bframes.flv").video()).codecString();
        assertThat(avc).isEqualTo(String.format("avc1.%02X%02X%02X", avcC.get(1), avcC.get(2), avcC.get(3))).startsWith("avc1.4D");
        // hvc1: the h265 module's string equals the mp4 module's, which reads the hvcC bytes itself
        ByteBuffer hvcC = VideoTagBody.parse(headers("hevc-aac-ffmpeg7.flv").video().duplicate()).track().data();
        assertThat(StreamInfo.video(headers("hevc-aac-ffmpeg7.flv").video()).codecString())
                .isEqualTo(new CodecConfigurationBox(BoxType.HVCC, hvcC).codecString(BoxType.of("hvc1")))
                .startsWith("hvc1.1."); // Main: general_profile_idc 1 (ITU-T H.265 §A.3.2)
        assertThat(StreamInfo.video(headers("av1-aac-ffmpeg7.flv").video()).codecString()).startsWith("av01.0."); // Main: seq_profile 0
    }

    @Test
    void legacyHevcCodecId12GivesTheSameInfo() throws IOException {
        ByteBuffer enhanced = headers("hevc-aac-ffmpeg7.flv").video();
        VideoTagBody legacy = FlvWriter.hevc(FlvWriter.HevcForm.LEGACY_CODEC_ID_12, VideoTagBody.parse(enhanced.duplicate()));
        ByteBuffer body = ByteBuffer.allocate(legacy.encodedSize());
        legacy.writeTo(body);
        body.flip();
        assertThat(body.get(0) & 0x0F).isEqualTo(12);
        assertThat(StreamInfo.video(body)).isEqualTo(StreamInfo.video(enhanced));
    }

    @Test
    void emptyAv1SequenceStartGivesTheCodecOnly() {
        // ffmpeg 7.0 sends an empty av01 SequenceStart before the real one (fixture README)
        ByteBuffer body = ByteBuffer.allocate(5).put((byte) 0x90).putInt(FourCc.AV01.value()).flip();
        assertThat(StreamInfo.video(body)).isEqualTo(new StreamInfo("av1", "", 0, 0, 0, 0, 0));
    }

    @Test
    void opusHeadFromAnEnhancedAudioSequenceStart() {
        // OpusHead, RFC 7845 §5.1: magic, version 1, 2 channels, pre-skip 312, input rate 44100, gain 0, family 0
        ByteBuffer head = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN);
        head.put("OpusHead".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 2).putShort((short) 312)
                .putInt(44_100).putShort((short) 0).put((byte) 0).flip();
        ExAudioData ex = ExAudioData.of(ExAudioData.SEQUENCE_START, FourCc.OPUS, head);
        ByteBuffer body = ByteBuffer.allocate(ex.encodedSize());
        ex.writeTo(body);
        body.flip();
        assertThat(StreamInfo.audio(body)).isEqualTo(new StreamInfo("opus", "opus", 0, 0, 0, 48_000, 2));
        ByteBuffer frames = ByteBuffer.allocate(6);
        ExAudioData.of(ExAudioData.CODED_FRAMES, FourCc.OPUS, ByteBuffer.wrap(new byte[] {1})).writeTo(frames);
        assertThat(StreamInfo.audio(frames.flip()).codec()).isEqualTo("opus");
    }

    @Test
    void notSequenceHeadersGiveTheCodecOnly() {
        ByteBuffer avcFrame = ByteBuffer.wrap(new byte[] {0x27, 1, 0, 0, 0, 0, 0, 0, 1, 0x41});
        assertThat(StreamInfo.video(avcFrame)).isEqualTo(new StreamInfo("h264", "", 0, 0, 0, 0, 0));
        ByteBuffer aacRaw = ByteBuffer.wrap(new byte[] {(byte) 0xAF, 1, 0x21});
        assertThat(StreamInfo.audio(aacRaw).codec()).isEqualTo("aac");
        assertThat(StreamInfo.video(ByteBuffer.wrap(new byte[] {0x12, 0, 0})).codec()).isEqualTo("flv1");
    }

    @Test
    void badInputNeverThrowsAndLeavesTheBufferAlone() throws IOException {
        assertThat(StreamInfo.video(ByteBuffer.allocate(0))).isEqualTo(StreamInfo.EMPTY);
        assertThat(StreamInfo.audio(ByteBuffer.allocate(0))).isEqualTo(StreamInfo.EMPTY);
        Random random = new Random(7);
        for (String name : new String[] {"avc-aac-bframes.flv", "hevc-aac-ffmpeg7.flv", "av1-aac-ffmpeg7.flv"}) {
            Headers h = headers(name);
            for (ByteBuffer original : new ByteBuffer[] {h.video(), h.audio()}) {
                byte[] bytes = new byte[original.remaining()];
                original.duplicate().get(bytes);
                for (int cut = 0; cut < bytes.length; cut++) {
                    ByteBuffer b = ByteBuffer.wrap(bytes, 0, cut);
                    StreamInfo.video(b);
                    StreamInfo.audio(b);
                    assertThat(b.position()).isZero();
                    assertThat(b.limit()).isEqualTo(cut);
                }
                for (int i = 0; i < 2000; i++) {
                    byte[] mutated = bytes.clone();
                    for (int k = 0; k < 1 + random.nextInt(4); k++) {
                        mutated[random.nextInt(mutated.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                    StreamInfo v = StreamInfo.video(ByteBuffer.wrap(mutated));
                    StreamInfo a = StreamInfo.audio(ByteBuffer.wrap(mutated));
                    assertThat(v.width()).isBetween(0, 1 << 16);
                    assertThat(a.channels()).isBetween(0, 255);
                }
            }
        }
    }
}
