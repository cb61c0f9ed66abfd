package io.streamwire.examples.origin;

import static io.streamwire.examples.origin.CmafFixtures.AVC;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.examples.origin.CmafFixtures.Frame;
import io.streamwire.examples.origin.CmafFixtures.Sample;
import io.streamwire.examples.origin.CmafFixtures.Tag;
import io.streamwire.examples.origin.OpusFixture.Packet;
import io.streamwire.hls.MediaPlaylist;
import io.streamwire.hls.MediaSegment;
import io.streamwire.mp4.AudioSampleEntry;
import io.streamwire.mp4.BoxType;
import io.streamwire.mp4.FragmentedMp4Reader;
import io.streamwire.mp4.Mp4FileReader;
import io.streamwire.mp4.Mp4Limits;
import io.streamwire.mp4.Mp4Sample;
import io.streamwire.mp4.OpusSpecificBox;
import io.streamwire.mp4.TrackInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enhanced RTMP v2 Opus ({@link OpusFixture}: the committed libopus file's packets as ExAudioTagHeader
 * messages with FourCC {@code Opus}) through {@link CmafPackager} and {@link Mp4FileRecorder}, alone
 * and with the H.264 fixture's video: every packet read back once, in order, with its bytes and its
 * decode time as ffprobe lists it (relative to the first packet), a {@code dOps} equal to the file's,
 * and an edit list that skips the pre-skip (Opus in ISOBMFF v0.6.8 §4.4) as the source file's does.
 */
class OpusPackagerTest {
    @TempDir
    Path dir;

    /** Every Opus packet of the fixture exactly once, in order: size, payload and decode time (48 kHz ticks). */
    static void assertEveryPacket(List<Long> decodeTimes, List<byte[]> payloads, long timescale) {
        List<Packet> source = OpusFixture.packets();
        List<byte[]> sourcePayloads = OpusFixture.payloads();
        assertThat(timescale).isEqualTo(48_000); // RFC 7845 §4: Opus granule positions and timestamps run at 48 kHz
        assertThat(decodeTimes).hasSize(source.size());
        assertThat(payloads).hasSize(source.size());
        long first = source.get(0).dts();
        for (int i = 0; i < source.size(); i++) {
            Packet p = source.get(i);
            assertThat(payloads.get(i)).as("packet " + i + " " + p).hasSize(p.size()).isEqualTo(sourcePayloads.get(i));
            assertThat(decodeTimes.get(i)).as("packet " + i + " " + p).isEqualTo(p.dts() - first);
        }
    }

    /** The dOps of an init segment / file equals the source's, and its edit list skips PreSkip samples. */
    static void assertOpusTrack(TrackInfo track) {
        OpusSpecificBox source = OpusFixture.dOps();
        AudioSampleEntry entry = (AudioSampleEntry) track.sampleEntries().get(0);
        assertThat(entry.type()).isEqualTo(BoxType.OPUS);
        assertThat(entry.child(BoxType.DOPS)).isEqualTo(source);
        assertThat(entry.channelcount()).isEqualTo(source.outputChannelCount());
        assertThat(track.timeOffset()).as("edit list media_time = PreSkip (Opus in ISOBMFF v0.6.8 §4.4)")
                .isEqualTo(-source.preSkip()).isEqualTo(OpusFixture.packets().get(0).dts());
    }

    static List<Sample> audio(List<Sample> all) {
        return CmafFixtures.of(all, false, true);
    }

    @Test
    void opusAloneEveryPacketOnceInOrderWithItsDecodeTime() {
        CmafPackager p = new CmafPackager("k", CmafFixtures.config(1, 0.2), 0, 0);
        int versions = CmafPackagerTest.feedChecked(p, OpusFixture.tags(), 0);
        p.finish();
        MediaPlaylist playlist = CmafPackagerTest.valid(p.playlist().write());
        assertThat(versions).isGreaterThan(2);
        assertThat(playlist.endList()).isTrue();
        assertThat(p.framesDropped()).isZero();
        assertThat(p.codecs()).isEqualTo("opus");
        assertThat(p.width()).isZero();
        Map<Long, Integer> inits = CmafPackagerTest.initOfMsn(playlist);
        assertThat(inits.values()).containsOnly(0);
        List<TrackInfo> tracks = new FragmentedMp4Reader(ByteBuffer.wrap(p.init(0)), Mp4Limits.defaults()).tracks();
        assertThat(tracks).hasSize(1);
        assertOpusTrack(tracks.get(0));
        List<Sample> got = audio(CmafFixtures.readBack(p, 0, inits));
        assertEveryPacket(got.stream().map(s -> s.decodeTime() - tracks.get(0).timeOffset()).toList(),
                got.stream().map(Sample::payload).toList(), got.get(0).timescale());
        assertThat(got).allMatch(Sample::sync);
    }

    @Test
    void audioOnlySegmentsFillTheTargetDuration() {
        CmafPackager p = new CmafPackager("k", CmafFixtures.config(1, 0.2), 0, 0);
        CmafFixtures.feed(p, OpusFixture.tags(), 0);
        p.finish();
        MediaPlaylist playlist = CmafPackagerTest.valid(p.playlist().write());
        List<MediaSegment> segments = playlist.segments();
        double total = OpusFixture.packets().size() * 0.020;
        // every 20 ms packet starts a possible cut: each segment but the last is the target (1 s) within one packet
        assertThat(segments).hasSize((int) Math.ceil(total - 1e-9));
        for (MediaSegment s : segments.subList(0, segments.size() - 1)) {
            assertThat(s.durationSeconds()).as(playlist.write()).isGreaterThan(1.0 - 0.020 - 1e-9).isLessThanOrEqualTo(1.0);
        }
        assertThat(segments.stream().mapToDouble(MediaSegment::durationSeconds).sum())
                .isCloseTo(total, org.assertj.core.data.Offset.offset(1e-6));
        for (MediaSegment s : segments) { // every part of an audio-only stream starts with a sync sample
            assertThat(s.parts()).allMatch(io.streamwire.hls.Part::independent);
        }
    }

    @Test
    void opusWithAvcVideoEveryFrameOfBothTracks() {
        CmafPackager p = new CmafPackager("k", CmafFixtures.config(1, 0.2), 0, 0);
        CmafPackagerTest.feedChecked(p, OpusFixture.withVideoOf(AVC), 0);
        p.finish();
        MediaPlaylist playlist = CmafPackagerTest.valid(p.playlist().write());
        assertThat(p.framesDropped()).isZero();
        assertThat(p.codecs()).startsWith("avc1.64").endsWith(",opus");
        Map<Long, Integer> inits = CmafPackagerTest.initOfMsn(playlist);
        List<TrackInfo> tracks = new FragmentedMp4Reader(ByteBuffer.wrap(p.init(0)), Mp4Limits.defaults()).tracks();
        assertThat(tracks).hasSize(2);
        assertOpusTrack(tracks.get(1));
        List<Sample> all = CmafFixtures.readBack(p, 0, inits);
        List<Frame> video = CmafFixtures.of(CmafFixtures.frames(AVC), true);
        List<Sample> gotVideo = CmafFixtures.of(all, true, true);
        assertThat(gotVideo).hasSize(video.size());
        for (int i = 0; i < video.size(); i++) {
            assertThat(gotVideo.get(i).size()).as("video " + i).isEqualTo(video.get(i).size());
            assertThat(gotVideo.get(i).decodeTime()).as("video " + i).isEqualTo(video.get(i).dts() * 90);
            assertThat(gotVideo.get(i).compositionOffset()).isEqualTo((video.get(i).pts() - video.get(i).dts()) * 90);
            assertThat(gotVideo.get(i).sync()).isEqualTo(video.get(i).key());
        }
        List<Sample> got = audio(all);
        assertEveryPacket(got.stream().map(s -> s.decodeTime() - tracks.get(1).timeOffset()).toList(),
                got.stream().map(Sample::payload).toList(), got.get(0).timescale());
    }

    @Test
    void theRecordingHoldsEveryPacketWithTheSourcesOpusTrack() throws IOException {
        Mp4FileRecorder r = Mp4FileRecorder.open(dir, "k", CmafFixtures.T0);
        Mp4FileRecorderTest.record(r, OpusFixture.tags(), 0);
        Path file = r.finish();
        assertThat(file).isNotNull();
        Mp4FileReader reader = Mp4FileReader.read(ByteBuffer.wrap(Files.readAllBytes(file)), Mp4Limits.defaults());
        assertThat(reader.tracks()).hasSize(1);
        TrackInfo track = reader.tracks().get(0);
        assertOpusTrack(track);
        List<Mp4Sample> got = reader.samples(0);
        assertEveryPacket(got.stream().map(s -> s.decodeTime() - track.timeOffset()).toList(), got.stream().map(s -> {
            byte[] b = new byte[s.size()];
            s.payload().duplicate().get(b);
            return b;
        }).toList(), track.timescale());
        // the samples on the presentation timeline as ffprobe lists the source's (edit list applied)
        List<Packet> source = OpusFixture.packets();
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i).presentationTime()).as("packet " + i).isEqualTo(source.get(i).pts());
        }
    }

    @Test
    void theRecordingWithAvcVideoHoldsEveryPacketFromTheFirstKeyframe() throws IOException {
        Mp4FileRecorder r = Mp4FileRecorder.open(dir, "k", CmafFixtures.T0);
        List<Tag> tags = OpusFixture.withVideoOf(AVC);
        Mp4FileRecorderTest.record(r, tags, 0);
        Path file = r.finish();
        Mp4FileReader reader = Mp4FileReader.read(ByteBuffer.wrap(Files.readAllBytes(file)), Mp4Limits.defaults());
        assertThat(reader.tracks()).hasSize(2);
        assertThat(reader.samples(0)).hasSize(CmafFixtures.of(CmafFixtures.frames(AVC), true).size());
        TrackInfo track = reader.tracks().get(1);
        assertOpusTrack(track);
        List<Mp4Sample> got = reader.samples(1);
        assertEveryPacket(got.stream().map(s -> s.decodeTime() - track.timeOffset()).toList(), got.stream().map(s -> {
            byte[] b = new byte[s.size()];
            s.payload().duplicate().get(b);
            return b;
        }).toList(), track.timescale());
    }
}
