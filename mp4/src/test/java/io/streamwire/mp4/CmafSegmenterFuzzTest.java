package io.streamwire.mp4;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.streamwire.core.LimitExceededException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Jazzer target for {@link CmafSegmenter}: targets, durations (given or {@link CmafSegmenter#NEXT_SAMPLE}),
 * decode times, sync flags and payloads chosen by the fuzzer, small limits. Only the documented
 * exceptions escape ({@link IllegalArgumentException} for a decode time before the held sample's,
 * {@link LimitExceededException} past a limit); every part written is [styp] moof mdat, and init +
 * all parts read back with {@link FragmentedMp4Reader} to as many samples per track as went in.
 */
class CmafSegmenterFuzzTest {
    private static final List<CmafTrack> TRACKS = List.of(
            CmafTrack.video(1, 90_000, VisualSampleEntry.of(BoxType.AVC1, 16, 16,
                    CodecConfigurationBox.avcC(new byte[] {1, 0x42, 0, 0x1E, (byte) 0xFF, (byte) 0xE0, 0}))),
            CmafTrack.audio(2, 48_000, AudioSampleEntry.of(BoxType.MP4A, 1, 48_000, EsdsBox.forAudio(2, new byte[] {0x11, (byte) 0x88}, 0, 0, 0))));
    private static final byte[] INIT = InitSegment.toByteArray(TRACKS);

    @FuzzTest(maxDuration = "60s")
    void segment(FuzzedDataProvider data) {
        int segmentMillis = data.consumeInt(1, 5000);
        int partMillis = Math.min(segmentMillis, data.consumeInt(0, 1) * data.consumeInt(1, 1000));
        SegmentTargets targets = new SegmentTargets(Duration.ofMillis(segmentMillis), Duration.ofMillis(partMillis),
                data.consumeInt(-1, 1), data.consumeBoolean());
        CmafSegmenter segmenter = new CmafSegmenter(TRACKS, targets, Mp4Limits.defaults().withMaxSamplesPerFragment(64).withMaxBoxSize(4096));
        ByteBuffer out = ByteBuffer.allocate(1 << 16);
        long[] time = new long[2];
        int[] count = new int[2];
        List<byte[]> parts = new ArrayList<>();
        try {
            while (data.remainingBytes() > 4) {
                int track = data.consumeInt(0, 1);
                long duration = data.consumeBoolean() ? CmafSegmenter.NEXT_SAMPLE : data.consumeLong(0, 100_000);
                time[track] += data.consumeInt(0, 1) == 0 ? 0 : data.consumeLong(-10, 100_000);
                time[track] = Math.max(0, time[track]);
                byte[] payload = data.consumeBytes(data.consumeInt(0, 300));
                segmenter.addSample(track, ByteBuffer.wrap(payload), time[track], data.consumeInt(), duration, data.consumeBoolean());
                count[track]++;
                drain(segmenter, out, parts);
            }
            segmenter.flush();
            drain(segmenter, out, parts);
        } catch (LimitExceededException | IllegalArgumentException e) {
            return;
        }
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.writeBytes(INIT);
        for (byte[] p : parts) {
            List<Box> boxes = Boxes.parse(ByteBuffer.wrap(p));
            if (boxes.size() < 2 || !boxes.get(boxes.size() - 2).type().equals(BoxType.MOOF)
                    || !boxes.get(boxes.size() - 1).type().equals(BoxType.MDAT)) {
                throw new AssertionError("part is not [styp] moof mdat: " + boxes);
            }
            file.writeBytes(p);
        }
        List<Mp4Sample> back = FragmentedMp4Reader.readFile(ByteBuffer.wrap(file.toByteArray()), Mp4Limits.defaults());
        for (int t = 0; t < 2; t++) {
            long id = t + 1;
            long n = back.stream().filter(s -> s.trackId() == id).count();
            if (n != count[t]) {
                throw new AssertionError("track " + t + ": " + count[t] + " samples in, " + n + " back");
            }
        }
    }

    private static void drain(CmafSegmenter segmenter, ByteBuffer out, List<byte[]> parts) {
        while (segmenter.hasPart()) {
            int n = segmenter.writePart(out.clear());
            parts.add(java.util.Arrays.copyOf(out.array(), n));
        }
    }
}
