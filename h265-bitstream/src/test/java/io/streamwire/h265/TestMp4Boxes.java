package io.streamwire.h265;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only reader of the few ISO BMFF boxes (ISO/IEC 14496-12) needed to take an {@code hvcC} and
 * the samples out of a single-track, non-fragmented MP4 written by ffmpeg: moov/trak/mdia/minf/stbl
 * with stsd (hvc1 or hev1 entry), stsz, stsc and stco/co64. Not a general MP4 parser.
 */
final class TestMp4Boxes {
    /** The sample entry type, its hvcC body and the samples (views of the file). */
    record Track(String sampleEntry, ByteBuffer hvcC, List<ByteBuffer> samples) {}

    private TestMp4Boxes() {}

    static Track read(byte[] file) {
        ByteBuffer f = ByteBuffer.wrap(file);
        ByteBuffer stbl = path(f, "moov", "trak", "mdia", "minf", "stbl");
        ByteBuffer stsd = child(stbl, "stsd");
        ByteBuffer entry = stsd.slice(8, stsd.remaining() - 8); // version/flags, entry_count
        int entrySize = entry.getInt(0);
        String type = type(entry, 4);
        // SampleEntry (8 + 6 + 2) + VisualSampleEntry fields (70 bytes) before the child boxes
        ByteBuffer children = entry.slice(8 + 78, entrySize - 8 - 78);
        ByteBuffer hvcC = child(children, "hvcC");
        int[] sizes = sizes(child(stbl, "stsz"));
        long[] chunks = chunkOffsets(stbl);
        ByteBuffer stsc = child(stbl, "stsc");
        int entries = stsc.getInt(4);
        List<ByteBuffer> samples = new ArrayList<>();
        int sample = 0;
        for (int c = 0; c < chunks.length; c++) {
            int perChunk = 0;
            for (int e = 0; e < entries; e++) {
                if (stsc.getInt(8 + 12 * e) - 1 <= c) {
                    perChunk = stsc.getInt(8 + 12 * e + 4);
                }
            }
            long offset = chunks[c];
            for (int i = 0; i < perChunk && sample < sizes.length; i++, sample++) {
                samples.add(ByteBuffer.wrap(file, (int) offset, sizes[sample]).slice());
                offset += sizes[sample];
            }
        }
        return new Track(type, hvcC, samples);
    }

    private static int[] sizes(ByteBuffer stsz) {
        int fixed = stsz.getInt(4);
        int count = stsz.getInt(8);
        int[] sizes = new int[count];
        for (int i = 0; i < count; i++) {
            sizes[i] = fixed != 0 ? fixed : stsz.getInt(12 + 4 * i);
        }
        return sizes;
    }

    private static long[] chunkOffsets(ByteBuffer stbl) {
        ByteBuffer stco = find(stbl, "stco");
        boolean wide = stco == null;
        if (wide) {
            stco = child(stbl, "co64");
        }
        int count = stco.getInt(4);
        long[] offsets = new long[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = wide ? stco.getLong(8 + 8 * i) : stco.getInt(8 + 4 * i) & 0xFFFFFFFFL;
        }
        return offsets;
    }

    private static ByteBuffer path(ByteBuffer in, String... types) {
        ByteBuffer b = in;
        for (String t : types) {
            b = child(b, t);
        }
        return b;
    }

    /** The body of the first child box of that type. */
    static ByteBuffer child(ByteBuffer in, String type) {
        ByteBuffer b = find(in, type);
        if (b == null) {
            throw new IllegalArgumentException("no " + type + " box");
        }
        return b;
    }

    private static ByteBuffer find(ByteBuffer in, String type) {
        int p = 0;
        while (p + 8 <= in.limit()) {
            long size = in.getInt(p) & 0xFFFFFFFFL;
            int header = 8;
            if (size == 1) {
                size = in.getLong(p + 8);
                header = 16;
            } else if (size == 0) {
                size = in.limit() - p;
            }
            if (type(in, p + 4).equals(type)) {
                return in.slice(p + header, (int) size - header);
            }
            p += (int) size;
        }
        return null;
    }

    private static String type(ByteBuffer b, int at) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            c[i] = (char) (b.get(at + i) & 0xFF);
        }
        return new String(c);
    }
}
