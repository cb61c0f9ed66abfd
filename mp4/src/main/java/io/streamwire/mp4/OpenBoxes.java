package io.streamwire.mp4;

import java.util.Arrays;

/**
 * The containers {@link Mp4BoxDecoder} is inside: their headers, where each ends, and the sibling
 * counts that give paths their indices ({@code moov/trak[2]/mdia}). Bounded by
 * {@link Mp4Limits#maxDepth()}. Not thread-safe, like its decoder.
 */
final class OpenBoxes {
    /** Box types that repeat under one parent and carry a 1-based index in paths. */
    private static final int[] INDEXED = {BoxType.TRAK.value(), BoxType.TRAF.value(), BoxType.TRUN.value()};

    private final BoxHeader[] open;
    private final long[] ends;
    private final int[] indexOfOpen;
    /** Per depth, how many of each indexed type were seen among the children. */
    private final int[][] counts;
    private int depth;

    OpenBoxes(int maxDepth) {
        open = new BoxHeader[maxDepth];
        ends = new long[maxDepth];
        indexOfOpen = new int[maxDepth];
        counts = new int[maxDepth + 1][INDEXED.length];
    }

    int depth() {
        return depth;
    }

    /** Stream offset where the innermost container ends, -1 for none or to the end of the input. */
    long parentEnd() {
        return depth > 0 ? ends[depth - 1] : -1;
    }

    /** The innermost container. */
    BoxHeader innermost() {
        return open[depth - 1];
    }

    void clear() {
        depth = 0;
        for (int[] c : counts) {
            Arrays.fill(c, 0);
        }
    }

    /** Enters {@code h}, which ends at {@code end} (-1: with the input) and had path index {@code index}. */
    void push(BoxHeader h, long end, int index) {
        open[depth] = h;
        ends[depth] = end;
        indexOfOpen[depth] = index;
        depth++;
        Arrays.fill(counts[depth], 0);
    }

    BoxHeader pop() {
        return open[--depth];
    }

    /** The path index the next child of {@code type} gets (0: not indexed). */
    int childIndex(int type) {
        for (int k = 0; k < INDEXED.length; k++) {
            if (INDEXED[k] == type) {
                return counts[depth][k] + 1;
            }
        }
        return 0;
    }

    /** Counts a child of {@code type} read at the current depth. */
    void countChild(int type) {
        for (int k = 0; k < INDEXED.length; k++) {
            if (INDEXED[k] == type) {
                counts[depth][k]++;
            }
        }
    }

    /** The path of a child of {@code type} at the current depth. */
    String childPath(int type, int index) {
        return prefix(depth).append(name(type, index)).toString();
    }

    /** The path of the first {@code levels} open containers. */
    String path(int levels) {
        StringBuilder s = prefix(levels);
        return s.length() == 0 ? "" : s.substring(0, s.length() - 1);
    }

    private StringBuilder prefix(int levels) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < Math.min(levels, depth); k++) {
            s.append(name(open[k].type().value(), indexOfOpen[k])).append('/');
        }
        return s;
    }

    static String name(int type, int index) {
        return index > 0 ? BoxType.toString(type) + "[" + index + "]" : BoxType.toString(type);
    }
}
