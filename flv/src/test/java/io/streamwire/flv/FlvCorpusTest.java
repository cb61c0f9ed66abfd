package io.streamwire.flv;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.amf.Amf0String;
import io.streamwire.testkit.Corpus;
import io.streamwire.testkit.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scuffle's Enhanced FLV files, Red5's recordings and exiftool's Flash.flv (interop profile). */
@Tag("interop")
class FlvCorpusTest {

    static byte[] read(String path) throws IOException {
        return Files.readAllBytes(Corpus.resolve(path));
    }

    /** Every audio/video body of the file parses; returns the parsed bodies by tag. */
    static List<Object> bodies(Collector c) {
        List<Object> out = new java.util.ArrayList<>();
        for (int i = 0; i < c.headers.size(); i++) {
            ByteBuffer b = ByteBuffer.wrap(c.bodies.get(i));
            if (c.bodies.get(i).length == 0) {
                out.add("empty"); // Red5 writes empty audio tags; an empty body has no header to parse
                continue;
            }
            switch (c.headers.get(i).tagType()) {
                case FlvTagHeader.AUDIO -> out.add(AudioTagBody.parse(b));
                case FlvTagHeader.VIDEO -> out.add(VideoTagBody.parse(b));
                default -> out.add(ScriptData.parse(b));
            }
        }
        return out;
    }

    @Test
    void scuffleHevc() throws IOException {
        Collector c = Collector.decode(read("scufflecloud-scuffle/assets/hevc_aac.flv"));
        assertThat(c.anomalies).isEmpty();
        assertThat(c.header).isEqualTo(FlvHeader.of(true, true));
        List<Object> bodies = bodies(c);
        OnMetaData m = ((ScriptData) bodies.get(0)).onMetaData();
        assertThat(m.duration()).isEqualTo(2.038);
        assertThat(m.width()).isEqualTo(3840);
        assertThat(m.height()).isEqualTo(2160);
        assertThat(m.framerate()).isEqualTo(60);
        assertThat(m.audiosamplerate()).isEqualTo(48000);
        assertThat(m.number("audiosamplesize")).isEqualTo(16);
        assertThat(m.bool("stereo")).isTrue();
        assertThat(m.audiocodecid()).isEqualTo(new OnMetaData.CodecId(10, null));
        assertThat(m.videocodecid()).isEqualTo(new OnMetaData.CodecId(-1, FourCc.HVC1));
        ExVideoData seq = (ExVideoData) bodies.get(1);
        assertThat(seq.frameType()).isEqualTo(VideoTagBody.KEY_FRAME);
        assertThat(seq.videoPacketType()).isEqualTo(ExVideoData.SEQUENCE_START);
        assertThat(seq.videoMultitrackType()).isEqualTo(-1);
        assertThat(seq.track().fourCc()).isEqualTo(FourCc.HVC1);
        assertThat(seq.track().data().get(0)).isEqualTo((byte) 1); // HEVCDecoderConfigurationRecord configurationVersion
        AudioData asc = (AudioData) bodies.get(2);
        assertThat(asc.isAacSequenceHeader()).isTrue();
        assertThat(List.of(asc.soundRate(), asc.soundSize(), asc.soundType())).containsExactly(3, 1, 1);
        assertAacLc48kStereo(asc);
        long previous = 0;
        for (int i = 3; i < bodies.size(); i++) {
            if (bodies.get(i) instanceof ExVideoData v) {
                assertThat(v.frameType()).isIn(1, 2, 5);
                if (v.videoCommand() == -1) {
                    assertThat(v.track().fourCc()).isEqualTo(FourCc.HVC1);
                }
            } else if (bodies.get(i) instanceof AudioData a) {
                assertThat(a.aacPacketType()).isEqualTo(AudioData.AAC_RAW);
            }
            long ts = c.headers.get(i).timestamp();
            assertThat(ts == 0 || ts >= previous).isTrue();
            previous = Math.max(previous, ts);
        }
        assertRoundTrips(bodies, c);
    }

    static void assertAacLc48kStereo(AudioData asc) {
        int b0 = asc.data().get(0) & 0xFF;
        int b1 = asc.data().get(1) & 0xFF;
        assertThat(b0 >>> 3).as("audioObjectType").isEqualTo(2);
        assertThat((b0 & 7) << 1 | b1 >>> 7).as("samplingFrequencyIndex (48 kHz)").isEqualTo(3);
        assertThat(b1 >>> 3 & 0xF).as("channelConfiguration").isEqualTo(2);
    }

    /** Every body we parsed writes back to the same bytes. */
    static void assertRoundTrips(List<Object> bodies, Collector c) {
        for (int i = 0; i < bodies.size(); i++) {
            Object b = bodies.get(i);
            ByteBuffer out = ByteBuffer.allocate(c.bodies.get(i).length);
            if (b instanceof AudioTagBody a) {
                a.writeTo(out);
            } else if (b instanceof VideoTagBody v) {
                v.writeTo(out);
            } else {
                continue;
            }
            assertThat(out.hasRemaining()).isFalse();
            assertThat(out.array()).as("tag %d", i).isEqualTo(c.bodies.get(i));
        }
    }

    @Test
    void scuffleAv1() throws IOException {
        Collector c = Collector.decode(read("scufflecloud-scuffle/assets/av1_aac.flv"));
        assertThat(c.anomalies).isEmpty();
        List<Object> bodies = bodies(c);
        OnMetaData m = ((ScriptData) bodies.get(0)).onMetaData();
        assertThat(m.duration()).isZero();
        assertThat(m.width()).isEqualTo(2560);
        assertThat(m.height()).isEqualTo(1440);
        assertThat(m.framerate()).isEqualTo(144);
        assertThat(m.videocodecid()).as("OBS wrote the legacy AVC id").isEqualTo(new OnMetaData.CodecId(7, null));
        AudioData asc = (AudioData) bodies.get(1);
        assertThat(asc.isAacSequenceHeader()).isTrue();
        assertAacLc48kStereo(asc);
        ExVideoData seq = (ExVideoData) bodies.get(2);
        assertThat(seq.videoPacketType()).isEqualTo(ExVideoData.SEQUENCE_START);
        assertThat(seq.track().fourCc()).isEqualTo(FourCc.AV01);
        assertThat(seq.track().data().get(0) & 0xFF).as("av1C marker|version").isEqualTo(0x81);
        ExVideoData lastVideo = null;
        for (Object b : bodies.subList(3, bodies.size())) {
            if (b instanceof ExVideoData v) {
                assertThat(v.videoPacketType()).isIn(ExVideoData.CODED_FRAMES, ExVideoData.CODED_FRAMES_X, ExVideoData.METADATA,
                        ExVideoData.SEQUENCE_END);
                lastVideo = v;
            }
        }
        assertThat(lastVideo.videoPacketType()).isEqualTo(ExVideoData.SEQUENCE_END);
        assertRoundTrips(bodies, c);
    }

    @Test
    void scuffleAvc() throws IOException {
        Collector c = Collector.decode(read("scufflecloud-scuffle/assets/avc_aac.flv"));
        assertThat(c.anomalies).isEmpty();
        List<Object> bodies = bodies(c);
        OnMetaData m = ((ScriptData) bodies.get(0)).onMetaData();
        assertThat(m.duration()).isEqualTo(1.088);
        assertThat(m.videocodecid()).isEqualTo(new OnMetaData.CodecId(7, null));
        assertThat(m.get("major_brand")).isEqualTo(new Amf0String("iso5"));
        assertThat(m.get("compatible_brands")).isEqualTo(new Amf0String("iso5iso6mp41"));
        assertThat(m.get("minor_version")).isEqualTo(new Amf0String("512"));
        VideoData seq = (VideoData) bodies.get(1);
        assertThat(seq.isAvcSequenceHeader()).isTrue();
        ByteBuffer avcc = seq.data();
        assertThat(List.of(avcc.get(1) & 0xFF, avcc.get(2) & 0xFF, avcc.get(3) & 0xFF, avcc.get(4) & 3))
                .as("profile, compatibility, level, lengthSizeMinusOne").containsExactly(100, 0, 51, 3);
        assertAacLc48kStereo((AudioData) bodies.get(2));
        VideoData last = null;
        for (Object b : bodies) {
            if (b instanceof VideoData v) {
                last = v;
            }
        }
        assertThat(last.avcPacketType()).isEqualTo(VideoData.AVC_END_OF_SEQUENCE);
        assertRoundTrips(bodies, c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"io/src/test/resources/fixtures/flashContent.flv", "io/src/test/resources/fixtures/h264_aac.flv",
        "io/src/test/resources/fixtures/h264_speex.flv", "tests/src/test/resources/fixtures/test.flv"})
    @SuppressWarnings("unchecked")
    void red5Recordings(String path) throws IOException {
        byte[] file = read("red5-server/" + path);
        Object root = Json.parse(Files.readString(Corpus.resolve("red5-server/expected.json")));
        Map<String, Object> inv = Json.at(root, "corpusCompilerInventory", path);
        Collector c = Collector.decode(file);
        // Red5 wrote h264_aac.flv with every PreviousTagSize 4 too large (it counted itself): reported, not fatal
        assertThat(c.anomalies).allSatisfy(a -> {
            assertThat(a.kind()).isEqualTo(FlvAnomalyKind.PREVIOUS_TAG_SIZE_MISMATCH);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("PreviousTagSize (\\d+) \\(expected (\\d+)\\)")
                    .matcher(a.detail());
            assertThat(m.matches()).as(a.detail()).isTrue();
            assertThat(Long.parseLong(m.group(1))).isEqualTo(Long.parseLong(m.group(2)) + 4);
        });
        if (path.endsWith("h264_aac.flv")) {
            // the file ends right after the last body, without its PreviousTagSize (accepted silently)
            assertThat(c.anomalies).hasSize(c.headers.size() - 1);
        } else {
            assertThat(c.anomalies).isEmpty();
        }
        Map<String, Object> counts = (Map<String, Object>) inv.get("tags");
        for (Map.Entry<String, Object> e : counts.entrySet()) {
            int type = switch (e.getKey()) {
                case "script" -> 18;
                case "audio" -> 8;
                default -> 9;
            };
            assertThat(c.headers.stream().filter(h -> h.tagType() == type).count()).as(e.getKey())
                    .isEqualTo(((BigDecimal) e.getValue()).longValue());
        }
        assertThat(c.headers.stream().mapToLong(FlvTagHeader::timestamp).max().orElseThrow())
                .isEqualTo(((BigDecimal) inv.get("lastTimestampMs")).longValue());
        List<Object> bodies = bodies(c);
        assertThat(bodies.subList(0, Math.min(6, bodies.size()))).doesNotContainNull();
        assertRoundTrips(bodies, c);
    }

    @Test
    void exiftoolFlashMetadata() throws IOException {
        byte[] file = read("exiftool/t/images/Flash.flv");
        Collector c = Collector.decode(file);
        // exiftool keeps only the first 1358 bytes, cut at a tag boundary: complete as far as it goes
        assertThat(c.anomalies).isEmpty();
        assertThat(c.headers).extracting(FlvTagHeader::tagType).containsExactly(18, 18, 8, 9);
        assertThat(ScriptData.parse(ByteBuffer.wrap(c.bodies.get(1))).name()).isEqualTo("onCuePoint");
        OnMetaData m = ScriptData.parse(ByteBuffer.wrap(c.bodies.get(0))).onMetaData();
        assertThat(m.duration()).isCloseTo(3.09, org.assertj.core.data.Offset.offset(0.005)); // exiftool prints 2 decimals
        assertThat(m.width()).isEqualTo(320);
        assertThat(m.height()).isEqualTo(240);
        assertThat(m.framerate()).isEqualTo(20);
        assertThat(m.videocodecid()).isEqualTo(new OnMetaData.CodecId(4, null));
        assertThat(m.audiocodecid()).isEqualTo(new OnMetaData.CodecId(2, null));
        assertThat(m.audiosamplerate()).isEqualTo(44000);
        assertThat(m.number("audiosamplesize")).isEqualTo(16);
        assertThat(m.bool("stereo")).isFalse();
        assertThat(m.bool("canSeekToEnd")).isTrue();
        assertThat(m.number("datasize")).isEqualTo(187002);
        assertThat(m.number("lasttimestamp")).isEqualTo(3.039);
        assertThat(m.number("lastkeyframetimestamp")).isEqualTo(3.039);
        assertThat(m.number("audiosize")).isEqualTo(26299);
        assertThat(m.number("videosize")).isEqualTo(159544);
        assertThat(m.number("audiodelay")).isEqualTo(0.039);
        assertThat(m.filesize()).isEqualTo(187691);
        assertThat(Math.round(m.audiodatarate() * 10) / 10.0).isEqualTo(65.8);
        assertThat(Math.round(m.videodatarate())).isEqualTo(419);
        assertThat(m.get("test").asString()).isEqualTo("this");
        assertThat(m.get("metadatacreator").asString()).isEqualTo("inlet media FLVTool2 v1.0.6 - http://www.inlet-media.de/flvtool2");
        assertThat(m.keyframes().times()).containsExactly(0.039, 0.363, 1.839, 3.039);
        assertThat(m.keyframes().filepositions()).containsExactly(1463, 32674, 143320, 181650);
        var cues = m.get("cuePoints").asProperties().isEmpty()
                ? ((io.streamwire.amf.Amf0StrictArray) m.get("cuePoints")).values() : List.<io.streamwire.amf.Amf0Value>of();
        assertThat(cues).hasSize(2);
        assertThat(cues.get(0).asProperties().get("name").asString()).isEqualTo("Cue1");
        assertThat(cues.get(0).asProperties().get("type").asString()).isEqualTo("event");
        assertThat(cues.get(1).asProperties().get("time").asNumber()).isEqualTo(0.324);
        assertThat(cues.get(1).asProperties().get("parameters").asProperties().get("param1").asString()).isEqualTo("value1");
        assertThat(cues.get(1).asProperties().get("parameters").asProperties().get("param2").asString()).isEqualTo("value2");
        // first audio/video header bits as exiftool reports them: MP3, 11025 Hz, 16-bit, mono; On2 VP6
        for (int i = 2; i < c.headers.size(); i++) {
            Object b = c.headers.get(i).tagType() == FlvTagHeader.AUDIO ? AudioTagBody.parse(ByteBuffer.wrap(c.bodies.get(i)))
                    : VideoTagBody.parse(ByteBuffer.wrap(c.bodies.get(i)));
            if (b instanceof AudioData a) {
                assertThat(List.of(a.soundFormat(), a.soundRate(), a.soundSize(), a.soundType())).containsExactly(2, 1, 1, 0);
            } else {
                assertThat(((VideoData) b).codecId()).isEqualTo(4);
            }
        }
    }
}
