package io.streamwire.examples.origin;

import static io.streamwire.examples.origin.CmafFixtures.AV1;
import static io.streamwire.examples.origin.CmafFixtures.AVC;
import static io.streamwire.examples.origin.CmafFixtures.HEVC;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.examples.origin.CmafFixtures.Frame;
import io.streamwire.examples.origin.CmafFixtures.Tag;
import io.streamwire.mp4.BoxType;
import io.streamwire.mp4.Mp4FileReader;
import io.streamwire.mp4.Mp4Limits;
import io.streamwire.mp4.Mp4Sample;
import io.streamwire.mp4.TrackInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Mp4FileRecorder} on the committed FLV fixtures, read back with the mp4 module's {@link Mp4FileReader}. */
class Mp4FileRecorderTest {
    @TempDir
    Path dir;

    static void record(Mp4FileRecorder r, List<Tag> tags, long shiftMs) {
        for (Tag t : tags) {
            r.write(t.type(), t.ms() + shiftMs, ByteBuffer.wrap(t.body()));
        }
    }

    static List<String> topLevelBoxes(byte[] file) {
        List<String> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(file);
        while (b.remaining() >= 8) {
            long size = b.getInt(b.position()) & 0xFFFF_FFFFL;
            out.add(new String(file, b.position() + 4, 4, StandardCharsets.US_ASCII));
            if (size == 1) {
                size = b.getLong(b.position() + 8);
            }
            b.position((int) (b.position() + size));
        }
        return out;
    }

    /** Every frame from the first video keyframe on, in order, with its timing relative to that keyframe. */
    static void assertRecorded(byte[] file, List<Frame> source) {
        Mp4FileReader reader = Mp4FileReader.read(ByteBuffer.wrap(file), Mp4Limits.defaults());
        List<TrackInfo> tracks = reader.tracks();
        long firstVideoDts = CmafFixtures.of(source, true).get(0).dts();
        long t0 = Long.MAX_VALUE;
        for (boolean video : new boolean[] {true, false}) {
            List<Frame> expected = CmafFixtures.of(source, video).stream().filter(f -> f.dts() >= firstVideoDts).toList();
            t0 = Math.min(t0, video ? expected.get(0).pts() : expected.get(0).dts());
        }
        for (int t = 0; t < tracks.size(); t++) {
            boolean video = tracks.get(t).handlerType().equals(BoxType.VIDE);
            List<Frame> expected = CmafFixtures.of(source, video).stream().filter(f -> f.dts() >= firstVideoDts).toList();
            List<Mp4Sample> got = reader.samples(t);
            long scale = tracks.get(t).timescale();
            assertThat(got).as(video ? "video" : "audio").hasSize(expected.size());
            for (int i = 0; i < got.size(); i++) {
                Mp4Sample s = got.get(i);
                Frame e = expected.get(i);
                String what = (video ? "video " : "audio ") + i + " " + e;
                long adler = CmafFixtures.adler0(s.payload());
                if (s.size() == e.size() - 2 && e.adler() >= 0) { // AV1 temporal delimiter left out
                    byte[] all = new byte[s.size() + 2];
                    all[0] = 0x12;
                    s.payload().duplicate().get(all, 2, s.size());
                    adler = CmafFixtures.adler0(ByteBuffer.wrap(all));
                } else {
                    assertThat(s.size()).as(what).isEqualTo(e.size());
                }
                if (e.adler() >= 0) {
                    assertThat(adler).as(what).isEqualTo(e.adler());
                }
                // presentation on the movie timeline: the source's, from the earliest first presentation time
                long presented = video ? e.pts() : e.dts();
                assertThat((double) s.presentationTime() * 1000 / scale).as(what).isCloseTo(presented - t0,
                        org.assertj.core.data.Offset.offset(video ? 0.01 : 1.0));
                if (video) {
                    assertThat(s.sync()).as(what).isEqualTo(e.key());
                    assertThat(s.decodeTime() - got.get(0).decodeTime()).as(what).isEqualTo((e.dts() - firstVideoDts) * 90);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {AVC, HEVC, AV1})
    void recordsEveryFrameIntoAFaststartFile(String fixture) throws IOException {
        Mp4FileRecorder r = Mp4FileRecorder.open(dir, "k", CmafFixtures.T0);
        record(r, CmafFixtures.tags(fixture), 0);
        Path file = r.finish();
        assertThat(file).isEqualTo(dir.resolve("k-" + CmafFixtures.T0.toEpochMilli() + ".mp4"));
        assertThat(r.finish()).isEqualTo(file); // idempotent
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.toList()).containsExactly(file); // no part or tmp file left
        }
        byte[] bytes = Files.readAllBytes(file);
        assertThat(topLevelBoxes(bytes)).containsExactly("ftyp", "moov", "mdat");
        assertRecorded(bytes, CmafFixtures.frames(fixture));
    }

    @Test
    void aNewSequenceHeaderStartsANewFile() throws IOException {
        Mp4FileRecorder r = Mp4FileRecorder.open(dir, "k", CmafFixtures.T0);
        record(r, CmafFixtures.tags(AVC), 0);
        record(r, CmafFixtures.tags(HEVC), 4100);
        r.finish();
        assertThat(r.files()).hasSize(2);
        assertThat(r.files().get(1).getFileName().toString()).isEqualTo("k-" + CmafFixtures.T0.plusMillis(4100).toEpochMilli() + ".mp4");
        assertRecorded(Files.readAllBytes(r.files().get(0)), CmafFixtures.frames(AVC));
        assertRecorded(Files.readAllBytes(r.files().get(1)), CmafFixtures.frames(HEVC));
    }

    @Test
    void aFileIsCutAtTheSampleLimit() throws IOException {
        Mp4FileRecorder r = Mp4FileRecorder.open(dir, "k", CmafFixtures.T0, 100);
        record(r, CmafFixtures.tags(AVC), 0);
        r.finish();
        assertThat(r.files()).hasSizeGreaterThan(1);
        for (Path f : r.files()) {
            Mp4FileReader reader = Mp4FileReader.read(ByteBuffer.wrap(Files.readAllBytes(f)), Mp4Limits.defaults());
            assertThat(reader.samples(0).get(0).sync()).as(f.toString()).isTrue();
            assertThat(reader.samples().size()).isLessThanOrEqualTo(100 + 60); // cut at the limit, restarted at a keyframe
        }
    }

    @Test
    void aFailingDiskStopsTheRecordingQuietly() throws IOException {
        Path notADirectory = Files.createFile(dir.resolve("plain-file"));
        Mp4FileRecorder r = Mp4FileRecorder.open(notADirectory, "k", CmafFixtures.T0);
        record(r, CmafFixtures.tags(AVC), 0);
        assertThat(r.finish()).isNull();
        assertThat(r.files()).isEmpty();
    }
}
