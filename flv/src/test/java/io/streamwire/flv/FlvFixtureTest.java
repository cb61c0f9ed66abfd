package io.streamwire.flv;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our packets against ffprobe's -show_packets for the ffmpeg-made fixtures. */
class FlvFixtureTest {

    /** One packet the way ffprobe prints it: codec_type,stream_index,pts,dts,size,pos,flags (stream index dropped). */
    static List<String> ourPackets(byte[] file) {
        Collector c = Collector.decode(file);
        assertThat(c.anomalies).isEmpty();
        List<String> packets = new ArrayList<>();
        for (int i = 0; i < c.headers.size(); i++) {
            FlvTagHeader h = c.headers.get(i);
            ByteBuffer body = ByteBuffer.wrap(c.bodies.get(i));
            long pos = c.offsets.get(i);
            if (h.tagType() == FlvTagHeader.VIDEO) {
                VideoData v = (VideoData) VideoTagBody.parse(body);
                if (v.isAvcSequenceHeader() || v.avcPacketType() == VideoData.AVC_END_OF_SEQUENCE) {
                    continue; // ffmpeg turns the sequence header into extradata and drops the end of sequence
                }
                long pts = (long) h.timestamp() + v.compositionTime();
                packets.add("video," + pts + "," + h.timestamp() + "," + v.data().remaining() + "," + pos + ","
                        + (v.isKeyFrame() ? "K_" : "__"));
            } else if (h.tagType() == FlvTagHeader.AUDIO) {
                AudioData a = (AudioData) AudioTagBody.parse(body);
                if (a.isAacSequenceHeader()) {
                    continue;
                }
                packets.add("audio," + h.timestamp() + "," + h.timestamp() + "," + a.data().remaining() + "," + pos + ",K_");
            }
        }
        return packets;
    }

    static List<String> ffprobePackets(String name) {
        List<String> out = new ArrayList<>();
        for (String line : Fixtures.lines("flv/" + name + ".packets-typed.csv")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            out.add(f[0] + "," + f[2] + "," + f[3] + "," + f[4] + "," + f[5] + "," + f[6]);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"avc-aac-bframes.flv", "avc-mp3.flv", "aac-only.flv", "ts-past-2pow24.flv", "keyframe-index.flv"})
    void packetsEqualFfprobe(String name) {
        byte[] file = Fixtures.bytes("flv/" + name);
        List<String> ours = ourPackets(file);
        List<String> theirs = ffprobePackets(name);
        assertThat(theirs).isNotEmpty();
        assertThat(ours).containsExactlyElementsOf(theirs);
    }
}
