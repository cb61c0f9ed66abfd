package io.streamwire.flv;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.flv.FlvWriter.HevcForm;
import io.streamwire.testkit.Chunks;
import io.streamwire.testkit.Fixtures;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Enhanced FLV files ffmpeg 7.0 wrote (HEVC {@code hvc1}, AV1 {@code av01}, with AAC) against
 * ffmpeg 7.0's own reading of them ({@code *.framecrc.txt}: every packet's stream, dts, pts, size,
 * Adler-32 and key flag, and each decoder configuration's size and Adler-32), and the same HEVC
 * frames re-signalled as legacy CodecID 12 by {@link FlvWriter}.
 */
class EnhancedFlvFixtureTest {
    static final String HEVC = "hevc-aac-ffmpeg7.flv";
    static final String AV1 = "av1-aac-ffmpeg7.flv";

    /** Adler-32 as ffmpeg's framecrc computes it: {@code av_adler32_update(0, ...)}, initial value 0 (not 1). */
    static String adler32From0(ByteBuffer data) {
        long s1 = 0;
        long s2 = 0;
        for (int i = data.position(); i < data.limit(); i++) {
            s1 = (s1 + (data.get(i) & 0xFF)) % 65521;
            s2 = (s2 + s1) % 65521;
        }
        return String.format("0x%08x", s2 << 16 | s1);
    }

    /**
     * ffmpeg 7.0's view, one row per packet as "type,dts,pts,size,crc,key" and one per decoder
     * configuration as "type extradata,size,crc": configurations first (sorted), then the packets of
     * each stream in order, video before audio (ffmpeg interleaves streams by dts, not in file order).
     */
    static List<String> framecrc(List<String> lines) {
        Map<String, String> types = new HashMap<>();
        List<String> extradata = new ArrayList<>();
        List<String> packets = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("#media_type ")) {
                String[] kv = line.substring("#media_type ".length()).split(":\\s*");
                types.put(kv[0], kv[1].trim());
            }
        }
        for (String line : lines) {
            if (line.startsWith("#extradata ")) {
                String[] kv = line.substring("#extradata ".length()).split(":\\s*");
                String[] f = kv[1].split(",\\s*");
                extradata.add(types.get(kv[0]) + " extradata," + f[0].trim() + "," + f[1].trim());
            } else if (!line.startsWith("#")) {
                String[] f = line.split(",\\s*");
                int flags = 1;
                for (int i = 6; i < f.length; i++) {
                    if (f[i].startsWith("F=0x")) {
                        flags = Integer.parseInt(f[i].substring(4), 16);
                    }
                }
                packets.add(types.get(f[0].trim()) + "," + f[1].trim() + "," + f[2].trim() + "," + f[4].trim() + ","
                        + f[5].trim() + "," + ((flags & 1) != 0 ? "K" : "_"));
            }
        }
        return rows(extradata, packets);
    }

    private static List<String> rows(List<String> extradata, List<String> packets) {
        extradata.sort(null);
        List<String> out = new ArrayList<>(extradata);
        packets.stream().filter(p -> p.startsWith("video,")).forEach(out::add);
        packets.stream().filter(p -> !p.startsWith("video,")).forEach(out::add);
        return out;
    }

    /**
     * Our reading in the same rows: coded frames and AAC raw frames are packets, non-empty sequence
     * starts are configurations.
     */
    static List<String> ours(Collector c) {
        List<String> extradata = new ArrayList<>();
        List<String> packets = new ArrayList<>();
        for (int i = 0; i < c.headers.size(); i++) {
            long ts = c.headers.get(i).timestamp();
            ByteBuffer body = ByteBuffer.wrap(c.bodies.get(i));
            if (c.headers.get(i).tagType() == FlvTagHeader.VIDEO) {
                VideoTagBody v = VideoTagBody.parse(body);
                VideoTrack t = v.track();
                if (t == null) {
                    continue;
                }
                int type = v.videoPacketType();
                if (type == ExVideoData.SEQUENCE_START && t.data().hasRemaining()) {
                    // an empty one is no configuration: ffmpeg's muxer writes one before libaom hands it the av1C
                    extradata.add("video extradata," + t.data().remaining() + "," + adler32From0(t.data()));
                } else if (type == ExVideoData.CODED_FRAMES || type == ExVideoData.CODED_FRAMES_X) {
                    packets.add("video," + ts + "," + (ts + t.compositionTime()) + "," + t.data().remaining() + ","
                            + adler32From0(t.data()) + "," + (v.isKeyFrame() ? "K" : "_"));
                }
            } else if (c.headers.get(i).tagType() == FlvTagHeader.AUDIO) {
                AudioData a = (AudioData) AudioTagBody.parse(body);
                if (a.isAacSequenceHeader()) {
                    extradata.add("audio extradata," + a.data().remaining() + "," + adler32From0(a.data()));
                } else {
                    packets.add("audio," + ts + "," + ts + "," + a.data().remaining() + "," + adler32From0(a.data()) + ",K");
                }
            }
        }
        return rows(extradata, packets);
    }

    /**
     * The file with every HEVC body re-signalled in {@code form} by {@link FlvWriter} (other tags
     * copied); Enhanced-only HEVC packets (Metadata: HDR colorInfo) are dropped for the legacy form.
     */
    static byte[] resignal(byte[] file, HevcForm form) {
        Collector c = Collector.decode(file);
        List<Object> tags = new ArrayList<>();
        int size = FlvWriter.headerSize(c.header);
        for (int i = 0; i < c.headers.size(); i++) {
            Object tag = c.bodies.get(i);
            if (c.headers.get(i).tagType() == FlvTagHeader.VIDEO) {
                VideoTagBody v = VideoTagBody.parse(ByteBuffer.wrap(c.bodies.get(i)));
                if (v.track() != null && FourCc.HVC1.equals(v.track().fourCc())) {
                    if (v.videoPacketType() == ExVideoData.METADATA && form == HevcForm.LEGACY_CODEC_ID_12) {
                        tags.add(null);
                        continue;
                    }
                    tag = FlvWriter.hevc(form, v);
                }
            }
            tags.add(tag);
            size += tag instanceof VideoTagBody v ? FlvWriter.videoTagSize(v) : FlvWriter.tagSize(c.bodies.get(i).length);
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        FlvWriter.writeHeader(out, c.header);
        for (int i = 0; i < c.headers.size(); i++) {
            FlvTagHeader h = c.headers.get(i);
            if (tags.get(i) instanceof VideoTagBody v) {
                FlvWriter.writeVideoTag(out, h.timestamp(), v);
            } else if (tags.get(i) instanceof byte[] body) {
                FlvWriter.writeTag(out, h.tagType(), h.timestamp(), ByteBuffer.wrap(body));
            }
        }
        assertThat(out.hasRemaining()).isFalse();
        return out.array();
    }

    @ParameterizedTest
    @ValueSource(strings = {HEVC, AV1})
    void packetsAndConfigurationsEqualFfmpeg7(String name) {
        Collector c = Collector.decode(Fixtures.bytes("flv/" + name));
        assertThat(c.anomalies).isEmpty();
        List<String> theirs = framecrc(Fixtures.lines("flv/" + name + ".framecrc.txt"));
        assertThat(theirs).filteredOn(r -> r.startsWith("video,")).hasSizeGreaterThanOrEqualTo(12);
        assertThat(ours(c)).containsExactlyElementsOf(theirs);
    }

    @ParameterizedTest
    @ValueSource(strings = {HEVC, AV1})
    void codecEqualsFfprobeStreamView(String name) {
        String codec = Fixtures.lines("flv/" + name + ".streams.txt").stream()
                .filter(l -> l.startsWith("codec_name=") && !l.equals("codec_name=aac")).findFirst().orElseThrow();
        FourCc expected = codec.equals("codec_name=hevc") ? FourCc.HVC1 : codec.equals("codec_name=av1") ? FourCc.AV01 : null;
        Collector c = Collector.decode(Fixtures.bytes("flv/" + name));
        for (int i = 0; i < c.headers.size(); i++) {
            if (c.headers.get(i).tagType() == FlvTagHeader.VIDEO) {
                VideoTagBody v = VideoTagBody.parse(ByteBuffer.wrap(c.bodies.get(i)));
                assertThat(v).isInstanceOf(ExVideoData.class);
                assertThat(v.fourCc()).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {HEVC, AV1})
    void rewrittenTagByTagIsByteIdentical(String name) {
        byte[] file = Fixtures.bytes("flv/" + name);
        assertThat(resignal(file, HevcForm.ENHANCED_HVC1)).isEqualTo(file);
    }

    @Test
    void codecId12FormHasTheSamePayloadsAsTheHvc1Form() {
        byte[] hvc1 = Fixtures.bytes("flv/" + HEVC);
        byte[] legacy = resignal(hvc1, HevcForm.LEGACY_CODEC_ID_12);
        Collector c = Collector.decode(legacy);
        assertThat(c.anomalies).isEmpty();
        List<VideoTrack> legacyTracks = new ArrayList<>();
        for (int i = 0; i < c.headers.size(); i++) {
            if (c.headers.get(i).tagType() == FlvTagHeader.VIDEO) {
                VideoTagBody v = VideoTagBody.parse(ByteBuffer.wrap(c.bodies.get(i)));
                assertThat(v).isInstanceOf(VideoData.class);
                assertThat(((VideoData) v).codecId()).isEqualTo(VideoData.HEVC);
                legacyTracks.add(v.track());
            }
        }
        List<VideoTrack> hvc1Tracks = new ArrayList<>();
        Collector original = Collector.decode(hvc1);
        for (int i = 0; i < original.headers.size(); i++) {
            if (original.headers.get(i).tagType() == FlvTagHeader.VIDEO) {
                VideoTagBody v = VideoTagBody.parse(ByteBuffer.wrap(original.bodies.get(i)));
                if (v.videoPacketType() != ExVideoData.METADATA) {
                    hvc1Tracks.add(v.track());
                }
            }
        }
        assertThat(legacyTracks).hasSizeGreaterThan(16).isEqualTo(hvc1Tracks);
        // and so the same packets as ffmpeg 7.0 read from the hvc1 file
        assertThat(ours(c)).containsExactlyElementsOf(framecrc(Fixtures.lines("flv/" + HEVC + ".framecrc.txt")));
        // back to hvc1: the same tracks again
        assertThat(ours(Collector.decode(resignal(legacy, HevcForm.ENHANCED_HVC1)))).isEqualTo(ours(original));
    }

    /** MetadataInjector indexes the same key frames (the two IDR pictures, not the sequence header) in both forms. */
    @Test
    void keyframeIndexIsTheSameInBothForms() {
        byte[] hvc1 = Fixtures.bytes("flv/" + HEVC);
        OnMetaData.Keyframes enhanced = MetadataInjector.inject(hvc1).metadata().keyframes();
        OnMetaData.Keyframes legacy = MetadataInjector.inject(resignal(hvc1, HevcForm.LEGACY_CODEC_ID_12)).metadata().keyframes();
        long keyPackets = framecrc(Fixtures.lines("flv/" + HEVC + ".framecrc.txt")).stream()
                .filter(r -> r.startsWith("video,") && r.endsWith(",K")).count();
        assertThat(keyPackets).isEqualTo(2);
        assertThat(legacy.times()).hasSize(2).isEqualTo(enhanced.times());
    }

    @Test
    void codecId12FormReadsTheSameInAnyChunking() {
        byte[] legacy = resignal(Fixtures.bytes("flv/" + HEVC), HevcForm.LEGACY_CODEC_ID_12);
        List<String> whole = Collector.decode(legacy).events;
        for (long seed = 0; seed < 20; seed++) {
            assertThat(Collector.decode(Chunks.random(legacy, new Random(seed)), FlvLimits.defaults()).events).isEqualTo(whole);
        }
        assertThat(Collector.decode(Chunks.fixed(legacy, 1), FlvLimits.defaults()).events).isEqualTo(whole);
        assertThat(Collector.decode(Chunks.fixed(legacy, 7), FlvLimits.defaults(), -1, true).events).isEqualTo(whole);
    }
}
