package io.streamwire.flv;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * Guesses where the FLV tags (Adobe FLV/F4V v10.1, Annex E.3/E.4.1) of a window of a buffer start,
 * by walking several tag chains at once, so that the decoder can then deliver those tags without
 * waiting on one cache miss per tag.
 *
 * <p>Why: in a scan that does not read the bodies, each tag's DataSize gives the next header's
 * address, so one chain of tags is a chain of dependent loads, one cache miss per tag (about 66-70 M
 * tags/s for 300-500 B tags on the benchmark machine, however little work is done per tag). Here the
 * window is cut into {@link #CHAINS} parts; each part after the first starts at a tag found by a
 * cheap resynchronisation (three zero StreamID bytes found eight bytes at a time, then TagType 8, 9
 * or 18, reserved bits 0 and a trailing PreviousTagSize of 11 or 15 + DataSize), and all the chains
 * advance in the same loop iteration reading DataSize only, so their misses are in flight together.
 * The offsets are only hints: a false resynchronisation, a capped chain or a chain that does not
 * land on the next one's start shows up as a gap the decoder checks for (it compares each recorded
 * offset with the one its own walk computes) and then walks that stretch on the single chain.
 *
 * <p>It reads DataSize, TagType and StreamID through {@link FlvTagHeader}'s accessors (the one
 * place the header layout is decoded) and only adds the search for split points. It exists for
 * speed alone: it keeps the FLV tag scan of the small-tag benchmark input above ten times jcodec's
 * rate (the single chain alone landed between 7.5 and 12 times, depending on the host's load).
 *
 * <p>Every read stays inside {@code [p, limit)}; nothing is allocated after the first
 * {@link #walk}, which allocates the offsets array (bounded: {@code window / 64 + 64} per chain).
 *
 * <p>Not thread-safe: one per decoder.
 */
final class TagChains {
    /** Default window in bytes (measured best of 256 KB-4 MB; about a quarter of it is touched). */
    static final int DEFAULT_WINDOW = 1 << 20;
    /** Chains per window (2, 4 and 8 measured; 8 best for 300-500 B tags). */
    static final int CHAINS = 8;

    /**
     * The largest buffer limit {@link #walk} may be given: a chain at an offset below it steps by at
     * most 2^24 - 1 + 15 bytes without overflowing an int.
     */
    static final int MAX_LIMIT = Integer.MAX_VALUE - (1 << 24) - 64;

    /** Bytes from a tag's start to the next one's, less DataSize: the header and the PreviousTagSize. */
    private static final int FRAME = FlvTagHeader.LENGTH + 4;
    private static final long LOW7 = 0x7F7F_7F7F_7F7F_7F7FL;

    private final int window;
    private final int cap;
    private final int[] start = new int[CHAINS + 1];
    private final int[] pos = new int[CHAINS];
    private final int[] count = new int[CHAINS];
    private int[] offsets = new int[0];

    /** Chains over windows of {@code window} bytes (at least {@link #CHAINS}). */
    TagChains(int window) {
        if (window < CHAINS) {
            throw new IllegalArgumentException("window " + window + " < " + CHAINS);
        }
        this.window = window;
        this.cap = window / CHAINS / 64 + 64;
    }

    /** Window size in bytes. */
    int window() {
        return window;
    }

    /** The offsets recorded by the last {@link #walk}, in buffer order. */
    int[] offsets() {
        return offsets;
    }

    /**
     * Walks the chains over {@code [p, p + length)}, {@code p} being a tag start; requires
     * {@code CHAINS <= length <= window} and {@code p + length + 15 <= limit <= MAX_LIMIT}. Each chain records the tags it steps on,
     * stopping at the next chain's start (the last one at the first tag at or past the window end).
     *
     * @param a the buffer's array, or null to read {@code b} (then {@code base} is 0)
     * @return the number of offsets recorded into {@link #offsets()}
     */
    int walk(byte[] a, int base, ByteBuffer b, int p, int length, int limit) {
        if (offsets.length == 0) {
            offsets = new int[cap * CHAINS];
        }
        int wEnd = p + length;
        int seg = length / CHAINS;
        start[0] = p;
        int previous = p;
        for (int c = 1; c < CHAINS; c++) {
            int q = resync(a, base, b, Math.max(previous, p + c * seg), wEnd, limit);
            start[c] = q < 0 ? wEnd : q;
            previous = start[c];
        }
        start[CHAINS] = wEnd;
        int[] h = offsets;
        int[] pos = this.pos;
        int[] count = this.count;
        for (int c = 0; c < CHAINS; c++) {
            pos[c] = start[c];
            count[c] = c * cap;
        }
        // all chains step in the same iteration: their loads are independent, so their misses overlap;
        // q < start[c + 1] <= limit - 15 keeps each read in bounds
        boolean live = true;
        while (live) {
            live = false;
            for (int c = 0; c < CHAINS; c++) {
                int q = pos[c];
                int n = count[c];
                if (q < start[c + 1] & n < (c + 1) * cap) {
                    h[n] = q;
                    count[c] = n + 1;
                    pos[c] = q + FlvTagHeader.dataSize(FlvTagHeader.word(a, base, b, q)) + FRAME;
                    live = true;
                }
            }
        }
        int n = count[0];
        for (int c = 1; c < CHAINS; c++) {
            int len = count[c] - c * cap;
            System.arraycopy(h, c * cap, h, n, len);
            n += len;
        }
        return n;
    }

    /**
     * The first plausible tag start in {@code [s, end)} whose PreviousTagSize (inside {@code limit})
     * is 11 or 15 + DataSize, or -1. Looks for the three zero StreamID bytes eight bytes at a time,
     * stepping six bytes so that every run of three lies inside one word.
     */
    static int resync(byte[] a, int base, ByteBuffer b, int s, int end, int limit) {
        for (int w = s + 8; w < end + 8 & w <= limit - 8; w += 6) {
            long x = a != null ? BigEndian.getLong(a, base + w) : BigEndian.getLong(b, w);
            long zero = ~(((x & LOW7) + LOW7) | x | LOW7); // 0x80 in each zero byte, exactly
            long runs = zero & (zero << 8) & (zero << 16); // byte i: bytes i..i+2 are zero
            while (runs != 0) {
                int i = Long.numberOfLeadingZeros(runs) >>> 3;
                runs &= ~(Long.MIN_VALUE >>> (i << 3));
                int q = w + i - 8; // StreamID is at header bytes 8..10
                int typeSize = FlvTagHeader.word(a, base, b, q + FlvTagHeader.WORD_TYPE_SIZE);
                int size = FlvTagHeader.dataSize(typeSize);
                if (!FlvTagHeader.plausibleTypeByte(typeSize) | q >= end | size > limit - q - FRAME) {
                    continue;
                }
                if (FlvTagHeader.closes(FlvTagHeader.word(a, base, b, q + FlvTagHeader.LENGTH + size), size)) {
                    return q;
                }
            }
        }
        return -1;
    }
}
