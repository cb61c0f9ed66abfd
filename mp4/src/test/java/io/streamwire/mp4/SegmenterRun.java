package io.streamwire.mp4;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test driver for {@link CmafSegmenter}: feeds samples, pulls every part with its description. */
final class SegmenterRun {
    private SegmenterRun() {}

    /** One input sample; {@code duration} may be {@link CmafSegmenter#NEXT_SAMPLE}. */
    record In(int track, byte[] payload, long dts, int compositionOffset, long duration, boolean sync) {}

    /** One part as the segmenter described it, with its bytes. */
    record Part(long sequence, boolean startsSegment, boolean independent, long decodeTime, long duration, byte[] bytes) {}

    static List<Part> run(List<CmafTrack> tracks, SegmentTargets targets, List<In> samples) {
        CmafSegmenter segmenter = new CmafSegmenter(tracks, targets, Mp4Limits.defaults());
        ByteBuffer out = ByteBuffer.allocate(1 << 20);
        List<Part> parts = new ArrayList<>();
        for (In s : samples) {
            segmenter.addSample(s.track(), ByteBuffer.wrap(s.payload()), s.dts(), s.compositionOffset(), s.duration(), s.sync());
            drain(segmenter, out, parts);
        }
        segmenter.flush();
        drain(segmenter, out, parts);
        return parts;
    }

    private static void drain(CmafSegmenter segmenter, ByteBuffer out, List<Part> parts) {
        while (segmenter.hasPart()) {
            long seq = segmenter.partSequenceNumber();
            boolean starts = segmenter.partStartsSegment();
            boolean independent = segmenter.partIndependent();
            long time = segmenter.partDecodeTime();
            long duration = segmenter.partDuration();
            int size = segmenter.partSize();
            int n = segmenter.writePart(out.clear());
            if (n != size) {
                throw new AssertionError("partSize " + size + " but wrote " + n);
            }
            parts.add(new Part(seq, starts, independent, time, duration, Arrays.copyOf(out.array(), n)));
        }
    }

    /** The segments: each the concatenation of its parts. */
    static List<byte[]> segments(List<Part> parts) {
        List<byte[]> out = new ArrayList<>();
        java.io.ByteArrayOutputStream current = null;
        for (Part p : parts) {
            if (p.startsSegment() || current == null) {
                if (current != null) {
                    out.add(current.toByteArray());
                }
                current = new java.io.ByteArrayOutputStream();
            }
            current.writeBytes(p.bytes());
        }
        if (current != null) {
            out.add(current.toByteArray());
        }
        return out;
    }

    /** The avc-aac fixture's samples with decode times shifted to start at 0 (as the tracks' edit lists say). */
    static List<In> fixtureSamples(List<Mp4TestSamples.Sample> samples, boolean nextSampleTiming) {
        long[] shift = {-Mp4TestSamples.firstDts(samples, 0), -Mp4TestSamples.firstDts(samples, 1)};
        return samples.stream().map(s -> new In(s.track(), s.payload(), s.dts() + shift[s.track()], (int) (s.pts() - s.dts()),
                nextSampleTiming ? CmafSegmenter.NEXT_SAMPLE : s.duration(), s.sync())).toList();
    }
}
