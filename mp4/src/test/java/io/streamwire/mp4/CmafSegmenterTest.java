package io.streamwire.mp4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.LimitExceededException;
import io.streamwire.testkit.Allocation;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CmafSegmenter} on the avc-aac fixture's samples (25 fps video, a keyframe every 25 frames as
 * ffprobe's packets say, AAC): 1 s segments start at each keyframe, 200 ms parts hold 5 frames, every
 * sample reads back from the parts, and the steady path allocates nothing. ffmpeg's view of the
 * same output is in {@link CmafSegmenterInteropTest}; random cut rules in {@link CmafSegmenterPropertiesTest}.
 */
class CmafSegmenterTest {
    static final SegmentTargets TARGETS = SegmentTargets.of(Duration.ofSeconds(1), Duration.ofMillis(200));

    @Test
    void fixtureCutsAtKeyframesAndPartTargets() {
        List<Mp4TestSamples.Sample> samples = Mp4TestSamples.samples();
        List<CmafTrack> tracks = Mp4TestSamples.tracks(samples);
        for (boolean next : new boolean[] {false, true}) {
            List<SegmenterRun.Part> parts = SegmenterRun.run(tracks, TARGETS, SegmenterRun.fixtureSamples(samples, next));
            List<Mp4TestSamples.Sample> video = samples.stream().filter(s -> s.track() == 0).toList();
            // expected: a segment per keyframe at or past 1 s (12800 ticks) since the segment start
            List<Long> keyTimes = new ArrayList<>();
            long first = video.get(0).dts();
            long segmentStart = first;
            for (Mp4TestSamples.Sample s : video) {
                if (s == video.get(0) || s.sync() && s.dts() - segmentStart >= 12800) {
                    segmentStart = s.dts();
                    keyTimes.add(s.dts() - first);
                }
            }
            assertThat(parts.stream().filter(SegmenterRun.Part::startsSegment).map(SegmenterRun.Part::decodeTime).toList())
                    .isEqualTo(keyTimes).hasSizeGreaterThan(1);
            for (SegmenterRun.Part p : parts.subList(0, parts.size() - 1)) {
                assertThat(p.duration()).as("part %d", p.sequence()).isEqualTo(5 * 512); // 200 ms of 40 ms frames
            }
            assertThat(parts).extracting(SegmenterRun.Part::independent).containsExactlyElementsOf(
                    parts.stream().map(SegmenterRun.Part::startsSegment).toList());
            assertThat(parts).extracting(SegmenterRun.Part::sequence)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, parts.size()).boxed().toList());
            readBack(tracks, samples, parts, next);
        }
    }

    /** init + all parts read with FragmentedMp4Reader give the samples that went in. */
    static void readBack(List<CmafTrack> tracks, List<Mp4TestSamples.Sample> samples, List<SegmenterRun.Part> parts, boolean next) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(InitSegment.toByteArray(tracks));
        parts.forEach(p -> file.writeBytes(p.bytes()));
        byte[] bytes = file.toByteArray();
        assertThat(Boxes.toByteArray(Boxes.parse(ByteBuffer.wrap(bytes)))).isEqualTo(bytes);
        List<Mp4Sample> back = FragmentedMp4Reader.readFile(ByteBuffer.wrap(bytes), Mp4Limits.defaults());
        for (int track = 0; track < 2; track++) {
            int t = track;
            List<Mp4TestSamples.Sample> in = samples.stream().filter(s -> s.track() == t).toList();
            List<Mp4Sample> out = back.stream().filter(s -> s.trackId() == t + 1).toList();
            assertThat(out).hasSameSizeAs(in);
            for (int i = 0; i < in.size(); i++) {
                Mp4TestSamples.Sample s = in.get(i);
                Mp4Sample o = out.get(i);
                assertThat(o.payload()).isEqualTo(ByteBuffer.wrap(s.payload()));
                assertThat(o.sync()).isEqualTo(s.sync());
                assertThat(o.decodeTime()).isEqualTo(s.dts());          // the edit list shifts back by the first dts
                assertThat(o.presentationTime()).isEqualTo(s.pts());
                // next-sample timing: the next sample's dts minus this one's; the last takes the previous duration
                long expected = !next ? s.duration() : i + 1 < in.size() ? in.get(i + 1).dts() - s.dts()
                        : s.dts() - in.get(i - 1).dts();
                assertThat(o.duration()).as("track %d sample %d", t, i).isEqualTo(expected);
            }
        }
    }

    @Test
    void eachPartIsOneMoofAndMdatAndASegmentIsItsParts() {
        List<Mp4TestSamples.Sample> samples = Mp4TestSamples.samples();
        List<SegmenterRun.Part> parts = SegmenterRun.run(Mp4TestSamples.tracks(samples), TARGETS,
                SegmenterRun.fixtureSamples(samples, false));
        for (SegmenterRun.Part p : parts) {
            List<String> types = Boxes.parse(ByteBuffer.wrap(p.bytes())).stream().map(b -> b.type().toString()).toList();
            assertThat(types).isEqualTo(p.startsSegment() ? List.of("styp", "moof", "mdat") : List.of("moof", "mdat"));
        }
        List<byte[]> segments = SegmenterRun.segments(parts);
        assertThat(segments).hasSize((int) parts.stream().filter(SegmenterRun.Part::startsSegment).count());
        assertThat(segments.stream().mapToInt(s -> s.length).sum()).isEqualTo(parts.stream().mapToInt(p -> p.bytes().length).sum());
    }

    @Test
    void audioOnlyPartsAreAlwaysIndependent() {
        List<Mp4TestSamples.Sample> samples = Mp4TestSamples.samples();
        CmafTrack audio = Mp4TestSamples.tracks(samples).get(1);
        List<SegmenterRun.In> in = SegmenterRun.fixtureSamples(samples, false).stream().filter(s -> s.track() == 1)
                .map(s -> new SegmenterRun.In(0, s.payload(), s.dts(), 0, s.duration(), true)).toList();
        List<SegmenterRun.Part> parts = SegmenterRun.run(List.of(audio.withMediaTime(-1)), TARGETS, in);
        assertThat(parts).hasSizeGreaterThan(5).allMatch(SegmenterRun.Part::independent);
        // 200 ms at 44.1 kHz is 8820 ticks: 8 frames of 1024 fit, a 9th would not (a segment may start earlier)
        assertThat(parts).allMatch(p -> p.duration() <= 8820);
        for (int i = 0; i + 1 < parts.size(); i++) {
            assertThat(parts.get(i + 1).startsSegment() || parts.get(i).duration() == 8 * 1024).as("part %d", i).isTrue();
        }
        // 1 s segments: a segment starts at the first frame at or past 44100 ticks since the last start
        assertThat(parts.stream().filter(SegmenterRun.Part::startsSegment).map(SegmenterRun.Part::decodeTime).toList())
                .containsExactly(0L, 44 * 1024L); // 2 s of audio: 87 frames
    }

    @Test
    void steadyPathAllocatesNothingPerSample() {
        List<Mp4TestSamples.Sample> samples = Mp4TestSamples.samples();
        List<CmafTrack> tracks = Mp4TestSamples.tracks(samples);
        for (boolean next : new boolean[] {false, true}) {
            CmafSegmenter segmenter = new CmafSegmenter(tracks, TARGETS, Mp4Limits.defaults());
            ByteBuffer out = ByteBuffer.allocateDirect(1 << 20);
            SegmenterRun.In[] all = SegmenterRun.fixtureSamples(samples, next).toArray(SegmenterRun.In[]::new);
            ByteBuffer[] payloads = java.util.Arrays.stream(all).map(s -> ByteBuffer.wrap(s.payload())).toArray(ByteBuffer[]::new);
            long[] round = {0};
            Allocation.assertAllocatesNothing("CmafSegmenter: 138 samples, next-sample timing " + next, 300, 200, 0, () -> {
                long seconds = 4 * round[0]++; // each round 4 s later than the last (the fixture lasts 2 s)
                for (int i = 0; i < all.length; i++) {
                    SegmenterRun.In s = all[i];
                    long shift = seconds * (s.track() == 0 ? Mp4TestSamples.VIDEO_TIMESCALE : Mp4TestSamples.AUDIO_TIMESCALE);
                    segmenter.addSample(s.track(), payloads[i], shift + s.dts(), s.compositionOffset(), s.duration(), s.sync());
                    while (segmenter.hasPart()) {
                        segmenter.writePart(out.clear());
                    }
                }
            });
        }
    }

    @Test
    void misuseAndLimits() {
        List<Mp4TestSamples.Sample> samples = Mp4TestSamples.samples();
        List<CmafTrack> tracks = Mp4TestSamples.tracks(samples);
        CmafSegmenter s = new CmafSegmenter(tracks, TARGETS, Mp4Limits.defaults());
        assertThat(s.referenceTrack()).isZero();
        assertThatThrownBy(() -> s.writePart(ByteBuffer.allocate(100))).isInstanceOf(IllegalStateException.class);
        ByteBuffer payload = ByteBuffer.wrap(new byte[10]);
        s.addSample(0, payload, 0, 0, 3000, true);
        s.addSample(0, payload, 3000, 0, 3000, false); // 6000 ticks > 2560: a part ends before it
        s.addSample(0, payload, 6000, 0, 3000, false);
        assertThatThrownBy(() -> s.addSample(0, payload, 9000, 0, 3000, false)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> s.writePart(ByteBuffer.allocate(10))).isInstanceOf(java.nio.BufferOverflowException.class);
        assertThat(s.partSequenceNumber()).isEqualTo(1);
        s.writePart(ByteBuffer.allocate(1000));
        assertThat(s.partSequenceNumber()).isEqualTo(2);
        s.flush();
        s.flush();
        assertThat(s.partSequenceNumber()).isEqualTo(2);
        assertThatThrownBy(() -> s.addSample(0, payload, 9000, 0, 3000, false)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> s.addSample(1, payload, 0, 0, -2, true)).isInstanceOf(IllegalStateException.class);

        CmafSegmenter held = new CmafSegmenter(tracks, TARGETS, Mp4Limits.defaults().withMaxBoxSize(64));
        assertThatThrownBy(() -> held.addSample(1, ByteBuffer.allocate(65), 0, 0, CmafSegmenter.NEXT_SAMPLE, true))
                .isInstanceOfSatisfying(LimitExceededException.class,
                        e -> assertThat(e.limitName()).isEqualTo("Mp4Limits.maxBoxSize()"));
        held.addSample(1, payload, 5000, 0, CmafSegmenter.NEXT_SAMPLE, true);
        assertThatThrownBy(() -> held.addSample(1, payload, 4000, 0, 1024, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CmafSegmenter(tracks, new SegmentTargets(Duration.ofSeconds(1), Duration.ZERO, 2, true),
                Mp4Limits.defaults())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SegmentTargets.of(Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
