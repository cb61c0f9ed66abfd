package io.streamwire.mp4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamwire.core.LimitExceededException;
import io.streamwire.testkit.Allocation;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link InitSegment} and {@link FragmentWriter} on the avc-aac fixture's samples: the output parses
 * back (with {@link Boxes}) to the samples that went in, parts are independent exactly when they
 * start with a sync sample, and the steady path allocates nothing per sample. ffmpeg's reading of
 * the same output is checked in {@link Mp4WriterInteropTest}.
 */
class FragmentWriterTest {

    /** Init segment then one fragment per video GOP (cut before each video sync sample), as a file. */
    static byte[] cmafFile(List<Mp4TestSamples.Sample> samples) {
        List<CmafTrack> tracks = Mp4TestSamples.tracks(samples);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(InitSegment.toByteArray(tracks));
        FragmentWriter writer = new FragmentWriter(tracks, Mp4Limits.defaults());
        ByteBuffer out = ByteBuffer.allocate(1 << 20);
        long sequence = 1;
        long[] shift = {-Mp4TestSamples.firstDts(samples, 0), -Mp4TestSamples.firstDts(samples, 1)};
        for (Mp4TestSamples.Sample s : samples) {
            if (s.track() == 0 && s.sync() && writer.sampleCount(0) > 0) {
                file.write(out.array(), 0, writer.write(out.clear(), sequence++, true));
            }
            writer.addSample(s.track(), ByteBuffer.wrap(s.payload()), s.dts() + shift[s.track()], (int) (s.pts() - s.dts()),
                    s.duration(), s.sync());
        }
        file.write(out.array(), 0, writer.write(out.clear(), sequence, true));
        return file.toByteArray();
    }

    @Test
    void fragmentsParseBackToTheSamples() {
        List<Mp4TestSamples.Sample> samples = Mp4TestSamples.samples();
        byte[] file = cmafFile(samples);
        List<Box> boxes = Boxes.parse(ByteBuffer.wrap(file));
        assertThat(Boxes.toByteArray(boxes)).isEqualTo(file);
        assertThat(boxes.get(0)).isEqualTo(InitSegment.FTYP);
        List<List<Mp4TestSamples.Sample>> perTrack = List.of(new ArrayList<>(), new ArrayList<>());
        long moofOffset = 0;
        long offset = 0;
        for (Box b : boxes) {
            if (b.type().equals(BoxType.MOOF)) {
                moofOffset = offset;
                for (Box traf : ((ContainerBox) b).children(BoxType.TRAF)) {
                    ContainerBox t = (ContainerBox) traf;
                    TrackFragmentHeaderBox tfhd = (TrackFragmentHeaderBox) t.child(BoxType.TFHD);
                    assertThat(tfhd.flags()).isEqualTo(TrackFragmentHeaderBox.DEFAULT_BASE_IS_MOOF);
                    long time = ((TrackFragmentBaseMediaDecodeTimeBox) t.child(BoxType.TFDT)).baseMediaDecodeTime();
                    TrackRunBox trun = (TrackRunBox) t.child(BoxType.TRUN);
                    assertThat(trun.version()).isEqualTo(1);
                    long at = moofOffset + trun.dataOffset();
                    int track = (int) tfhd.trackId() - 1;
                    for (int i = 0; i < trun.sampleCount(); i++) {
                        int size = trun.sampleSize()[i];
                        byte[] payload = java.util.Arrays.copyOfRange(file, (int) at, (int) at + size);
                        long dts = time - (-Mp4TestSamples.firstDts(samples, track));
                        int flags = trun.sampleFlags()[i];
                        perTrack.get(track).add(new Mp4TestSamples.Sample(track, payload, dts + trun.sampleCompositionTimeOffset()[i],
                                dts, trun.sampleDuration()[i] & 0xFFFFFFFFL, !SampleFlags.isNonSync(flags)));
                        assertThat(SampleFlags.dependsOn(flags)).isEqualTo(SampleFlags.isNonSync(flags) ? 1 : 2);
                        at += size;
                        time += trun.sampleDuration()[i];
                    }
                }
            }
            offset += b.encodedSize();
        }
        for (int track = 0; track < 2; track++) {
            int k = track;
            List<Mp4TestSamples.Sample> in = samples.stream().filter(s -> s.track() == k).toList();
            List<Mp4TestSamples.Sample> back = perTrack.get(track);
            assertThat(back).hasSameSizeAs(in);
            for (int i = 0; i < in.size(); i++) {
                assertThat(back.get(i).payload()).isEqualTo(in.get(i).payload());
                assertThat(back.get(i)).usingRecursiveComparison().ignoringFields("payload").isEqualTo(in.get(i));
            }
        }
    }

    @Test
    void initSegmentDescribesTheTracks() {
        List<Mp4TestSamples.Sample> samples = Mp4TestSamples.samples();
        List<CmafTrack> tracks = Mp4TestSamples.tracks(samples);
        List<Box> init = Boxes.parse(ByteBuffer.wrap(InitSegment.toByteArray(tracks)));
        assertThat(init).isEqualTo(InitSegment.boxes(tracks));
        // the codec strings agree with the ones of ffmpeg's own file
        List<Box> source = Boxes.parse(ByteBuffer.wrap(Mp4Fixtures.bytes(Mp4TestSamples.SOURCE)));
        ContainerBox moov = (ContainerBox) Boxes.first(source, BoxType.MOOV);
        for (int i = 0; i < 2; i++) {
            Box entry = ((SampleDescriptionBox) Boxes.find(List.of(moov.children(BoxType.TRAK).get(i)),
                    "trak", "mdia", "minf", "stbl", "stsd")).entries().get(0);
            String expected = entry instanceof VisualSampleEntry v ? v.codecString() : ((AudioSampleEntry) entry).codecString();
            assertThat(tracks.get(i).codecString()).isEqualTo(expected);
        }
        assertThat(tracks.get(1).codecString()).isEqualTo("mp4a.40.2");
    }

    @Test
    void partsAreIndependentWhenTheyStartWithASyncSample() {
        List<Mp4TestSamples.Sample> samples = Mp4TestSamples.samples();
        List<CmafTrack> tracks = Mp4TestSamples.tracks(samples);
        FragmentWriter video = new FragmentWriter(List.of(tracks.get(0)), Mp4Limits.defaults());
        ByteBuffer out = ByteBuffer.allocate(1 << 20);
        List<Boolean> independent = new ArrayList<>();
        List<Boolean> startsWithKey = new ArrayList<>();
        int inPart = 0;
        for (Mp4TestSamples.Sample s : samples) {
            if (s.track() != 0) {
                continue;
            }
            if (inPart == 0) {
                startsWithKey.add(s.sync());
            }
            video.addSample(0, ByteBuffer.wrap(s.payload()), s.dts() + 1024, (int) (s.pts() - s.dts()), s.duration(), s.sync());
            if (++inPart == 5) { // 200 ms parts
                independent.add(video.independent());
                video.write(out.clear(), independent.size(), false);
                inPart = 0;
            }
        }
        assertThat(independent).isEqualTo(startsWithKey).contains(true, false);
    }

    @Test
    void steadyPathAllocatesNothingPerSample() {
        List<Mp4TestSamples.Sample> samples = Mp4TestSamples.samples();
        List<CmafTrack> tracks = Mp4TestSamples.tracks(samples);
        FragmentWriter writer = new FragmentWriter(tracks, Mp4Limits.defaults());
        ByteBuffer out = ByteBuffer.allocateDirect(1 << 20);
        ByteBuffer[] payloads = samples.stream().map(s -> ByteBuffer.wrap(s.payload())).toArray(ByteBuffer[]::new);
        Mp4TestSamples.Sample[] all = samples.toArray(Mp4TestSamples.Sample[]::new);
        long[] sequence = {1};
        Allocation.assertAllocatesNothing("FragmentWriter: 138 samples in 2 fragments", 300, 200, 0, () -> {
            for (int i = 0; i < all.length; i++) {
                Mp4TestSamples.Sample s = all[i];
                if (i == all.length / 2) {
                    writer.write(out.clear(), sequence[0]++, true);
                }
                writer.addSample(s.track(), payloads[i], s.dts() + 1024, (int) (s.pts() - s.dts()), s.duration(), s.sync());
            }
            writer.write(out.clear(), sequence[0]++, false);
        });
    }

    @Test
    void limitsAndMisuse() {
        CmafTrack track = Mp4TestSamples.tracks(Mp4TestSamples.samples()).get(1);
        FragmentWriter writer = new FragmentWriter(List.of(track), Mp4Limits.defaults().withMaxSamplesPerFragment(2));
        ByteBuffer sample = ByteBuffer.wrap(new byte[10]);
        writer.addSample(0, sample, 0, 0, 1024, true);
        writer.addSample(0, sample, 1024, 0, 1024, true);
        assertThat(sample.position()).isZero();
        assertThatThrownBy(() -> writer.addSample(0, sample, 2048, 0, 1024, true))
                .isInstanceOfSatisfying(LimitExceededException.class,
                        e -> assertThat(e.limitName()).isEqualTo("Mp4Limits.maxSamplesPerFragment()"));
        ByteBuffer small = ByteBuffer.allocate(10);
        assertThatThrownBy(() -> writer.write(small, 1, false)).isInstanceOf(java.nio.BufferOverflowException.class);
        assertThat(small.position()).isZero();
        long expected = writer.encodedSize(false);
        ByteBuffer out = ByteBuffer.allocate(1000);
        assertThat(writer.write(out, 1, false)).isEqualTo(expected).isEqualTo(out.position());
        assertThat(Boxes.encodedSize(Boxes.parse(out.flip()))).isEqualTo(expected);
        assertThatThrownBy(() -> writer.write(ByteBuffer.allocate(1000), 2, false)).isInstanceOf(IllegalStateException.class);
    }
}
