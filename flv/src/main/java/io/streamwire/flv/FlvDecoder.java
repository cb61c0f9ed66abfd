package io.streamwire.flv;

import io.streamwire.core.Anomaly;
import io.streamwire.core.DecoderListener;
import io.streamwire.core.Interest;
import io.streamwire.core.StreamDecoder;
import io.streamwire.core.internal.BigEndian;
import io.streamwire.core.internal.DecoderState;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Push decoder for FLV files and HTTP-FLV streams: the file header, then tags with their
 * PreviousTagSize. Adobe FLV/F4V specification v10.1, Annex E.2 (header) and E.3/E.4.1 (body, tags).
 *
 * <p>Sans-IO push model, with the lifecycle of {@link StreamDecoder}: {@link #feed(ByteBuffer)}
 * consumes everything given and calls the {@link Listener}; {@link #endOfInput()} reports a
 * truncated tail; {@link #reset()} starts over at a new file header. When a tag header has been
 * read the listener answers {@link Listener#onTagHeader} with an {@link Interest}:
 * <ul>
 *   <li>{@link Interest#WHOLE} (the default): the tag comes to {@link Listener#onTag}. A tag that
 *       lies wholly inside one fed buffer is handed out zero-copy (the {@link FlvTag} view points
 *       into the caller's buffer, valid during the call); a tag crossing feeds is gathered into a
 *       bounded internal buffer first (at most {@link FlvLimits#maxTagSize()} + 15 bytes), which
 *       grows with the bytes that arrive, not to the declared DataSize.</li>
 *   <li>{@link Interest#FRAGMENTS}: the body comes to {@link Listener#onTagFragment} in the pieces
 *       in which it arrives, zero-copy, nothing buffered, the last piece marked (one piece, marked
 *       last, when the tag lies in one buffer; an empty one for DataSize 0); {@code onTag} is not
 *       called for it. The concatenated pieces are the same however the input is split; where the
 *       pieces end is not.</li>
 *   <li>{@link Interest#IGNORE}: the body is skipped without buffering.</li>
 * </ul>
 * Every other event is identical however the input is split.
 *
 * <p>Resynchronisation (lenient mode, the default): an implausible tag header (TagType not 8, 9
 * or 18, reserved bits set, StreamID not 0) starts a byte-by-byte search for the next plausible
 * tag, one whose header is valid and whose trailing PreviousTagSize equals 11 + DataSize (or
 * 15 + DataSize, as Red5 writes it); the skipped bytes are reported as
 * {@link FlvAnomalyKind#SKIPPED_BYTES}. A PreviousTagSize that disagrees with the tag before it is
 * reported, not fatal. A final tag cut short (a recorder that crashed) is reported by
 * {@code endOfInput()} as {@link FlvAnomalyKind#TRUNCATED_TAG}; a file that ends right after a
 * complete tag without its final PreviousTagSize (Red5 recordings do) is accepted silently, one
 * that ends inside it is reported. In strict mode ({@link FlvLimits#strict()}) those cases throw
 * instead.
 *
 * <p>Errors: a malformed file header throws {@link FlvException}; input that ends inside the
 * file header throws {@link io.streamwire.core.TruncatedInputException} at {@code endOfInput()};
 * DataSize above {@link FlvLimits#maxTagSize()} throws
 * {@link io.streamwire.core.LimitExceededException} before anything is buffered. All carry module
 * {@code "flv"} and the stream offset; after one (or an exception from the listener) the decoder is
 * failed and every call but {@code reset()} and {@code position()} throws
 * {@link IllegalStateException} naming it.
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
public final class FlvDecoder implements StreamDecoder {
    /** Receives the decoder's events. Only {@link #onTag} is required. */
    @FunctionalInterface
    public interface Listener extends DecoderListener<FlvAnomalyKind> {
        /** The file header was read. */
        default void onHeader(FlvHeader header) {}

        /**
         * A tag header was read; the body may not have been read yet, so {@code tag.buffer()} and
         * {@code tag.body()} are not to be used here.
         *
         * @return how to deliver the body: {@link Interest#WHOLE} to {@link #onTag} (the default),
         *     {@link Interest#FRAGMENTS} to {@link #onTagFragment}, or {@link Interest#IGNORE}
         */
        default Interest onTagHeader(FlvTag tag) {
            return Interest.WHOLE;
        }

        /** A complete tag whose header was answered {@link Interest#WHOLE}. */
        void onTag(FlvTag tag);

        /**
         * A piece of the body of a tag whose header was answered {@link Interest#FRAGMENTS}:
         * {@code part} (read-only, position to limit) is valid during the call only, and
         * {@code tag}'s header fields are those of its header ({@code tag.buffer()} and
         * {@code tag.body()} are not to be used here).
         *
         * @param last true for the piece that ends the body
         */
        default void onTagFragment(FlvTag tag, ByteBuffer part, boolean last) {}
    }

    private enum State {
        FILE_HEADER, SKIP_HEADER_REST, PREVIOUS_TAG_SIZE_0, TAG_HEADER, TAG_BODY, TAG_FRAGMENTS, SKIP_BODY,
        PREVIOUS_TAG_SIZE, RESYNC
    }

    private static final String SPEC = FlvTagHeader.SPEC;

    private final Listener listener;
    private final FlvLimits limits;
    private final DecoderState lifecycle = new DecoderState("FlvDecoder");
    private final FlvTag tag = new FlvTag();
    private State state = State.FILE_HEADER;
    /** Stream offset of the next byte not yet decoded (bytes carried between feeds are not decoded yet). */
    private long offset;
    /** Bytes still to skip (SKIP_HEADER_REST, SKIP_BODY) or to hand out (TAG_FRAGMENTS). */
    private long bodyRemaining;
    private long expectedPreviousTagSize;
    private long resyncStart;
    private ByteBuffer carry = ByteBuffer.allocate(0);
    private int carryStart;
    private int carryEnd;
    /** Whole tags inside one fed buffer, the common case. */
    private final TagScan scan;

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
        this.scan = new TagScan(listener, tag, limits.maxTagSize(), chainWindow);
    }

    /**
     * Bytes fed since construction or the last {@link #reset()}, bytes held between feeds included.
     * During a listener call, use the event's offset ({@link FlvTag#offset()}) instead.
     */
    @Override
    public long position() {
        return offset + (carryEnd - carryStart);
    }

    /** Starts over at a new file header, as if new: held bytes are dropped, the position is 0. */
    @Override
    public void reset() {
        lifecycle.reset();
        state = State.FILE_HEADER;
        offset = 0;
        bodyRemaining = 0;
        carryStart = carryEnd = 0;
        tag.buffer = null;
    }

    /**
     * Consumes all of {@code in} (position moves to the limit) and reports what it completes.
     *
     * @throws FlvException on a malformed file header, or (strict) an implausible tag header
     * @throws io.streamwire.core.LimitExceededException for a DataSize above {@link FlvLimits#maxTagSize()}
     * @throws IllegalStateException after {@link #endOfInput()} or an earlier failure
     */
    @Override
    public void feed(ByteBuffer in) {
        lifecycle.checkFeed();
        try {
            decode(in);
        } catch (Throwable t) {
            lifecycle.fail(t);
            throw t;
        }
    }

    /**
     * Declares the input complete: a tag cut short is reported as {@link FlvAnomalyKind#TRUNCATED_TAG}
     * (lenient) or thrown (strict). A second call does nothing.
     *
     * @throws io.streamwire.core.TruncatedInputException if the file header is incomplete, or (strict)
     *     a tag or PreviousTagSize is
     * @throws IllegalStateException after an earlier failure
     */
    @Override
    public void endOfInput() {
        if (!lifecycle.beginEnd()) {
            return;
        }
        try {
            flush();
        } catch (Throwable t) {
            lifecycle.fail(t);
            throw t;
        }
    }

    private void decode(ByteBuffer in) {
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
                scan.offset = offset;
                try {
                    scan.scan(in);
                } finally {
                    offset = scan.offset;
                }
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
    }

    private void flush() {
        int carried = carryEnd - carryStart;
        State at = state;
        switch (at) {
            case FILE_HEADER:
                throw FlvException.truncated("flv header", FlvHeader.LENGTH, carried, offset, FlvHeader.SPEC);
            case SKIP_HEADER_REST:
            case PREVIOUS_TAG_SIZE_0:
                if (carried > 0 || at == State.SKIP_HEADER_REST) {
                    truncated(FlvAnomalyKind.TRUNCATED_PREVIOUS_TAG_SIZE, offset, carried, 4);
                }
                break;
            case TAG_HEADER:
                if (carried > 0) {
                    truncated(FlvAnomalyKind.TRUNCATED_TAG, offset, carried, FlvTagHeader.LENGTH);
                }
                break;
            case TAG_BODY:
            case TAG_FRAGMENTS:
            case SKIP_BODY: {
                long present = FlvTagHeader.LENGTH + (at == State.TAG_BODY ? carried : tag.dataSize() - bodyRemaining);
                truncated(FlvAnomalyKind.TRUNCATED_TAG, tag.offset, present, FlvTagHeader.LENGTH + (long) tag.dataSize());
                break;
            }
            case PREVIOUS_TAG_SIZE:
                if (carried > 0) {
                    truncated(FlvAnomalyKind.TRUNCATED_PREVIOUS_TAG_SIZE, offset, carried, 4);
                }
                break;
            case RESYNC:
                skipped(resyncStart, offset + carried - resyncStart);
                break;
            default:
                throw new IllegalStateException("state " + at);
        }
        offset += carried;
        carryStart = carryEnd = 0;
    }

    private void truncated(FlvAnomalyKind kind, long at, long present, long expected) {
        if (limits.strict()) {
            throw FlvException.truncated(kind == FlvAnomalyKind.TRUNCATED_TAG ? "flv tag" : "flv PreviousTagSize",
                    expected, present, at, SPEC);
        }
        listener.onAnomaly(new Anomaly<>(kind, at, present + " of " + expected + " bytes present"));
    }

    private void skipped(long at, long count) {
        listener.onAnomaly(new Anomaly<>(FlvAnomalyKind.SKIPPED_BYTES, at, count + " bytes skipped"));
    }

    static Anomaly<FlvAnomalyKind> previousTagSizeMismatch(long at, long found, long expected) {
        return new Anomaly<>(FlvAnomalyKind.PREVIOUS_TAG_SIZE_MISMATCH, at,
                "PreviousTagSize " + found + " (expected " + expected + ")");
    }

    /** Tags the scan delivered from {@link TagChains} offsets since construction (for tests). */
    long hintedTagCount() {
        return scan.hintedTagCount;
    }

    /**
     * Carries {@code n} bytes of {@code in} over to the next feed. The buffer grows with the bytes
     * present (doubling, at most to {@code need}, the contiguous bytes the current step waits for),
     * never to a declared DataSize before its bytes arrive.
     */
    private void append(ByteBuffer in, int n, int need) {
        int live = carryEnd - carryStart;
        if (carryEnd + n > carry.capacity()) {
            int required = live + n;
            byte[] target = carry.capacity() >= required ? carry.array()
                    : new byte[(int) Math.max(required,
                            Math.min(Math.max(256L, 2L * carry.capacity()), Math.max(256, need)))];
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
                byte[] bytes = new byte[FlvHeader.LENGTH]; // at stream offset 0, so the parser's offsets are the stream's
                b.get(i, bytes);
                FlvHeader header = FlvHeader.parse(ByteBuffer.wrap(bytes));
                listener.onHeader(header);
                bodyRemaining = header.dataOffset() - FlvHeader.LENGTH;
                state = bodyRemaining > 0 ? State.SKIP_HEADER_REST : State.PREVIOUS_TAG_SIZE_0;
                return FlvHeader.LENGTH;
            }
            case SKIP_HEADER_REST:
            case SKIP_BODY: {
                if (bodyRemaining == 0) {
                    state = state == State.SKIP_BODY ? State.PREVIOUS_TAG_SIZE : State.PREVIOUS_TAG_SIZE_0;
                    return 0;
                }
                if (avail == 0) {
                    return -1;
                }
                int n = (int) Math.min(avail, bodyRemaining);
                bodyRemaining -= n;
                return n;
            }
            case TAG_FRAGMENTS: {
                if (avail == 0 && bodyRemaining > 0) {
                    return -1;
                }
                int n = (int) Math.min(avail, bodyRemaining);
                bodyRemaining -= n;
                boolean last = bodyRemaining == 0;
                if (last) {
                    state = State.PREVIOUS_TAG_SIZE;
                }
                listener.onTagFragment(tag, b.slice(i, n).asReadOnlyBuffer(), last);
                return n;
            }
            case PREVIOUS_TAG_SIZE_0: {
                if (avail < 4) {
                    return -4;
                }
                long value = BigEndian.getUnsignedInt(b, i);
                if (value != 0) {
                    listener.onAnomaly(new Anomaly<>(FlvAnomalyKind.PREVIOUS_TAG_SIZE_0_NOT_ZERO, offset,
                            "PreviousTagSize0 " + value + " (expected 0)"));
                }
                state = State.TAG_HEADER;
                return 4;
            }
            case TAG_HEADER: {
                if (avail < FlvTagHeader.LENGTH) {
                    return -FlvTagHeader.LENGTH;
                }
                int typeSize = BigEndian.getInt(b, i + FlvTagHeader.WORD_TYPE_SIZE);
                int streamIdWord = BigEndian.getInt(b, i + FlvTagHeader.WORD_STREAM_ID);
                if (!FlvTagHeader.plausible(typeSize, streamIdWord)) {
                    if (limits.strict()) {
                        throw FlvTagHeader.implausible(typeSize, streamIdWord, offset);
                    }
                    state = State.RESYNC;
                    resyncStart = offset;
                    return 0;
                }
                int size = FlvTagHeader.dataSize(typeSize);
                if (size > limits.maxTagSize()) {
                    throw FlvException.limit("flv DataSize", "maxTagSize", limits.maxTagSize(), size, offset + 1);
                }
                tag.set(typeSize, BigEndian.getLong(b, i + FlvTagHeader.LONG_TIMESTAMP_STREAM_ID), offset);
                tag.buffer = null;
                expectedPreviousTagSize = FlvTagHeader.LENGTH + (long) size;
                Interest interest = listener.onTagHeader(tag);
                if (interest == Interest.IGNORE) {
                    bodyRemaining = size;
                    state = State.SKIP_BODY;
                } else if (interest == Interest.FRAGMENTS) {
                    bodyRemaining = size;
                    state = State.TAG_FRAGMENTS;
                } else {
                    state = State.TAG_BODY;
                }
                return FlvTagHeader.LENGTH;
            }
            case TAG_BODY: {
                int size = tag.dataSize();
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
                long value = BigEndian.getUnsignedInt(b, i);
                if (value != expectedPreviousTagSize) {
                    listener.onAnomaly(previousTagSizeMismatch(offset, value, expectedPreviousTagSize));
                }
                state = State.TAG_HEADER;
                return 4;
            }
            case RESYNC: {
                if (avail < FlvTagHeader.LENGTH) {
                    return -FlvTagHeader.LENGTH;
                }
                int typeSize = BigEndian.getInt(b, i + FlvTagHeader.WORD_TYPE_SIZE);
                int size = FlvTagHeader.dataSize(typeSize);
                if (!FlvTagHeader.plausible(typeSize, BigEndian.getInt(b, i + FlvTagHeader.WORD_STREAM_ID))
                        || size > limits.maxTagSize()) {
                    return 1;
                }
                int need = FlvTagHeader.LENGTH + size + 4;
                if (avail < need) {
                    return -need;
                }
                if (!FlvTagHeader.closes(BigEndian.getInt(b, i + FlvTagHeader.LENGTH + size), size)) {
                    return 1;
                }
                skipped(resyncStart, offset - resyncStart);
                state = State.TAG_HEADER;
                return 0;
            }
            default:
                throw new IllegalStateException("state " + state);
        }
    }
}
