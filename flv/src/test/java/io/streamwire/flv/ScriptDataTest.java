package io.streamwire.flv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.amf.Amf0Number;
import io.streamwire.amf.Amf0String;
import io.streamwire.amf.Amf0Value;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptDataTest {

    static ScriptData firstScript(byte[] file) {
        Collector c = Collector.decode(file);
        for (int i = 0; i < c.headers.size(); i++) {
            if (c.headers.get(i).tagType() == FlvTagHeader.SCRIPT_DATA) {
                return ScriptData.parse(ByteBuffer.wrap(c.bodies.get(i)));
            }
        }
        throw new AssertionError("no script tag");
    }

    /** ffmpeg prints onMetaData numbers it does not consume as format tags with "%.f", booleans as true/false. */
    static String ffmpegFormat(Amf0Value v) {
        if (v instanceof Amf0Number n) {
            return String.format(java.util.Locale.ROOT, "%.0f", n.value());
        }
        if (v instanceof io.streamwire.amf.Amf0Boolean b) {
            return b.value() ? "true" : "false";
        }
        return v.asString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"avc-aac-bframes.flv", "avc-mp3.flv", "aac-only.flv", "ts-past-2pow24.flv", "keyframe-index.flv"})
    void onMetaDataEqualsFfprobeFormatTags(String name) {
        OnMetaData meta = firstScript(Fixtures.bytes("flv/" + name)).onMetaData();
        assertThat(meta).isNotNull();
        int tags = 0;
        for (String line : Fixtures.lines("flv/" + name + ".format.txt")) {
            if (line.startsWith("TAG:")) {
                String[] kv = line.substring(4).split("=", 2);
                assertThat(meta.get(kv[0])).as(kv[0]).isNotNull();
                assertThat(ffmpegFormat(meta.get(kv[0]))).as(kv[0]).isEqualTo(kv[1]);
                tags++;
            } else if (line.startsWith("duration=")) {
                assertThat(meta.duration()).isCloseTo(Double.parseDouble(line.substring(9)), org.assertj.core.data.Offset.offset(1e-6));
            }
        }
        assertThat(tags).isEqualTo(name.equals("keyframe-index.flv") ? 11 : 0);
        boolean video = !name.equals("aac-only.flv");
        if (video) {
            assertThat(meta.width()).isEqualTo(320);
            assertThat(meta.height()).isEqualTo(240);
            assertThat(meta.framerate()).isEqualTo(25);
            assertThat(meta.videocodecid()).isEqualTo(new OnMetaData.CodecId(7, null));
        }
        assertThat(meta.audiocodecid()).isEqualTo(new OnMetaData.CodecId(name.equals("avc-mp3.flv") ? 2 : 10, null));
        assertThat(meta.audiosamplerate()).isEqualTo(44100);
    }

    @Test
    void keyframesIndexPointsAtKeyFrameTags() {
        byte[] file = Fixtures.bytes("flv/keyframe-index.flv");
        OnMetaData.Keyframes k = firstScript(file).onMetaData().keyframes();
        assertThat(k).isNotNull();
        Collector c = Collector.decode(file);
        List<Double> keyOffsets = new ArrayList<>();
        List<Double> keyTimes = new ArrayList<>();
        for (int i = 0; i < c.headers.size(); i++) {
            if (c.headers.get(i).tagType() == FlvTagHeader.VIDEO) {
                VideoData v = (VideoData) VideoTagBody.parse(ByteBuffer.wrap(c.bodies.get(i)));
                if (v.isKeyFrame() && v.avcPacketType() == VideoData.AVC_NALU) {
                    keyOffsets.add((double) c.offsets.get(i));
                    keyTimes.add(c.headers.get(i).timestamp() / 1000.0);
                }
            }
        }
        assertThat(k.filepositions()).containsExactly(keyOffsets.stream().mapToDouble(Double::doubleValue).toArray());
        assertThat(k.times()).containsExactly(keyTimes.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    void setDataFrameAsPublishersSendIt() {
        Map<String, Amf0Value> p = new LinkedHashMap<>();
        p.put("width", new Amf0Number(1280));
        p.put("videocodecid", new Amf0Number(Integer.toUnsignedLong(FourCc.HVC1.value())));
        p.put("encoder", new Amf0String("obs-output module"));
        OnMetaData meta = new OnMetaData(p);
        ScriptData publish = ScriptData.setDataFrame(meta);
        ByteBuffer out = ByteBuffer.allocate(publish.encodedSize());
        publish.writeTo(out);
        ScriptData back = ScriptData.parse(out.flip());
        assertThat(back).isEqualTo(publish);
        assertThat(back.name()).isEqualTo("@setDataFrame");
        assertThat(back.onMetaData()).isEqualTo(meta);
        assertThat(back.onMetaData().videocodecid()).isEqualTo(new OnMetaData.CodecId(-1, FourCc.HVC1));
        assertThat(back.withoutSetDataFrame()).isEqualTo(ScriptData.of(meta));
        assertThat(OnMetaData.CodecId.of(new Amf0String("av01"))).isEqualTo(new OnMetaData.CodecId(-1, FourCc.AV01));
    }

    @Test
    void malformedScriptIsAnFlvExceptionWithOffset() {
        ByteBuffer in = ByteBuffer.wrap(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8});
        assertThatThrownBy(() -> ScriptData.parse(in)).isInstanceOfSatisfying(FlvException.class,
                e -> assertThat(e.field()).isEqualTo("script name"));
        ByteBuffer bad = ByteBuffer.wrap(new byte[] {2, 0, 1, 'x', 4});
        assertThatThrownBy(() -> ScriptData.parse(bad)).isInstanceOfSatisfying(FlvException.class, e -> {
            assertThat(e.field()).isEqualTo("script amf0 type-marker");
            assertThat(e.offset()).isEqualTo(4);
        });
        assertThat(bad.position()).isZero();
    }

    @Test
    void injectionComputesDurationAndKeyframes() {
        byte[] file = Fixtures.bytes("flv/avc-aac-bframes.flv");
        MetadataInjector.Result r = MetadataInjector.inject(file);
        OnMetaData m = r.metadata();
        assertThat(r.anomalies()).isEmpty();
        assertThat(m.filesize()).isEqualTo(r.file().length);
        assertThat(m.width()).isEqualTo(320); // kept from ffmpeg's onMetaData
        assertThat(m.bool("hasKeyframes")).isTrue();
        // our reader agrees with what was injected
        Collector c = Collector.decode(r.file());
        assertThat(c.anomalies).isEmpty();
        assertThat(ScriptData.parse(ByteBuffer.wrap(c.bodies.get(0))).onMetaData()).isEqualTo(m);
        double[] positions = m.keyframes().filepositions();
        assertThat(positions).isNotEmpty();
        for (double pos : positions) {
            int i = c.offsets.indexOf((long) pos);
            assertThat(i).as("a tag starts at %s", pos).isPositive();
            assertThat(((VideoData) VideoTagBody.parse(ByteBuffer.wrap(c.bodies.get(i)))).isKeyFrame()).isTrue();
        }
        long lastTs = c.headers.stream().filter(h -> h.tagType() != FlvTagHeader.SCRIPT_DATA)
                .mapToLong(FlvTagHeader::timestamp).max().orElseThrow();
        assertThat(m.duration()).isEqualTo(lastTs / 1000.0);
        // same media tags in the same order
        Collector original = Collector.decode(file);
        assertThat(c.headers.subList(1, c.headers.size())).isEqualTo(original.headers.subList(1, original.headers.size()));
        // idempotent
        assertThat(MetadataInjector.inject(r.file()).file()).isEqualTo(r.file());
    }
}
