package io.streamwire.examples.origin;

import static io.streamwire.examples.origin.CmafFixtures.AV1;
import static io.streamwire.examples.origin.CmafFixtures.AVC;
import static io.streamwire.examples.origin.CmafFixtures.HEVC;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.examples.origin.CmafFixtures.Frame;
import io.streamwire.examples.origin.CmafFixtures.Sample;
import io.streamwire.examples.origin.CmafFixtures.Tag;
import io.streamwire.hls.MediaPlaylist;
import io.streamwire.hls.MediaSegment;
import io.streamwire.hls.Playlist;
import io.streamwire.hls.PlaylistValidator;
import io.streamwire.testkit.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CmafPackager} on the committed FLV fixtures (H.264 + AAC legacy FLV; HEVC + AAC and AV1 + AAC
 * Enhanced FLV from ffmpeg 7.0; the HEVC one re-signalled as legacy CodecID 12): playlists, init
 * segments and segments read back with the mp4 module, compared with ffprobe's / ffmpeg 7.0's view of
 * the source.
 */
class CmafPackagerTest {
    static final String LEGACY_HEVC = "legacy-hevc";

    static List<Tag> tagsOf(String name) {
        return name.equals(LEGACY_HEVC) ? CmafFixtures.legacyHevc(CmafFixtures.tags(HEVC)) : CmafFixtures.tags(name);
    }

    static String fixtureOf(String name) {
        return name.equals(LEGACY_HEVC) ? HEVC : name;
    }

    /** Strict parse and the validator, for one playlist text; returns the parsed playlist. */
    static MediaPlaylist valid(String text) {
        Playlist parsed = Playlist.parse(text);
        assertThat(PlaylistValidator.validate(parsed)).as(text).isEmpty();
        return (MediaPlaylist) parsed;
    }

    /** Feeds tags one by one; every playlist version passes; returns the number of versions. */
    static int feedChecked(CmafPackager p, List<Tag> tags, long shiftMs) {
        String last = "";
        int versions = 0;
        for (Tag t : tags) {
            CmafFixtures.feed(p, List.of(t), shiftMs);
            String text = p.playlist().write();
            if (!text.equals(last)) {
                valid(text);
                last = text;
                versions++;
            }
        }
        return versions;
    }

    /** The init segment each segment of the playlist uses, from its EXT-X-MAP. */
    static Map<Long, Integer> initOfMsn(MediaPlaylist playlist) {
        Map<Long, Integer> out = new HashMap<>();
        for (MediaSegment s : playlist.segments()) {
            assertThat(s.map()).as("EXT-X-MAP in effect for " + s.uri()).isNotNull();
            String uri = s.map().uri();
            out.put(s.mediaSequenceNumber(), Integer.parseInt(uri.substring(uri.indexOf("init-") + 5, uri.indexOf(".mp4"))));
        }
        return out;
    }

    /** Every source frame exactly once, in order, with its decode time, composition offset, size, key flag (and payload). */
    static void assertSameFrames(List<Sample> got, List<Frame> source, long shiftMs) {
        for (boolean video : new boolean[] {true, false}) {
            List<Sample> s = CmafFixtures.of(got, video, true);
            List<Frame> f = CmafFixtures.of(source, video);
            assertThat(s).as(video ? "video samples" : "audio samples").hasSize(f.size());
            for (int i = 0; i < f.size(); i++) {
                Sample a = s.get(i);
                Frame e = f.get(i);
                String what = (video ? "video " : "audio ") + i + " " + e;
                if (a.size() == e.size() - 2 && e.adler() >= 0) { // AV1: temporal delimiter left out, AV1-ISOBMFF v1.2.0 §2.4
                    assertThat(a.adlerWithTemporalDelimiter()).as(what + " payload Adler-32").isEqualTo(e.adler());
                } else {
                    assertThat(a.size()).as(what).isEqualTo(e.size());
                    if (e.adler() >= 0) {
                        assertThat(a.adler()).as(what + " payload Adler-32").isEqualTo(e.adler());
                    }
                }
                if (video) {
                    assertThat(a.decodeTime()).as(what).isEqualTo((e.dts() + shiftMs) * 90);
                    assertThat(a.compositionOffset()).as(what).isEqualTo((e.pts() - e.dts()) * 90);
                    assertThat(a.sync()).as(what).isEqualTo(e.key());
                } else { // AAC counted in frames: within a millisecond of the rounded FLV timestamp
                    assertThat((double) a.decodeTime() * 1000 / a.timescale()).as(what).isCloseTo(e.dts() + shiftMs,
                            org.assertj.core.data.Offset.offset(1.0));
                    assertThat(a.sync()).isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {AVC, HEVC, AV1, LEGACY_HEVC})
    void everySourceFrameOnceWithItsTimesAndEveryPlaylistValid(String name) {
        CmafPackager p = new CmafPackager("k", CmafFixtures.config(1, 0.2), 0, 0);
        int versions = feedChecked(p, tagsOf(name), 0);
        p.finish();
        MediaPlaylist playlist = valid(p.playlist().write());
        assertThat(versions).isGreaterThan(2);
        assertThat(playlist.endList()).isTrue();
        assertThat(p.framesDropped()).isZero();
        assertThat(playlist.write()).contains("#EXT-X-MAP:URI=\"k/init-0.mp4\"");
        assertSameFrames(CmafFixtures.readBack(p, 0, initOfMsn(playlist)), CmafFixtures.frames(fixtureOf(name)), 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {AVC, HEVC, AV1})
    void partsJoinToSegmentsWhichStartWithASyncSample(String name) {
        CmafPackager p = new CmafPackager("k", CmafFixtures.config(1, 0.2), 0, 0);
        CmafFixtures.feed(p, tagsOf(name), 0);
        p.finish();
        MediaPlaylist playlist = valid(p.playlist().write());
        Map<Long, Integer> inits = initOfMsn(playlist);
        for (MediaSegment s : playlist.segments()) {
            long msn = s.mediaSequenceNumber();
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            int n = 0;
            for (byte[] part; (part = p.part(msn, n)) != null; n++) {
                joined.writeBytes(part);
            }
            assertThat(n).isPositive();
            if (!s.parts().isEmpty()) { // listed for the last three target durations only (§6.2.2)
                assertThat(s.parts()).hasSize(n);
                assertThat(s.parts().get(0).independent()).as(playlist.write()).isTrue();
            }
            assertThat(joined.toByteArray()).isEqualTo(p.segment(msn));
            assertThat(s.durationSeconds()).isLessThanOrEqualTo(1.5);
            assertThat(new String(p.segment(msn), 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("styp");
        }
        for (long msn = 0; msn <= p.lastMsn(); msn++) { // each segment alone: its first video sample is a sync sample
            List<Sample> video = CmafFixtures.of(readOne(p, msn, inits), true, true);
            assertThat(video.get(0).sync()).as("segment " + msn).isTrue();
        }
    }

    static List<Sample> readOne(CmafPackager p, long msn, Map<Long, Integer> inits) {
        io.streamwire.mp4.FragmentedMp4Reader r = new io.streamwire.mp4.FragmentedMp4Reader(ByteBuffer.wrap(p.init(inits.get(msn))),
                io.streamwire.mp4.Mp4Limits.defaults());
        List<Sample> out = new ArrayList<>();
        for (io.streamwire.mp4.Mp4Sample s : r.readSegment(ByteBuffer.wrap(p.segment(msn)), 0)) {
            out.add(new Sample(s.trackId() == 1, s.decodeTime(), 0, s.size(), s.sync(), 0, 0, null));
        }
        return out;
    }

    @Test
    void aCodecChangeMidStreamGivesANewInitSegmentAfterADiscontinuity() {
        CmafPackager p = new CmafPackager("k", CmafFixtures.config(1, 0.2), 0, 0);
        feedChecked(p, CmafFixtures.tags(AVC), 0);
        assertThat(p.codecs()).startsWith("avc1.64").endsWith(",mp4a.40.2");
        feedChecked(p, CmafFixtures.tags(HEVC), 4100); // the publisher switches to HEVC, timestamps going on
        p.finish();
        MediaPlaylist playlist = valid(p.playlist().write());
        assertThat(p.codecs()).startsWith("hvc1.1.").endsWith(",mp4a.40.2");
        Map<Long, Integer> inits = initOfMsn(playlist);
        List<MediaSegment> segments = playlist.segments();
        int firstHevc = -1;
        for (int i = 0; i < segments.size(); i++) {
            if (inits.get(segments.get(i).mediaSequenceNumber()) == 1 && firstHevc < 0) {
                firstHevc = i;
            }
        }
        assertThat(firstHevc).isPositive();
        assertThat(segments.get(firstHevc).discontinuity()).isTrue();
        assertThat(segments.stream().filter(MediaSegment::discontinuity)).hasSize(1);
        assertThat(p.init(1)).isNotNull().isNotEqualTo(p.init(0));
        long first = segments.get(firstHevc).mediaSequenceNumber();
        assertSameFrames(CmafFixtures.readBack(p, first, inits), CmafFixtures.frames(HEVC), 4100);
    }

    @Test
    void aRepeatedSequenceHeaderWithTheSameBytesKeepsTheInitSegment() {
        List<Tag> tags = new ArrayList<>();
        Tag videoHeader = null;
        for (Tag t : CmafFixtures.tags(AVC)) {
            if (t.type() == 9 && videoHeader == null) {
                videoHeader = t;
            } else if (t.type() == 9 && (t.body()[0] & 0xF0) == 0x10) { // a keyframe: the header again before it
                tags.add(new Tag(9, t.ms(), videoHeader.body()));
            }
            tags.add(t);
        }
        CmafPackager p = new CmafPackager("k", CmafFixtures.config(1, 0.2), 0, 0);
        feedChecked(p, tags, 0);
        p.finish();
        String text = p.playlist().write();
        assertThat(text).doesNotContain("init-1").doesNotContain("#EXT-X-DISCONTINUITY\n");
        assertThat(p.framesDropped()).isZero();
    }

    @Test
    void pauseAndResumeContinueThePlaylistAndTheTimeline() {
        CmafPackager p = new CmafPackager("k", CmafFixtures.config(1, 0.2), 0, 0);
        feedChecked(p, CmafFixtures.tags(AVC), 0);
        p.pause();
        valid(p.playlist().write());
        long lastBefore = p.lastMsn();
        p.resume(CmafFixtures.T0.plusSeconds(30));
        valid(p.playlist().write());
        feedChecked(p, CmafFixtures.tags(AVC), 0); // the republish starts again at 0 ms
        p.finish();
        MediaPlaylist playlist = valid(p.playlist().write());
        Map<Long, Integer> inits = initOfMsn(playlist);
        assertThat(inits.values()).containsOnly(0); // same configuration: same init segment
        MediaSegment resumed = playlist.segments().stream().filter(s -> s.mediaSequenceNumber() == lastBefore + 1).findFirst()
                .orElseThrow();
        assertThat(resumed.discontinuity()).isTrue();
        assertThat(resumed.programDateTime()).isEqualTo(CmafFixtures.T0.plusSeconds(30));
        List<Sample> all = CmafFixtures.readBack(p, playlist.mediaSequence(), inits);
        List<Sample> video = CmafFixtures.of(all, true, true);
        for (int i = 1; i < video.size(); i++) {
            assertThat(video.get(i).decodeTime()).isGreaterThan(video.get(i - 1).decodeTime());
        }
        List<Sample> resumedSamples = CmafFixtures.readBack(p, lastBefore + 1, inits);
        List<Frame> source = CmafFixtures.frames(AVC);
        long shift = CmafFixtures.of(resumedSamples, true, true).get(0).decodeTime() / 90;
        assertSameFrames(resumedSamples, source, shift);
    }

    @ParameterizedTest
    @ValueSource(strings = {AVC, HEVC, AV1})
    void codecsPictureSizeAndFrameRateAsFfprobeSeesThem(String name) {
        CmafPackager p = new CmafPackager("k", CmafFixtures.config(1, 0.2), 0, 0);
        CmafFixtures.feed(p, CmafFixtures.tags(name), 0);
        Map<String, String> video = new HashMap<>();
        boolean inVideo = false;
        for (String line : Fixtures.lines(name + ".streams.txt")) {
            inVideo = line.equals("codec_type=video") || (inVideo && !line.equals("[/STREAM]"));
            if (inVideo && line.contains("=")) {
                video.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        assertThat(p.width()).isEqualTo(Integer.parseInt(video.get("width")));
        assertThat(p.height()).isEqualTo(Integer.parseInt(video.get("height")));
        String[] rate = video.get("r_frame_rate").split("/");
        assertThat(p.frameRate()).isCloseTo(Double.parseDouble(rate[0]) / Double.parseDouble(rate[1]),
                org.assertj.core.data.Offset.offset(0.01));
        String prefix = name.equals(AVC) ? "avc1.64" : name.equals(HEVC) ? "hvc1.1." : "av01.0.";
        assertThat(p.codecs()).startsWith(prefix).endsWith(",mp4a.40.2");
    }
}
