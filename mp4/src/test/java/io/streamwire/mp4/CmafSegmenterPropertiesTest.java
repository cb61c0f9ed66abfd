package io.streamwire.mp4;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link CmafSegmenter} on random sample sequences (a video track with random durations and sync
 * flags, optionally an AAC track interleaved by time, or audio alone), random segment and part
 * targets, given durations or next-sample timing. The cut rules (CMAF ISO/IEC 23000-19:2020 §7.3.3,
 * RFC 8216bis-16 §4.4.4.9) are checked on the parts read back:
 * <ul>
 *   <li>a segment starts exactly at the first reference sample that is a sync sample at or past the
 *       segment target since the segment's start (and at the first sample);</li>
 *   <li>a part never passes the part target unless it holds one reference sample, and the next
 *       reference sample would have taken it past the target unless a segment starts there;</li>
 *   <li>a part is independent exactly when each track's first sample in it is a sync sample;</li>
 *   <li>each part is [styp] moof mdat, a segment is the concatenation of its parts, and init + all
 *       parts read back to the samples (payload, times, sync) in order.</li>
 * </ul>
 */
class CmafSegmenterPropertiesTest {

    @Property(tries = 300)
    void cutPointsFollowTheRules(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int layout,
            @ForAll @IntRange(min = 1, max = 3000) int segmentMillis, @ForAll @IntRange(min = 0, max = 100) int partPercent,
            @ForAll boolean nextSampleTiming) {
        Random random = new Random(seed);
        boolean video = layout != 2;
        boolean audio = layout != 0;
        List<CmafTrack> all = Mp4TestSamples.tracks(Mp4TestSamples.samples());
        List<CmafTrack> tracks = new ArrayList<>();
        if (video) {
            tracks.add(all.get(0).withMediaTime(-1));
        }
        if (audio) {
            tracks.add(all.get(1).withMediaTime(-1));
        }
        long partMillis = segmentMillis * partPercent / 100;
        SegmentTargets targets = SegmentTargets.of(Duration.ofMillis(segmentMillis), Duration.ofMillis(partMillis));
        List<SegmenterRun.In> in = randomSamples(random, video, audio, nextSampleTiming);
        List<SegmenterRun.Part> parts = SegmenterRun.run(tracks, targets, in);

        // read each part back: which samples it holds
        List<CmafTrack> readTracks = tracks;
        FragmentedMp4Reader reader = new FragmentedMp4Reader(ByteBuffer.wrap(InitSegment.toByteArray(readTracks)), Mp4Limits.defaults());
        List<List<Mp4Sample>> perPart = new ArrayList<>();
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (SegmenterRun.Part p : parts) {
            List<String> types = Boxes.parse(ByteBuffer.wrap(p.bytes())).stream().map(b -> b.type().toString()).toList();
            assertThat(types).isEqualTo(p.startsSegment() ? List.of("styp", "moof", "mdat") : List.of("moof", "mdat"));
            perPart.add(reader.readSegment(ByteBuffer.wrap(p.bytes()), joined.size()));
            joined.writeBytes(p.bytes());
        }
        assertThat(parts).isNotEmpty();
        assertThat(parts.get(0).startsSegment()).isTrue();
        byte[] concatenated = SegmenterRun.segments(parts).stream().collect(ByteArrayOutputStream::new,
                ByteArrayOutputStream::writeBytes, (a, b) -> a.writeBytes(b.toByteArray())).toByteArray();
        assertThat(concatenated).isEqualTo(joined.toByteArray());

        // samples back, per track, in order
        for (int t = 0; t < tracks.size(); t++) {
            long id = tracks.get(t).trackId();
            int track = t;
            List<SegmenterRun.In> expected = in.stream().filter(s -> s.track() == track).toList();
            List<Mp4Sample> got = perPart.stream().flatMap(List::stream).filter(s -> s.trackId() == id).toList();
            assertThat(got).hasSameSizeAs(expected);
            for (int i = 0; i < got.size(); i++) {
                SegmenterRun.In e = expected.get(i);
                assertThat(got.get(i).payload()).isEqualTo(ByteBuffer.wrap(e.payload()));
                assertThat(got.get(i).decodeTime()).isEqualTo(e.dts());
                assertThat(got.get(i).presentationTime()).isEqualTo(e.dts() + e.compositionOffset());
                assertThat(got.get(i).sync()).isEqualTo(e.sync());
                long duration = e.duration() >= 0 ? e.duration() : i + 1 < got.size() ? expected.get(i + 1).dts() - e.dts()
                        : i > 0 ? expected.get(i).dts() - expected.get(i - 1).dts() : 0;
                assertThat(got.get(i).duration()).isEqualTo(duration);
            }
        }

        // the cut rules on the reference track (video when there is one)
        long refId = tracks.get(0).trackId();
        long timescale = tracks.get(0).timescale();
        long segmentTicks = SegmentTargets.ticks(Duration.ofMillis(segmentMillis), timescale);
        long partTicks = partMillis == 0 ? Long.MAX_VALUE : SegmentTargets.ticks(Duration.ofMillis(partMillis), timescale);
        long segmentStart = -1;
        for (int p = 0; p < parts.size(); p++) {
            List<Mp4Sample> ref = perPart.get(p).stream().filter(s -> s.trackId() == refId).toList();
            SegmenterRun.Part part = parts.get(p);
            assertThat(part.sequence()).isEqualTo(p + 1);
            if (ref.isEmpty()) {
                assertThat(p).as("only the first or last part may lack reference samples").isIn(0, parts.size() - 1);
                continue;
            }
            assertThat(part.decodeTime()).isEqualTo(ref.get(0).decodeTime());
            assertThat(part.duration()).isEqualTo(ref.stream().mapToLong(Mp4Sample::duration).sum());
            boolean startsHere = segmentStart < 0 || ref.get(0).sync() && ref.get(0).decodeTime() - segmentStart >= segmentTicks;
            assertThat(part.startsSegment()).as("part %d starts a segment", p).isEqualTo(startsHere || p == 0);
            if (part.startsSegment()) {
                segmentStart = ref.get(0).decodeTime();
            }
            for (Mp4Sample s : ref.subList(1, ref.size())) {
                assertThat(s.sync() && s.decodeTime() - segmentStart >= segmentTicks).as("a segment should start at %s", s).isFalse();
            }
            assertThat(ref.size() == 1 || part.duration() <= partTicks).as("part %d duration %d", p, part.duration()).isTrue();
            if (p + 1 < parts.size() && !parts.get(p + 1).startsSegment()) {
                Mp4Sample next = perPart.get(p + 1).stream().filter(s -> s.trackId() == refId).findFirst().orElseThrow();
                assertThat(part.duration() + next.duration()).as("part %d could have held the next sample", p).isGreaterThan(partTicks);
            }
            boolean independent = true;
            for (CmafTrack t : tracks) {
                independent &= perPart.get(p).stream().filter(s -> s.trackId() == t.trackId()).findFirst().map(Mp4Sample::sync)
                        .orElse(true);
            }
            assertThat(part.independent()).isEqualTo(independent);
        }
    }

    /** Random samples in arrival order: video (12800 Hz) and audio (44100 Hz, 1024 per frame) by time. */
    static List<SegmenterRun.In> randomSamples(Random random, boolean video, boolean audio, boolean nextSampleTiming) {
        List<SegmenterRun.In> out = new ArrayList<>();
        int videoTrack = 0;
        int audioTrack = video ? 1 : 0;
        long vTime = random.nextInt(3) * 512L;
        long aTime = 0;
        int count = 1 + random.nextInt(300);
        while (out.size() < count) {
            boolean pickVideo = video && (!audio || vTime * 44100 <= aTime * 12800);
            if (pickVideo) {
                long duration = 1 + random.nextInt(random.nextInt(10) == 0 ? 20_000 : 1_000);
                boolean sync = random.nextInt(12) == 0;
                int cto = random.nextInt(4) == 0 ? random.nextInt(2_000) - 1_000 : 0;
                out.add(new SegmenterRun.In(videoTrack, bytes(random), vTime, cto,
                        nextSampleTiming && random.nextBoolean() ? CmafSegmenter.NEXT_SAMPLE : duration, sync));
                vTime += duration;
            } else {
                out.add(new SegmenterRun.In(audioTrack, bytes(random), aTime, 0,
                        nextSampleTiming ? CmafSegmenter.NEXT_SAMPLE : 1024, true));
                aTime += 1024;
            }
        }
        return out;
    }

    private static byte[] bytes(Random random) {
        byte[] b = new byte[random.nextInt(40)];
        random.nextBytes(b);
        return b;
    }
}
