package io.streamwire.mp4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Mp4FileReader} and {@link FragmentedMp4Reader} on ffmpeg-made files: per stream, our
 * samples equal ffprobe's packets (committed beside each fixture) field by field: pts, dts, size,
 * position, key flag, and duration wherever ffprobe gives one, except for each stream's last packet:
 * there ffprobe does not report what the file says (progressive: it trims the last AAC packet to
 * the edit list's end, 136 ticks, where stts says 1024; fragmented: it repeats the previous
 * packet's 1024 where ffmpeg's muxer wrote the trimmed 136 into the trun).
 */
class Mp4ReadersFixtureTest {

    static void assertSamplesMatchFfprobe(List<Mp4Sample> samples, List<TrackInfo> tracks, String csv) {
        assertSamplesMatch(samples, tracks, Mp4Fixtures.packets(csv), csv);
    }

    static void assertSamplesMatch(List<Mp4Sample> samples, List<TrackInfo> tracks, List<Mp4Fixtures.Packet> packets, String csv) {
        assertThat(samples).hasSameSizeAs(packets);
        for (int stream = 0; stream < tracks.size(); stream++) {
            long trackId = tracks.get(stream).trackId();
            int s = stream;
            List<Mp4Sample> ours = samples.stream().filter(x -> x.trackId() == trackId).toList();
            List<Mp4Fixtures.Packet> theirs = packets.stream().filter(p -> p.streamIndex() == s).toList();
            assertThat(ours).as("stream %d of %s", stream, csv).hasSameSizeAs(theirs);
            for (int i = 0; i < ours.size(); i++) {
                Mp4Sample o = ours.get(i);
                Mp4Fixtures.Packet p = theirs.get(i);
                String what = csv + " stream " + stream + " packet " + i;
                assertThat(o.presentationTime()).as("pts of %s", what).isEqualTo(p.pts());
                assertThat(o.decodeTime()).as("dts of %s", what).isEqualTo(p.dts());
                assertThat(o.size()).as("size of %s", what).isEqualTo(p.size());
                assertThat(o.offset()).as("pos of %s", what).isEqualTo(p.pos());
                assertThat(o.sync()).as("key flag of %s", what).isEqualTo(p.key());
                boolean last = i == ours.size() - 1;
                if (p.duration() != Long.MIN_VALUE && !last) {
                    assertThat(o.duration()).as("duration of %s", what).isEqualTo(p.duration());
                }
                assertThat(o.payload().remaining()).isEqualTo(o.size());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp4/avc-aac.mp4", "mp4/avc-aac-faststart.mp4", "mp4/hevc.mp4", "mp4/av1-opus.mp4"})
    void progressiveFilesMatchFfprobe(String file) {
        Mp4FileReader reader = Mp4FileReader.read(ByteBuffer.wrap(Mp4Fixtures.bytes(file)), Mp4Limits.defaults());
        assertSamplesMatchFfprobe(reader.samples(), reader.tracks(), file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp4/avc-aac-frag.mp4", "mp4/av1-opus-frag.mp4"})
    void fragmentedFilesMatchFfprobe(String file) {
        ByteBuffer in = ByteBuffer.wrap(Mp4Fixtures.bytes(file));
        FragmentedMp4Reader reader = new FragmentedMp4Reader(in, Mp4Limits.defaults());
        assertSamplesMatchFfprobe(reader.readSegment(in, 0), reader.tracks(), file);
    }

    @Test
    void hlsFmp4SegmentsMatchFfprobe() {
        assertSegments("mp4/hls/init.mp4", List.of("mp4/hls/seg0.m4s", "mp4/hls/seg1.m4s"), "mp4/hls/joined.mp4");
    }

    @Test
    void dashSegmentsMatchFfprobe() {
        assertSegments("mp4/dash/init-0.mp4", List.of("mp4/dash/chunk-0-001.m4s", "mp4/dash/chunk-0-002.m4s"), "mp4/dash/joined-0.mp4");
        assertSegments("mp4/dash/init-1.mp4", List.of("mp4/dash/chunk-1-001.m4s", "mp4/dash/chunk-1-002.m4s",
                "mp4/dash/chunk-1-003.m4s"), "mp4/dash/joined-1.mp4");
    }

    private static void assertSegments(String init, List<String> segments, String csv) {
        byte[] initBytes = Mp4Fixtures.bytes(init);
        FragmentedMp4Reader reader = new FragmentedMp4Reader(ByteBuffer.wrap(initBytes), Mp4Limits.defaults());
        List<Mp4Sample> samples = new ArrayList<>();
        long position = initBytes.length;
        for (String segment : segments) {
            byte[] bytes = Mp4Fixtures.bytes(segment);
            samples.addAll(reader.readSegment(ByteBuffer.wrap(bytes), position));
            position += bytes.length;
        }
        assertSamplesMatchFfprobe(samples, reader.tracks(), csv);
    }

    @Test
    void payloadsAreTheElementaryStreamsSamples() {
        Mp4FileReader reader = Mp4FileReader.read(ByteBuffer.wrap(Mp4Fixtures.bytes("mp4/avc-aac.mp4")), Mp4Limits.defaults());
        List<byte[]> video = Mp4TestSamples.videoSamples();
        List<byte[]> audio = Mp4TestSamples.audioSamples();
        for (int i = 0; i < video.size(); i++) {
            assertThat(bytes(reader.sample(0, i).payload())).isEqualTo(video.get(i));
        }
        for (int i = 0; i < audio.size(); i++) {
            assertThat(bytes(reader.sample(1, i).payload())).isEqualTo(audio.get(i));
        }
    }

    @Test
    void seekingLandsOnThePreviousSyncSample() {
        String file = "mp4/avc-aac.mp4";
        Mp4FileReader reader = Mp4FileReader.read(ByteBuffer.wrap(Mp4Fixtures.bytes(file)), Mp4Limits.defaults());
        List<Mp4Fixtures.Packet> video = Mp4Fixtures.packets(file).stream().filter(p -> p.streamIndex() == 0).toList();
        for (long t = 0; t < 25600; t += 300) {
            // expected from ffprobe: the last key packet (decode order) whose pts is at most t
            int expected = -1;
            for (int i = 0; i < video.size(); i++) {
                if (video.get(i).key() && video.get(i).pts() <= t) {
                    expected = i;
                }
            }
            assertThat(reader.syncSampleAtOrBefore(0, t)).as("seek to %d", t).isEqualTo(expected);
        }
        assertThat(reader.syncSampleAtOrBefore(0, 12800)).isEqualTo(25); // the second GOP (g=25) starts at 1 s
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }
}
