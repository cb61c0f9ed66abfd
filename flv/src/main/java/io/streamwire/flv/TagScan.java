package io.streamwire.flv;

import io.streamwire.core.Interest;
import java.nio.ByteBuffer;

/**
 * The {@link FlvDecoder}'s common case, whole tags inside the caller's buffer: header, body and
 * PreviousTagSize in one pass with word reads, stopping (leaving the state machine to continue) at
 * anything else: a tag not wholly present, an implausible header, a DataSize past the limit.
 *
 * <p>Written for the small-tag case, where the loop is bound by the chain of dependent loads
 * (each tag's DataSize gives the next header's address): heap arrays are read through a
 * VarHandle rather than {@code ByteBuffer.getInt} ({@code a != null} is loop-invariant, so C2
 * compiles one loop per kind), the plausibility test has no branch on the tag type (audio and
 * video tags interleave irregularly), {@code tag.buffer} (a reference field, so a GC write
 * barrier) is set once per run rather than per tag, position and offset are written back
 * on exit, the header is read as one int and one long (bytes 0..3 and 3..10), and the tag view keeps
 * the raw header int and long (two stores per tag instead of seven; {@link FlvTag}'s accessors
 * decode them, DataSize included). Software prefetch ahead of the chain (touching lines at a
 * fixed distance) was tried and measured no faster.
 *
 * <p>Memory-level parallelism, for buffers of at least one {@link TagChains} window (1 MB) of
 * small tags (the last, shorter stretch of the buffer too, when it is at least a sixteenth of a
 * window): {@link TagChains#walk} first walks eight chains of the window at once from
 * resynchronised split points, recording tag offsets (eight misses in flight instead of one), and
 * {@link #hintedTags} then delivers the window's tags in order from those offsets, which takes the
 * dependent load off the delivery loop and finds the lines in cache (on the small-tag benchmark
 * input, 14,200 tags of about 530 B: about 90 M tags/s against about 68 M on the single chain).
 * Buffers whose tags average 1 KB or more (measured over the first 64 KB, then per window) stay
 * on the single chain: there the resynchronisation costs more than the misses it hides. The
 * offsets are only hints: each is checked against the offset the delivery computes, and a
 * stretch where they differ is walked on the single chain, so the events, anomalies, errors,
 * offsets and position are those of the single chain for every input.
 *
 * <p>Header words are decoded by {@link FlvTagHeader}'s accessors, as in the decoder's state machine;
 * this class only adds the walk over whole tags.
 *
 * <p>Not thread-safe: one per decoder.
 */
final class TagScan {
    private final FlvDecoder.Listener listener;
    private final FlvTag tag;
    private final int maxTagSize;
    /** Memory-level parallelism for large buffers of small tags; null: off. */
    private final TagChains chains;
    /** Stream offset of the next tag to scan; where the scan stopped afterwards. */
    long offset;
    private int scanPosition;
    private int runTags;
    /** Tags delivered from {@link TagChains} offsets since construction (tests check the path ran). */
    long hintedTagCount;

    /** @param chainWindow bytes per {@link TagChains} window, 0 for the single chain only */
    TagScan(FlvDecoder.Listener listener, FlvTag tag, int maxTagSize, int chainWindow) {
        this.listener = listener;
        this.tag = tag;
        this.maxTagSize = maxTagSize;
        this.chains = chainWindow > 0 ? new TagChains(chainWindow) : null;
    }

    /**
     * Delivers the whole tags at {@code b}'s position, the first at stream offset {@link #offset};
     * moves {@code b}'s position past them and {@link #offset} with it (also when the listener
     * throws), and stops at the first thing for the decoder's state machine.
     */
    void scan(ByteBuffer b) {
        byte[] a = b.hasArray() ? b.array() : null;
        int base = a != null ? b.arrayOffset() : 0;
        int p = b.position();
        int lim = b.limit();
        scanPosition = p;
        tag.buffer = b;
        try {
            TagChains ch = chains;
            // TagChains steps a chain by DataSize + 15 without checking it against the limit (the next
            // chain's start bounds it), so its int offsets must not overflow: leave buffers within
            // 16 MB + 64 of 2 GiB on the single chain, which checks DataSize before it steps
            if (ch != null && lim <= TagChains.MAX_LIMIT) {
                int w = ch.window();
                boolean smallTags = false;
                int span = w / 16; // a first sixteenth of a window on the single chain measures the tag size
                // windows of w bytes, then a last shorter one (at least a sixteenth of a window, and CHAINS) up to the limit
                int shortest = Math.max(w / 16, TagChains.CHAINS);
                int len;
                while ((len = (int) Math.min(w, lim - p - (long) (FlvTagHeader.LENGTH + 4))) >= shortest) {
                    int stretch = smallTags ? len : Math.min(span, len);
                    int stop = p + stretch;
                    int tags;
                    int q;
                    if (smallTags) {
                        tags = ch.walk(a, base, b, p, len, lim);
                        q = hintedTags(a, base, b, p, lim, ch.offsets(), tags);
                        if (q < 0) { // a hint did not line up: the rest of the window on the single chain
                            q = singleChain(a, base, b, -q - 1, lim, stop);
                        }
                    } else {
                        q = singleChain(a, base, b, p, lim, stop);
                        tags = runTags;
                    }
                    p = q;
                    if (p < stop) {
                        break; // stopped on something for the state machine
                    }
                    smallTags = (long) tags * 1024 >= stretch;
                    span = w;
                }
            }
            singleChain(a, base, b, p, lim, lim);
        } finally {
            tag.buffer = null;
            b.position(scanPosition);
        }
    }

    /**
     * Delivers whole tags from {@code p} while {@code p < stop}; returns where it stopped (also left in
     * {@code scanPosition}, with {@code offset}, if the listener throws) and counts them in {@code runTags}.
     */
    private int singleChain(byte[] a, int base, ByteBuffer b, int p, int lim, int stop) {
        FlvTag t = tag;
        int maxTagSize = this.maxTagSize;
        long off = offset;
        int tags = 0;
        try {
            while (lim - p >= FlvTagHeader.LENGTH + 4 & p < stop) {
                int w0 = FlvTagHeader.word(a, base, b, p + FlvTagHeader.WORD_TYPE_SIZE);
                long w3 = FlvTagHeader.longWord(a, base, b, p + FlvTagHeader.LONG_TIMESTAMP_STREAM_ID);
                if (!deliverable(w0, FlvTagHeader.streamIdWord(w3), maxTagSize, lim - p)) {
                    break;
                }
                int step = deliver(a, base, b, t, p, w0, w3, off);
                off += step;
                p += step;
                tags++;
            }
        } finally {
            offset = off;
            scanPosition = p;
        }
        runTags = tags;
        return p;
    }

    /**
     * Delivers the {@code n} tags at {@code hints} (recorded by {@link TagChains#walk} from
     * {@code p}) exactly as {@link #singleChain} would, as long as each hint is the offset the
     * previous tag leads to. Returns the offset after the last one, or minus that of the first tag
     * not delivered, minus 1 (a hint that does not line up, or a tag the single chain stops at).
     */
    private int hintedTags(byte[] a, int base, ByteBuffer b, int p, int lim, int[] hints, int n) {
        FlvTag t = tag;
        int maxTagSize = this.maxTagSize;
        long off = offset;
        int next = p;
        int i = 0;
        try {
            for (; i < n; i++) {
                int q = hints[i]; // read addresses from the hint, not from the previous tag's DataSize
                if (q != next) {
                    break;
                }
                int w0 = FlvTagHeader.word(a, base, b, q + FlvTagHeader.WORD_TYPE_SIZE);
                long w3 = FlvTagHeader.longWord(a, base, b, q + FlvTagHeader.LONG_TIMESTAMP_STREAM_ID);
                if (!deliverable(w0, FlvTagHeader.streamIdWord(w3), maxTagSize, lim - q)) {
                    break;
                }
                int step = deliver(a, base, b, t, q, w0, w3, off);
                off += step;
                next = q + step;
            }
        } finally {
            offset = off;
            scanPosition = next;
            hintedTagCount += i;
        }
        return i == n ? next : -next - 1;
    }

    /**
     * Whether the tag header whose words at bytes 0 and 7 are {@code w0} and {@code w7} is
     * {@linkplain FlvTagHeader#plausible plausible} and the whole tag with its PreviousTagSize fits
     * the limit and the {@code room} bytes left.
     */
    private static boolean deliverable(int w0, int w7, int maxTagSize, int room) {
        return FlvTagHeader.plausible(w0, w7)
                & FlvTagHeader.dataSize(w0) <= Math.min(maxTagSize, room - FlvTagHeader.LENGTH - 4);
    }

    /**
     * Hands out the {@link #deliverable} whole tag at {@code p} (stream offset {@code off}, header
     * word {@code w0} at byte 0 and long {@code w3} at byte 3), checks its PreviousTagSize and returns
     * the bytes to the next tag.
     */
    private int deliver(byte[] a, int base, ByteBuffer b, FlvTag t, int p, int w0, long w3, long off) {
        int size = FlvTagHeader.dataSize(w0);
        t.set(w0, w3, off);
        t.bodyIndex = p + FlvTagHeader.LENGTH;
        Interest interest = listener.onTagHeader(t);
        if (interest == Interest.WHOLE) {
            listener.onTag(t);
        } else if (interest == Interest.FRAGMENTS) {
            oneFragment(t, b, size);
        }
        int expected = FlvTagHeader.LENGTH + size;
        int previous = FlvTagHeader.word(a, base, b, p + expected);
        if (previous != expected) {
            listener.onAnomaly(FlvDecoder.previousTagSizeMismatch(off + expected, previous & 0xFFFF_FFFFL, expected));
        }
        return expected + 4;
    }

    /** The whole body of a tag answered {@link Interest#FRAGMENTS} as its one, last fragment (kept out of the loop's code). */
    private void oneFragment(FlvTag t, ByteBuffer b, int size) {
        listener.onTagFragment(t, b.slice(t.bodyIndex, size).asReadOnlyBuffer(), true);
    }
}
