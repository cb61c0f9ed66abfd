package io.streamwire.mp4;

import java.util.Arrays;

/** Builds a run-length-coded stbl from per-sample arrays (ISO/IEC 14496-12:2022 §8.5–§8.7). Stateless; thread-safe. */
final class SampleTables {
    private SampleTables() {}

    static ContainerBox stbl(CmafTrack c, int n, int[] sizes, int[] durations, int[] offsets, int[] syncs,
            long[] chunkOffsets, int[] chunkSamples, int chunkCount, long shift) {
        int[][] stts = runs(durations, n);
        Box ctts = null;
        if (offsets != null) {
            int[][] runs = runs(offsets, n);
            boolean negative = false;
            for (int i = 0; i < n; i++) {
                negative |= offsets[i] < 0;
            }
            ctts = new CompositionOffsetBox(negative ? 1 : 0, 0, runs[0], runs[1]);
        }
        // stsc: one entry per run of chunks with the same sample count
        int[] first = new int[chunkCount];
        int[] per = new int[chunkCount];
        int entries = 0;
        for (int k = 0; k < chunkCount; k++) {
            if (entries == 0 || per[entries - 1] != chunkSamples[k]) {
                first[entries] = k + 1;
                per[entries++] = chunkSamples[k];
            }
        }
        int[] index = new int[entries];
        Arrays.fill(index, 1);
        long[] chunkPositions = new long[chunkCount];
        for (int k = 0; k < chunkCount; k++) {
            chunkPositions[k] = chunkOffsets[k] + shift;
        }
        java.util.List<Box> boxes = new java.util.ArrayList<>();
        boxes.add(SampleDescriptionBox.of(c.sampleEntry()));
        boxes.add(new TimeToSampleBox(0, 0, stts[0], stts[1]));
        if (ctts != null) {
            boxes.add(ctts);
        }
        if (syncs != null) {
            boxes.add(new SyncSampleBox(0, 0, syncs));
        }
        boxes.add(new SampleToChunkBox(0, 0, Arrays.copyOf(first, entries), Arrays.copyOf(per, entries), index));
        boxes.add(new SampleSizeBox(0, 0, 0, n, Arrays.copyOf(sizes, n)));
        boxes.add(ChunkOffsetBox.of(chunkPositions));
        return new ContainerBox(BoxType.STBL, boxes);
    }

    /** Run-length coding: {counts, values}. */
    private static int[][] runs(int[] values, int n) {
        int[] counts = new int[n];
        int[] vals = new int[n];
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (r > 0 && vals[r - 1] == values[i]) {
                counts[r - 1]++;
            } else {
                counts[r] = 1;
                vals[r++] = values[i];
            }
        }
        return new int[][] {Arrays.copyOf(counts, r), Arrays.copyOf(vals, r)};
    }
}
