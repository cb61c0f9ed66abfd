package io.streamwire.examples.origin;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamwire.core.Interest;
import io.streamwire.flv.FlvDecoder;
import io.streamwire.h264.AnnexB;
import io.streamwire.hls.BlockingReload;
import io.streamwire.hls.MediaPlaylist;
import io.streamwire.hls.MediaSegment;
import io.streamwire.hls.Playlist;
import io.streamwire.hls.PlaylistValidator;
import io.streamwire.mpegts.TsDemuxer;
import io.streamwire.mpegts.TsStream;
import io.streamwire.testkit.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The remux pipeline without sockets: the committed FLV fixture (H.264 with B-frames + AAC, 4 s,
 * GOP 1 s) goes tag by tag through {@link HlsPackager}; the TS it produces is read back with the
 * mpegts demuxer and compared with ffprobe's packets of the source.
 */
class RemuxPipelineTest {
    static final String FIXTURE = "origin/avc-aac-4s.flv";
    static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");

    record Packet(String type, long pts, long dts) {}

    /** ffprobe's packets of the fixture (milliseconds), in file order. */
    static List<Packet> sourcePackets() {
        List<Packet> out = new ArrayList<>();
        for (String line : Fixtures.lines(FIXTURE + ".packets-typed.csv")) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",");
            out.add(new Packet(f[0], Long.parseLong(f[1]), Long.parseLong(f[2])));
        }
        return out;
    }

    static HlsPackager packager(OriginConfig config) {
        return new HlsPackager("k", config, 0, 0);
    }

    static OriginConfig config() {
        return OriginConfig.loopbackEphemeral().withClock(Clock.fixed(T0, ZoneOffset.UTC));
    }

    /** Feeds the fixture; after every tag the playlist, when it changed, must pass the strict validator. */
    static List<String> feed(HlsPackager p) {
        List<String> versions = new ArrayList<>();
        FlvDecoder decoder = new FlvDecoder(tag -> {
            if (tag.tagType() == 9) {
                p.onVideo(tag.timestamp(), tag.body());
            } else if (tag.tagType() == 8) {
                p.onAudio(tag.timestamp(), tag.body());
            }
            String text = p.playlist().write();
            if (versions.isEmpty() || !versions.get(versions.size() - 1).equals(text)) {
                versions.add(text);
            }
        });
        decoder.feed(ByteBuffer.wrap(Fixtures.bytes(FIXTURE)));
        decoder.endOfInput();
        p.finish();
        versions.add(p.playlist().write());
        return versions;
    }

    @Test
    void everyPlaylistVersionPassesTheStrictValidator() {
        List<String> versions = feed(packager(config()));
        assertThat(versions.size()).isGreaterThan(10); // parts make the playlist change several times a second
        for (String v : versions) {
            Playlist parsed = Playlist.parse(v); // strict parse throws on the first violation
            assertThat(PlaylistValidator.validate(parsed)).as(v).isEmpty();
        }
        String last = versions.get(versions.size() - 1);
        assertThat(last).contains("#EXT-X-ENDLIST").contains("#EXT-X-PART-INF:PART-TARGET=0.334")
                .contains("#EXT-X-PROGRAM-DATE-TIME:2026-11-21T12:00:00");
    }

    @Test
    void segmentsAreCutAtKeyframesWithinTheTargetAndPartsConcatenateToThem() {
        HlsPackager p = packager(config());
        feed(p);
        MediaPlaylist playlist = (MediaPlaylist) Playlist.parse(p.playlist().write());
        List<MediaSegment> segments = playlist.segments();
        assertThat(segments).hasSize(2); // 4 s at 2 s, keyframes every second
        for (MediaSegment s : segments) {
            assertThat(s.durationSeconds()).isBetween(1.6, 2.0 + 1e-9);
            byte[] bytes = p.segment(s.mediaSequenceNumber());
            assertThat(bytes).isNotNull();
            assertThat(bytes.length % 188).isZero();
            assertThat(((bytes[1] & 0x1F) << 8) | (bytes[2] & 0xFF)).as("segment starts with the PAT").isZero();
            ByteArrayOutputStream parts = new ByteArrayOutputStream();
            int n = 0;
            for (byte[] part; (part = p.part(s.mediaSequenceNumber(), n)) != null; n++) {
                parts.writeBytes(part);
            }
            assertThat(n).isBetween(6, 7); // 2 s in parts of at most 0.334 s
            assertThat(parts.toByteArray()).isEqualTo(bytes);
            // AUD first; SPS and PPS in-band before the IDR slice (x264's SEI of the first frame may come between)
            List<Integer> nals = firstVideoNalTypes(bytes);
            assertThat(nals.get(0)).isEqualTo(9);
            assertThat(nals).contains(7, 8, 5).doesNotContain(1);
            assertThat(nals.indexOf(7)).isLessThan(nals.indexOf(8));
            assertThat(nals.indexOf(8)).isLessThan(nals.indexOf(5));
            assertThat(s.parts()).hasSize(n); // the playlist lists the same parts (all within 3 target durations)
            assertThat(s.parts().get(0).independent()).isTrue();
        }
        assertThat(p.framesDropped()).isZero();
    }

    @Test
    void tsCarriesEverySourcePacketWithItsTimestamps() {
        HlsPackager p = packager(config());
        feed(p);
        List<Packet> got = new ArrayList<>();
        TsDemuxer demuxer = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public Interest onPesStart(TsStream stream) {
                return Interest.WHOLE;
            }

            @Override
            public void onPes(TsStream stream, ByteBuffer payload) {
                String type = stream.pid() == 0x100 ? "video" : "audio";
                long dts = stream.dts() == TsStream.NO_TIMESTAMP ? stream.pts() : stream.dts();
                got.add(new Packet(type, stream.pts(), dts));
            }
        });
        for (long msn = 0; msn <= p.lastMsn(); msn++) {
            demuxer.feed(ByteBuffer.wrap(p.segment(msn)));
        }
        demuxer.endOfInput();
        List<Packet> expected = new ArrayList<>();
        for (Packet s : sourcePackets()) {
            expected.add(new Packet(s.type(), s.pts() * 90 + HlsPackager.TS_OFFSET_90K, s.dts() * 90 + HlsPackager.TS_OFFSET_90K));
        }
        assertThat(sorted(got, "video")).isEqualTo(sorted(expected, "video"));
        assertThat(sorted(got, "audio")).isEqualTo(sorted(expected, "audio"));
    }

    /** NAL unit types of the first video access unit of a segment. */
    static List<Integer> firstVideoNalTypes(byte[] segment) {
        List<Integer> types = new ArrayList<>();
        TsDemuxer demuxer = new TsDemuxer(new TsDemuxer.Listener() {
            @Override
            public Interest onPesStart(TsStream stream) {
                return stream.pid() == 0x100 && types.isEmpty() ? Interest.WHOLE : Interest.IGNORE;
            }

            @Override
            public void onPes(TsStream stream, ByteBuffer payload) {
                if (types.isEmpty()) {
                    for (ByteBuffer nal : AnnexB.split(payload)) {
                        types.add(nal.get(nal.position()) & 0x1F);
                    }
                }
            }
        });
        demuxer.feed(ByteBuffer.wrap(segment));
        demuxer.endOfInput();
        return types;
    }

    static List<Packet> sorted(List<Packet> packets, String type) {
        return packets.stream().filter(x -> x.type().equals(type)).sorted(java.util.Comparator.comparingLong(Packet::dts))
                .toList();
    }

    @Test
    void blockingReloadIsReadyExactlyWhenThePartExists() {
        HlsPackager p = packager(config());
        FlvDecoder decoder = new FlvDecoder(tag -> {
            BlockingReload next = new BlockingReload(p.lastMsn() + 1, 1, BlockingReload.Skip.NO);
            boolean before = p.part(p.lastMsn() + 1, 1) != null;
            assertThat(p.reload(next).status() == BlockingReload.Status.READY).isEqualTo(before);
            if (tag.tagType() == 9) {
                p.onVideo(tag.timestamp(), tag.body());
            } else if (tag.tagType() == 8) {
                p.onAudio(tag.timestamp(), tag.body());
            }
        });
        decoder.feed(ByteBuffer.wrap(Fixtures.bytes(FIXTURE)));
        decoder.endOfInput();
        MediaPlaylist live = p.playlist();
        // the second segment is still open (no unpublish): its next part is hinted and awaited
        assertThat(p.lastMsn()).isZero();
        int open = live.trailingParts().size();
        assertThat(live.write()).contains("#EXT-X-PRELOAD-HINT:TYPE=PART,URI=\"k/1." + open + ".ts\"");
        assertThat(p.isUpcomingPart(1, open)).isTrue();
        assertThat(p.isUpcomingPart(1, open + 1)).isFalse();
    }

    @Test
    void theWindowSlidesFreesOldSegmentsAndDeltaUpdatesSkip() {
        HlsPackager p = packager(config());
        long[] offset = {0};
        List<Long> held = new ArrayList<>();
        FlvDecoder decoder = new FlvDecoder(tag -> {
            if (tag.tagType() == 9) {
                p.onVideo(tag.timestamp() + offset[0], tag.body());
            } else if (tag.tagType() == 8) {
                p.onAudio(tag.timestamp() + offset[0], tag.body());
            }
        });
        for (int loop = 0; loop < 8; loop++) { // 32 s: 16 segments through a 10-segment window
            offset[0] = loop * 4000L;
            decoder.reset();
            decoder.feed(ByteBuffer.wrap(Fixtures.bytes(FIXTURE)));
            decoder.endOfInput();
            held.add(p.bytesHeld());
        }
        MediaPlaylist full = p.playlist();
        assertThat(full.segments()).hasSize(10);
        assertThat(full.mediaSequence()).isEqualTo(p.lastMsn() - 9);
        assertThat(p.lastMsn()).isEqualTo(14); // the 16th segment is still open
        assertThat(p.segment(0)).as("left the window: freed").isNull();
        assertThat(p.segment(full.mediaSequence() - 2)).as("two kept behind for late fetches").isNotNull();
        assertThat(held.get(7)).as("memory stays bounded by the window").isLessThan(held.get(5) * 3 / 2);
        assertThat(PlaylistValidator.validate(full)).isEmpty();
        // delta update: 20 s in the window, CAN-SKIP-UNTIL 12 s, so the oldest 4 segments are skipped
        String delta = p.reload(BlockingReload.parse("_HLS_skip=YES")).playlist().write();
        assertThat(delta).contains("#EXT-X-SKIP:SKIPPED-SEGMENTS=4");
        MediaPlaylist parsedDelta = (MediaPlaylist) Playlist.parse(delta);
        assertThat(PlaylistValidator.validate(parsedDelta)).isEmpty();
        assertThat(parsedDelta.segments().get(0).mediaSequenceNumber()).isEqualTo(full.mediaSequence() + 4);
        // continuity: every segment is 2 s and the PDTs follow each other
        for (int i = 1; i < full.segments().size(); i++) {
            MediaSegment a = full.segments().get(i - 1);
            MediaSegment b = full.segments().get(i);
            assertThat(a.durationSeconds()).isEqualTo(2.0);
            assertThat(java.time.Duration.between(a.programDateTime(), b.programDateTime()).toMillis()).isEqualTo(2000);
        }
    }

    @Test
    void audioOnlyPublishIsSegmentedOnAudio() {
        HlsPackager p = packager(config());
        FlvDecoder decoder = new FlvDecoder(tag -> {
            if (tag.tagType() == 8) {
                p.onAudio(tag.timestamp(), tag.body());
            }
        });
        decoder.feed(ByteBuffer.wrap(Fixtures.bytes(FIXTURE)));
        decoder.endOfInput();
        p.finish();
        MediaPlaylist playlist = (MediaPlaylist) Playlist.parse(p.playlist().write());
        assertThat(playlist.segments()).hasSizeBetween(2, 3);
        assertThat(PlaylistValidator.validate(playlist)).isEmpty();
        assertThat(p.segment(0)).isNotNull();
    }

    @Test
    void garbageBodiesAreDroppedNotThrown() {
        HlsPackager p = packager(config());
        p.onVideo(0, ByteBuffer.wrap(new byte[] {0x17}));
        p.onVideo(0, ByteBuffer.wrap(new byte[] {(byte) 0x9C, 1, 2}));
        p.onAudio(0, ByteBuffer.wrap(new byte[] {(byte) 0x2F, 1}));
        assertThat(p.framesDropped()).isEqualTo(3);
        assertThat(p.framesIn()).isZero();
    }
}
