package io.streamwire.flv;

import io.streamwire.flv.internal.BigEndian;
import io.streamwire.flv.internal.TagChains;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Push decoder for FLV files and HTTP-FLV streams: the file header, then tags with their
 * PreviousTagSize. Adobe FLV/F4V specification v10.1, Annex E.2 (header) and E.3/E.4.1 (body, tags).
 *
 * <p>Sans-IO push model: {@link #feed(ByteBuffer)} consumes everything given and calls the
 * {@link Listener}; {@link #endOfInput()} reports a truncated tail; {@link #reset()} starts over.
 * A tag that lies wholly inside one fed buffer is handed out zero-copy (the {@link FlvTag} view
 * points into the caller's buffer, valid during the call); a tag crossing feeds is gathered into a
 * bounded internal buffer first, unless the listener answered {@link Interest#IGNORE} to its
 * header, in which case its body is skipped without buffering. The events are identical however
 * the input is split.
 *
 * <p>Resynchronisation (lenient mode, the default): an implausible tag header (TagType not 8, 9
 * or 18, reserved bits set, StreamID not 0) starts a byte-by-byte search for the next plausible
 * tag, one whose header is valid and whose trailing PreviousTagSize equals 11 + DataSize (or
 * 15 + DataSize, as Red5 writes it); the
 * skipped bytes are reported as {@link FlvAnomaly.Kind#SKIPPED_BYTES}. A PreviousTagSize that
 * disagrees with the tag before it is reported, not fatal. A final tag cut short (a recorder that
 * crashed) is reported by {@code endOfInput()} as {@link FlvAnomaly.Kind#TRUNCATED_TAG}; a file
 * that ends right after a complete tag without its final PreviousTagSize (Red5 recordings do) is
 * accepted silently, one that ends inside it is reported. In strict
 * mode ({@link FlvLimits#strict()}) those cases throw instead.
 *
 * <p>Limits: DataSize above {@link FlvLimits#maxTagSize()} throws
 * {@link FlvLimitExceededException} before anything is buffered. Errors carry the stream offset;
 * after one the decoder is failed and further calls throw {@link IllegalStateException} until
 * {@code reset()}.
 *
 * <pre>{@code
 * FlvDecoder decoder = new FlvDecoder(tag -> System.out.println(tag.tagType() + " @" + tag.timestamp()));
 * decoder.feed(chunk);     // any number of times
 * decoder.endOfInput();
 * }</pre>
 *
 * <p>Not thread-safe: keep it on one connection or event loop.
 *
 * @since 0.1.0
 */
public final class FlvDecoder {
    /** Receives the decoder's events. Only {@link #onTag} is required. */
    @FunctionalInterface
    public interface Listener {
        /** The file header was read. */
        default void onHeader(FlvHeader header) {}

        /**
         * A tag header was read; the body may not have been read yet, so {@code tag.buffer()} and
         * {@code tag.body()} are not to be used here (the buffer may be null or not yet hold the body).
         */
        default Interest onTagHeader(FlvTag tag) {
            return Interest.ACCEPT;
        }

        /** A complete tag whose header was accepted. */
        void onTag(FlvTag tag);

        /** A non-fatal problem. */
        default void onAnomaly(FlvAnomaly anomaly) {}
    }

    private enum State {
        FILE_HEADER, SKIP_HEADER_REST, PREVIOUS_TAG_SIZE_0, TAG_HEADER, TAG_BODY, SKIP_BODY, PREVIOUS_TAG_SIZE, RESYNC, FAILED
    }

    private static final String SPEC = FlvTagHeader.SPEC;

    private final Listener listener;
    private final FlvLimits limits;
    private final FlvTag tag = new FlvTag();
    private State state = State.FILE_HEADER;
    private long offset;
    private long skipRemaining;
    private long expectedPreviousTagSize;
    private long resyncStart;
    private ByteBuffer carry = ByteBuffer.allocate(0);
    private int carryStart;
    private int carryEnd;
    /** Memory-level parallelism for large buffers of small tags (see {@link #fastTags}); null: off. */
    private final TagChains chains;
    private int scanPosition;
    private int runTags;
    /** Tags delivered from {@link TagChains} offsets since construction (tests check the path ran). */
    long hintedTagCount;

    /** A lenient decoder with {@link FlvLimits#defaults()}. */
    public FlvDecoder(Listener listener) {
        this(listener, FlvLimits.defaults());
    }

    /** A decoder with the given limits and strictness. */
    public FlvDecoder(Listener listener, FlvLimits limits) {
        this(listener, limits, TagChains.DEFAULT_WINDOW);
    }

    /** For tests: {@code chainWindow} bytes per {@link TagChains} window, 0 for the single chain only. */
    FlvDecoder(Listener listener, FlvLimits limits, int chainWindow) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.chains = chainWindow > 0 ? new TagChains(chainWindow) : null;
    }

    /** Stream offset of the next byte not yet consumed (bytes carried between feeds count as not consumed). */
    public long offset() {
        return offset;
    }

    /** Starts over at a new file header. */
    public void reset() {
        state = State.FILE_HEADER;
        offset = 0;
        carryStart = carryEnd = 0;
    }

    /**
     * Consumes all of {@code in} (position moves to the limit) and reports what it completes.
     *
     * @throws FlvException on a malformed header, a tag past the size limit, or (strict) an
     *     implausible tag header
     * @throws IllegalStateException after an earlier error
     */
    public void feed(ByteBuffer in) {
        if (state == State.FAILED) {
            throw new IllegalStateException("decoder failed earlier; reset() first");
        }
        try {
            while (true) {
                if (carryEnd > carryStart) {
                    int r = step(carry, carryStart, carryEnd);
                    if (r >= 0) {
                        carryStart += r;
                        offset += r;
                        continue;
                    }
                    if (!in.hasRemaining()) {
                        return;
                    }
                    int missing = -r - (carryEnd - carryStart);
                    int take = Math.min(missing, in.remaining());
                    append(in, take, -r);
                    continue;
                }
                carryStart = carryEnd = 0;
                if (state == State.TAG_HEADER) {
                    fastTags(in);
                }
                int r = step(in, in.position(), in.limit());
                if (r >= 0) {
                    in.position(in.position() + r);
                    offset += r;
                    continue;
                }
                if (in.hasRemaining()) {
                    append(in, in.remaining(), -r);
                }
                return;
            }
        } catch (RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
    }

    /**
     * Declares the input complete: a tag cut short is reported as {@link FlvAnomaly.Kind#TRUNCATED_TAG}
     * (lenient) or thrown (strict); the decoder is then ready for {@link #reset()}.
     *
     * @throws FlvTruncatedInputException if the file header is incomplete, or (strict) a tag is
     * @throws IllegalStateException after an earlier error
     */
    public void endOfInput() {
        if (state == State.FAILED) {
            throw new IllegalStateException("decoder failed earlier; reset() first");
        }
        int carried = carryEnd - carryStart;
        State at = state;
        carryStart = carryEnd = 0;
        switch (at) {
            case FILE_HEADER:
                state = State.FAILED;
                throw new FlvTruncatedInputException("flv header", FlvHeader.LENGTH, carried, offset, FlvHeader.SPEC);
            case SKIP_HEADER_REST:
            case PREVIOUS_TAG_SIZE_0:
                if (carried > 0 || at == State.SKIP_HEADER_REST) {
                    truncated(FlvAnomaly.Kind.TRUNCATED_PREVIOUS_TAG_SIZE, offset, carried, 4);
                }
                break;
            case TAG_HEADER:
                if (carried > 0) {
                    truncated(FlvAnomaly.Kind.TRUNCATED_TAG, offset, carried, FlvTagHeader.LENGTH);
                }
                break;
            case TAG_BODY:
            case SKIP_BODY: {
                long present = FlvTagHeader.LENGTH + (at == State.TAG_BODY ? carried : tag.dataSize - skipRemaining);
                truncated(FlvAnomaly.Kind.TRUNCATED_TAG, tag.offset, present, FlvTagHeader.LENGTH + (long) tag.dataSize);
                break;
            }
            case PREVIOUS_TAG_SIZE:
                if (carried > 0) {
                    truncated(FlvAnomaly.Kind.TRUNCATED_PREVIOUS_TAG_SIZE, offset, carried, 4);
                }
                break;
            case RESYNC:
                listener.onAnomaly(new FlvAnomaly(FlvAnomaly.Kind.SKIPPED_BYTES, resyncStart,
                        offset + carried - resyncStart, 0));
                break;
            default:
                throw new IllegalStateException("state " + at);
        }
        offset += carried;
        state = State.FILE_HEADER;
    }

    private void truncated(FlvAnomaly.Kind kind, long at, long present, long expected) {
        if (limits.strict()) {
            state = State.FAILED;
            throw new FlvTruncatedInputException(kind == FlvAnomaly.Kind.TRUNCATED_TAG ? "flv tag" : "flv PreviousTagSize",
                    expected, present, at, SPEC);
        }
        listener.onAnomaly(new FlvAnomaly(kind, at, present, expected));
    }

    private void append(ByteBuffer in, int n, int need) {
        int live = carryEnd - carryStart;
        if (carryEnd + n > carry.capacity()) {
            int required = Math.max(need, live + n);
            byte[] target = carry.capacity() >= required ? carry.array()
                    : new byte[Math.max(required, Math.min(FlvTagHeader.LENGTH + limits.maxTagSize() + 4,
                            Math.max(256, carry.capacity() * 2)))];
            System.arraycopy(carry.array(), carryStart, target, 0, live);
            carry = target == carry.array() ? carry : ByteBuffer.wrap(target);
            carryStart = 0;
            carryEnd = live;
        }
        carry.put(carryEnd, in, in.position(), n);
        in.position(in.position() + n);
        carryEnd += n;
    }

    /** One step at {@code i}: bytes consumed (0 = state change only), or minus the contiguous bytes needed. */
    private int step(ByteBuffer b, int i, int lim) {
        int avail = lim - i;
        switch (state) {
            case FILE_HEADER: {
                if (avail < FlvHeader.LENGTH) {
                    return -FlvHeader.LENGTH;
                }
                byte[] bytes = new byte[FlvHeader.LENGTH];
                b.get(i, bytes);
                FlvHeader header = FlvHeader.parse(ByteBuffer.wrap(bytes));
                listener.onHeader(header);
                skipRemaining = header.dataOffset() - FlvHeader.LENGTH;
                state = skipRemaining > 0 ? State.SKIP_HEADER_REST : State.PREVIOUS_TAG_SIZE_0;
                return FlvHeader.LENGTH;
            }
            case SKIP_HEADER_REST:
            case SKIP_BODY: {
                if (skipRemaining == 0) {
                    state = state == State.SKIP_BODY ? State.PREVIOUS_TAG_SIZE : State.PREVIOUS_TAG_SIZE_0;
                    return 0;
                }
                if (avail == 0) {
                    return -1;
                }
                int n = (int) Math.min(avail, skipRemaining);
                skipRemaining -= n;
                return n;
            }
            case PREVIOUS_TAG_SIZE_0: {
                if (avail < 4) {
                    return -4;
                }
                long value = BigEndian.getInt(b, i) & 0xFFFF_FFFFL;
                if (value != 0) {
                    listener.onAnomaly(new FlvAnomaly(FlvAnomaly.Kind.PREVIOUS_TAG_SIZE_0_NOT_ZERO, offset, value, 0));
                }
                state = State.TAG_HEADER;
                return 4;
            }
            case TAG_HEADER: {
                if (avail < FlvTagHeader.LENGTH) {
                    return -FlvTagHeader.LENGTH;
                }
                int b0 = b.get(i) & 0xFF;
                int type = b0 & 0x1F;
                int size = FlvTagHeader.medium(b, i + 1);
                int streamId = FlvTagHeader.medium(b, i + 8);
                if (!plausible(b0, streamId)) {
                    if (limits.strict()) {
                        throw implausible(b0, streamId);
                    }
                    state = State.RESYNC;
                    resyncStart = offset;
                    return 0;
                }
                if (size > limits.maxTagSize()) {
                    throw new FlvLimitExceededException("flv DataSize", "maxTagSize", limits.maxTagSize(), size, offset + 1,
                            SPEC);
                }
                tag.reserved = b0 >>> 6;
                tag.filter = (b0 & 0x20) != 0;
                tag.tagType = type;
                tag.dataSize = size;
                tag.timestamp = FlvTagHeader.medium(b, i + 4) | (b.get(i + 7) & 0xFF) << 24;
                tag.streamId = streamId;
                tag.offset = offset;
                tag.buffer = null;
                expectedPreviousTagSize = FlvTagHeader.LENGTH + (long) size;
                if (listener.onTagHeader(tag) == Interest.IGNORE) {
                    skipRemaining = size;
                    state = State.SKIP_BODY;
                } else {
                    state = State.TAG_BODY;
                }
                return FlvTagHeader.LENGTH;
            }
            case TAG_BODY: {
                int size = tag.dataSize;
                if (avail < size) {
                    return -size;
                }
                tag.buffer = b;
                tag.bodyIndex = i;
                listener.onTag(tag);
                tag.buffer = null;
                state = State.PREVIOUS_TAG_SIZE;
                return size;
            }
            case PREVIOUS_TAG_SIZE: {
                if (avail < 4) {
                    return -4;
                }
                long value = BigEndian.getInt(b, i) & 0xFFFF_FFFFL;
                if (value != expectedPreviousTagSize) {
                    listener.onAnomaly(new FlvAnomaly(FlvAnomaly.Kind.PREVIOUS_TAG_SIZE_MISMATCH, offset, value,
                            expectedPreviousTagSize));
                }
                state = State.TAG_HEADER;
                return 4;
            }
            case RESYNC: {
                if (avail < FlvTagHeader.LENGTH) {
                    return -FlvTagHeader.LENGTH;
                }
                int b0 = b.get(i) & 0xFF;
                int size = FlvTagHeader.medium(b, i + 1);
                if (!plausible(b0, FlvTagHeader.medium(b, i + 8)) || size > limits.maxTagSize()) {
                    return 1;
                }
                int need = FlvTagHeader.LENGTH + size + 4;
                if (avail < need) {
                    return -need;
                }
                long trailer = BigEndian.getInt(b, i + FlvTagHeader.LENGTH + size) & 0xFFFF_FFFFL;
                // Red5 writes PreviousTagSize 4 too large (counting itself): accept that too
                if (trailer != FlvTagHeader.LENGTH + (long) size && trailer != FlvTagHeader.LENGTH + 4L + size) {
                    return 1;
                }
                listener.onAnomaly(new FlvAnomaly(FlvAnomaly.Kind.SKIPPED_BYTES, resyncStart, offset - resyncStart, 0));
                state = State.TAG_HEADER;
                return 0;
            }
            default:
                throw new IllegalStateException("state " + state);
        }
    }

    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    /**
     * The common case, whole tags inside the caller's buffer: header, body and PreviousTagSize in one
     * pass with word reads, stopping (leaving the state machine to continue) at anything else: a tag
     * not wholly present, an implausible header, a DataSize past the limit.
     *
     * <p>Written for the small-tag case, where the loop is bound by the chain of dependent loads
     * (each tag's DataSize gives the next header's address): heap arrays are read through a
     * VarHandle rather than {@code ByteBuffer.getInt} ({@code a != null} is loop-invariant, so C2
     * compiles one loop per kind), the plausibility test has no branch on the tag type (audio and
     * video tags interleave irregularly), {@code tag.buffer} (a reference field, so a GC write
     * barrier) is set once per run rather than per tag, and position and offset are written back
     * on exit. Software prefetch ahead of the chain (touching lines at a fixed distance) was tried
     * and measured no faster.
     *
     * <p>Memory-level parallelism, for buffers of at least one {@link TagChains} window (1 MB) of
     * small tags: {@link TagChains#walk} first walks eight chains of the window at once from
     * resynchronised split points, recording tag offsets (eight misses in flight instead of one), and
     * {@link #hintedTags} then delivers the window's tags in order from those offsets, which takes the
     * dependent load off the delivery loop and finds the lines in cache. Measured on the 240p input
     * (7.5 MB, 14,200 tags of about 530 B; FlvMlpExperiment, best of 5, 2 shared vCPUs): single chain
     * 66-74 M tags/s, bare pointer chase 89-92 M, eight chains walking only 300-340 M, delivery from
     * perfect offsets with the tags in L2 150-160 M, both phases 92-99 M. Two or four chains, windows of
     * 256 KB to 4 MB, and running the next window's chains inside the delivery loop were all slower.
     * Buffers whose tags average 1 KB or more (measured over the first 64 KB, then per window) stay on the single chain: there the resynchronisation
     * costs more than the misses it hides (the 720p input, about 4.9 KB per tag). The offsets are
     * only hints: each is checked against the offset the delivery computes, and a stretch where they
     * differ is walked on the single chain, so the events, anomalies, errors, offsets and position
     * are those of the single chain for every input.
     */
    private void fastTags(ByteBuffer b) {
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
                while (lim - p >= (long) w + FlvTagHeader.LENGTH + 4) {
                    int stop = p + (smallTags ? w : span);
                    int tags;
                    int q;
                    if (smallTags) {
                        tags = ch.walk(a, base, b, p, lim);
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
                    smallTags = (long) tags * 1024 >= (smallTags ? w : span);
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
        int maxTagSize = limits.maxTagSize();
        long off = offset;
        int tags = 0;
        try {
            while (lim - p >= FlvTagHeader.LENGTH + 4 & p < stop) {
                int w0 = readInt(a, base, b, p); // b0 | DataSize
                if (!deliverable(w0, readInt(a, base, b, p + 7), maxTagSize, lim - p)) {
                    break;
                }
                int step = deliver(a, base, b, t, p, w0, off);
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
        int maxTagSize = limits.maxTagSize();
        long off = offset;
        int next = p;
        int i = 0;
        try {
            for (; i < n; i++) {
                int q = hints[i]; // read addresses from the hint, not from the previous tag's DataSize
                if (q != next) {
                    break;
                }
                int w0 = readInt(a, base, b, q);
                if (!deliverable(w0, readInt(a, base, b, q + 7), maxTagSize, lim - q)) {
                    break;
                }
                int step = deliver(a, base, b, t, q, w0, off);
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
     * Whether the tag header whose first word is {@code w0} (TagType byte, DataSize) and whose word
     * at byte 7 is {@code w7} (TimestampExtended, StreamID) is plausible (no branch on the type) and
     * the whole tag with its PreviousTagSize fits the limit and the {@code room} bytes left.
     */
    private static boolean deliverable(int w0, int w7, int maxTagSize, int room) {
        int b0 = w0 >>> 24;
        int size = w0 & 0xFF_FFFF;
        boolean plausible = ((b0 & 0xC0) | (w7 & 0xFF_FFFF)) == 0 & ((TagChains.PLAUSIBLE_B0 >>> b0) & 1) != 0;
        return plausible & size <= Math.min(maxTagSize, room - FlvTagHeader.LENGTH - 4);
    }

    /**
     * Hands out the {@link #deliverable} whole tag at {@code p} (stream offset {@code off}, first
     * header word {@code w0}), checks its PreviousTagSize and returns the bytes to the next tag.
     */
    private int deliver(byte[] a, int base, ByteBuffer b, FlvTag t, int p, int w0, long off) {
        int b0 = w0 >>> 24;
        int size = w0 & 0xFF_FFFF;
        t.reserved = 0;
        t.filter = (b0 & 0x20) != 0;
        t.tagType = b0 & 0x1F;
        t.dataSize = size;
        t.timestamp = Integer.rotateRight(readInt(a, base, b, p + 4), 8); // Timestamp (24), TimestampExtended (8)
        t.streamId = 0;
        t.offset = off;
        t.bodyIndex = p + FlvTagHeader.LENGTH;
        offset = off;
        if (listener.onTagHeader(t) != Interest.IGNORE) {
            listener.onTag(t);
        }
        int expected = FlvTagHeader.LENGTH + size;
        int previous = readInt(a, base, b, p + expected);
        if (previous != expected) {
            listener.onAnomaly(new FlvAnomaly(FlvAnomaly.Kind.PREVIOUS_TAG_SIZE_MISMATCH, off + expected,
                    previous & 0xFFFF_FFFFL, expected));
        }
        return expected + 4;
    }

    /** The big-endian int at index {@code i} of {@code b}, through its array {@code a} when it has one. */
    private static int readInt(byte[] a, int base, ByteBuffer b, int i) {
        return a != null ? (int) INT_BE.get(a, base + i) : BigEndian.getInt(b, i);
    }

    private static boolean plausible(int b0, int streamId) {
        int type = b0 & 0x1F;
        return b0 >>> 6 == 0 && streamId == 0
                && (type == FlvTagHeader.AUDIO || type == FlvTagHeader.VIDEO || type == FlvTagHeader.SCRIPT_DATA);
    }

    private FlvException implausible(int b0, int streamId) {
        int type = b0 & 0x1F;
        if (type != FlvTagHeader.AUDIO && type != FlvTagHeader.VIDEO && type != FlvTagHeader.SCRIPT_DATA) {
            return new FlvException("flv TagType", type + " is not 8, 9 or 18", offset, SPEC);
        }
        if (b0 >>> 6 != 0) {
            return new FlvException("flv tag Reserved", "bits are " + (b0 >>> 6) + " (expected 0)", offset, SPEC);
        }
        return new FlvException("flv StreamID", streamId + " is not 0", offset + 8, SPEC);
    }
}
