package io.streamwire.mp4;


/**
 * One track's sample tables expanded to per-sample arrays: decode time, composition offset, size,
 * file position and sync flag (ISO/IEC 14496-12:2022 §8.6.1, §8.6.2, §8.7.3–§8.7.5). Every count is
 * checked against {@link Mp4Limits#maxEntriesPerTable()} before an array is made, and every loop is
 * bounded by the sample count. Immutable after construction; thread-safe.
 */
final class SampleTable {
    final long[] dts;
    final int[] cto;
    final int[] size;
    final long[] offset;
    /** null: every sample is a sync sample (no stss). */
    final boolean[] sync;
    private final long lastDuration;

    private SampleTable(long[] dts, int[] cto, int[] size, long[] offset, boolean[] sync, long lastDuration) {
        this.dts = dts;
        this.cto = cto;
        this.size = size;
        this.offset = offset;
        this.sync = sync;
        this.lastDuration = lastDuration;
    }

    long duration(int i) {
        return i + 1 < dts.length ? dts[i + 1] - dts[i] : lastDuration;
    }

    static SampleTable of(ContainerBox stbl, String path, Mp4Limits limits) {
        if (stbl == null) {
            throw new Mp4Exception(path, null, "missing", -1, Mp4FileReader.stblSpec());
        }
        if (!(stbl.child(BoxType.STSZ) instanceof SampleSizeBox stsz)) {
            throw new Mp4Exception(path + "/stsz", null, "missing or of an unknown version", -1, "ISO/IEC 14496-12:2022 §8.7.3");
        }
        if (stsz.sampleCount() > limits.maxEntriesPerTable()) {
            throw Mp4Exception.limit(path + "/stsz", "sample_count", "maxEntriesPerTable", limits.maxEntriesPerTable(),
                    stsz.sampleCount(), -1);
        }
        int n = (int) stsz.sampleCount();
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            long s = stsz.size(i);
            if (s > Integer.MAX_VALUE) {
                throw new Mp4Exception(path + "/stsz", "entry_size", s + " for sample " + (i + 1) + " is over 2 GiB", -1,
                        "ISO/IEC 14496-12:2022 §8.7.3");
            }
            size[i] = (int) s;
        }
        long[] dts = new long[n];
        long lastDuration = 0;
        if (!(stbl.child(BoxType.STTS) instanceof TimeToSampleBox stts)) {
            throw new Mp4Exception(path + "/stts", null, "missing or of an unknown version", -1, "ISO/IEC 14496-12:2022 §8.6.1.2");
        }
        int i = 0;
        long time = 0;
        for (int e = 0; e < stts.entryCount() && i < n; e++) {
            for (long c = stts.sampleCount(e); c > 0 && i < n; c--) {
                dts[i++] = time;
                time += stts.sampleDelta(e);
                lastDuration = stts.sampleDelta(e);
            }
        }
        if (i < n) {
            throw new Mp4Exception(path + "/stts", "sample_count", "entries cover " + i + " samples, stsz has " + n, -1,
                    "ISO/IEC 14496-12:2022 §8.6.1.2");
        }
        int[] cto = new int[n];
        if (stbl.child(BoxType.CTTS) instanceof CompositionOffsetBox ctts) {
            i = 0;
            for (int e = 0; e < ctts.entryCount() && i < n; e++) {
                for (long c = ctts.sampleCount(e); c > 0 && i < n; c--) {
                    cto[i++] = (int) ctts.sampleOffset(e);
                }
            }
            if (i < n) {
                throw new Mp4Exception(path + "/ctts", "sample_count", "entries cover " + i + " samples, stsz has " + n, -1,
                        "ISO/IEC 14496-12:2022 §8.6.1.3");
            }
        }
        boolean[] sync = null;
        if (stbl.child(BoxType.STSS) instanceof SyncSampleBox stss) {
            sync = new boolean[n];
            for (int e = 0; e < stss.entryCount(); e++) {
                long number = stss.sampleNumber(e);
                if (number < 1 || number > n) {
                    throw new Mp4Exception(path + "/stss", "sample_number", number + " out of range (expected: 1.." + n + ")", -1,
                            "ISO/IEC 14496-12:2022 §8.6.2");
                }
                sync[(int) number - 1] = true;
            }
        }
        return new SampleTable(dts, cto, size, offsets(stbl, path, size), sync, lastDuration);
    }

    /** Each sample's position from stsc (samples per chunk) and stco/co64 (chunk positions). */
    private static long[] offsets(ContainerBox stbl, String path, int[] size) {
        int n = size.length;
        long[] offset = new long[n];
        Box chunks = stbl.child(BoxType.STCO) != null ? stbl.child(BoxType.STCO) : stbl.child(BoxType.CO64);
        if (!(chunks instanceof ChunkOffsetBox stco)) {
            throw new Mp4Exception(path + "/stco", null, "missing (neither stco nor co64) or of an unknown version", -1,
                    "ISO/IEC 14496-12:2022 §8.7.5");
        }
        if (!(stbl.child(BoxType.STSC) instanceof SampleToChunkBox stsc)) {
            throw new Mp4Exception(path + "/stsc", null, "missing or of an unknown version", -1, "ISO/IEC 14496-12:2022 §8.7.4");
        }
        int i = 0;
        int chunkCount = stco.entryCount();
        for (int e = 0; e < stsc.entryCount() && i < n; e++) {
            long first = stsc.firstChunk(e);
            long next = e + 1 < stsc.entryCount() ? stsc.firstChunk(e + 1) : chunkCount + 1L;
            if (first < 1 || first > chunkCount || next <= first || next > chunkCount + 1L) {
                throw new Mp4Exception(path + "/stsc", "first_chunk", first + " in entry " + (e + 1) + " out of order or range (chunks: "
                        + chunkCount + ")", -1, "ISO/IEC 14496-12:2022 §8.7.4");
            }
            long perChunk = stsc.samplesPerChunk(e);
            for (long chunk = first; chunk < next && i < n; chunk++) {
                long position = stco.chunkOffset((int) chunk - 1);
                for (long s = 0; s < perChunk && i < n; s++) {
                    offset[i] = position;
                    position += size[i] & 0xFFFF_FFFFL;
                    i++;
                }
            }
        }
        if (i < n) {
            throw new Mp4Exception(path + "/stsc", "samples_per_chunk", "chunks hold " + i + " samples, stsz has " + n, -1,
                    "ISO/IEC 14496-12:2022 §8.7.4");
        }
        return offset;
    }

}
