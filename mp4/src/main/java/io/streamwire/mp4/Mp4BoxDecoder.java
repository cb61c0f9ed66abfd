package io.streamwire.mp4;

import io.streamwire.core.Anomaly;
import io.streamwire.core.DecoderListener;
import io.streamwire.core.Interest;
import io.streamwire.core.StreamDecoder;
import io.streamwire.core.internal.DecoderState;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Push decoder for ISO BMFF box streams (MP4 files, fMP4/CMAF init and media segments, in any
 * chunking): box headers of ISO/IEC 14496-12:2022 §4.2 with 32-bit size, 64-bit largesize, size 0
 * ("to the end") and {@code uuid} extended types, containers descended, payloads delivered whole,
 * in fragments or skipped.
 *
 * <p>Sans-IO, with the lifecycle of {@link StreamDecoder}. For each box, once its header is read:
 * <ul>
 *   <li>when {@link Listener#descend} answers true (by default for the pure containers of
 *       {@link BoxType#isContainer()}: moov, trak, mdia, minf, dinf, stbl, edts, mvex, moof, traf,
 *       mfra), {@link Listener#onContainerStart}, the children's events, then
 *       {@link Listener#onContainerEnd};</li>
 *   <li>otherwise {@link Listener#onBoxStart} answers with an {@link Interest}:
 *       {@link Interest#WHOLE} (the default) hands the payload to {@link Listener#onBox} in one
 *       buffer: zero-copy when it lies in one fed buffer, else gathered into an internal buffer that
 *       grows with the bytes that arrive, at most {@link Mp4Limits#maxBoxSize()} (a larger box is
 *       refused before anything is buffered); {@link Interest#FRAGMENTS} hands it to
 *       {@link Listener#onBoxFragment} in the pieces in which it arrives, nothing buffered, the last
 *       marked; {@link Interest#IGNORE} skips it.</li>
 * </ul>
 * Every event but the fragment boundaries is identical however the input is split.
 *
 * <p>Refused with {@link Mp4Exception} (offset, box path, field): a size below the header, a size
 * past the parent, fewer bytes left in a parent than a box header needs. Past the limits,
 * {@link io.streamwire.core.LimitExceededException}: nesting deeper than
 * {@link Mp4Limits#maxDepth()}, a whole box above {@link Mp4Limits#maxBoxSize()}. Every box consumes
 * at least its 8-byte header, so no input makes the decoder loop in place (a size-0 box is the rest of
 * the input at the top level and the rest of its parent inside one, never an empty step).
 * {@link #endOfInput()} throws {@link io.streamwire.core.TruncatedInputException} when the input ends
 * inside a header, a box or a container of known size; a top-level size-0 box ends there.
 *
 * <pre>{@code
 * Mp4BoxDecoder decoder = new Mp4BoxDecoder(new Mp4BoxDecoder.Listener() {
 *     public Interest onBoxStart(BoxHeader h) {
 *         return h.type().equals(BoxType.MDAT) ? Interest.FRAGMENTS : Interest.WHOLE;
 *     }
 *     public void onBox(BoxHeader h, ByteBuffer payload) { ... }
 * }, Mp4Limits.defaults());
 * decoder.feed(chunk);     // any number of times
 * decoder.endOfInput();
 * }</pre>
 *
 * @implNote A size-0 box inside a container is taken to extend to the end of its parent (as ffmpeg
 *     reads it) and reported as {@link Mp4AnomalyKind#SIZE_ZERO_IN_CONTAINER}. Only pure containers
 *     can be descended: a box with fields before its children (stsd, meta, sample entries) is
 *     delivered whole and read with {@link Boxes#parse}.
 *
 * <p>Not thread-safe: keep it on one connection or event loop.
 *
 * @since 0.2.0
 */
public final class Mp4BoxDecoder implements StreamDecoder {
    /** Receives the decoder's events. Only {@link #onBox} is required. */
    @FunctionalInterface
    public interface Listener extends DecoderListener<Mp4AnomalyKind> {
        /** Whether to read the payload of this box as child boxes; by default for {@link BoxType#isContainer()}. */
        default boolean descend(BoxHeader header) {
            return header.type().isContainer();
        }

        /** A container the decoder descends into; its children follow. */
        default void onContainerStart(BoxHeader header) {}

        /** The end of a container that {@link #onContainerStart} opened. */
        default void onContainerEnd(BoxHeader header) {}

        /** A box not descended into: how to deliver its payload (default {@link Interest#WHOLE}). */
        default Interest onBoxStart(BoxHeader header) {
            return Interest.WHOLE;
        }

        /**
         * A whole payload ({@link Interest#WHOLE}): {@code payload} (read-only, position to limit) is
         * valid during the call only. For a size-0 box at the top level, {@code header.size()} is
         * the size it turned out to have.
         */
        void onBox(BoxHeader header, ByteBuffer payload);

        /** A piece of a payload ({@link Interest#FRAGMENTS}), valid during the call only; {@code last} ends it. */
        default void onBoxFragment(BoxHeader header, ByteBuffer part, boolean last) {}
    }

    private enum State { HEADER, WHOLE, FRAGMENTS, SKIP }

    private static final int MAX_HEADER = 32;

    private final Listener listener;
    private final Mp4Limits limits;
    private final DecoderState lifecycle = new DecoderState("Mp4BoxDecoder");
    private final byte[] headerBytes = new byte[MAX_HEADER];
    private final ByteBuffer headerBuffer = ByteBuffer.wrap(headerBytes);
    private int headerLength;
    private final OpenBoxes stack;
    private State state = State.HEADER;
    private BoxHeader current;
    private int currentIndex;
    /** Payload bytes still to come, or -1 for a box that extends to the end of the input. */
    private long remaining;
    private long fed;
    private byte[] carry = new byte[0];
    private int carryLength;

    /** A decoder with {@link Mp4Limits#defaults()}. */
    public Mp4BoxDecoder(Listener listener) {
        this(listener, Mp4Limits.defaults());
    }

    /** A decoder with the given limits. */
    public Mp4BoxDecoder(Listener listener, Mp4Limits limits) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.stack = new OpenBoxes(limits.maxDepth());
    }

    @Override
    public long position() {
        return fed;
    }

    @Override
    public void reset() {
        lifecycle.reset();
        state = State.HEADER;
        headerLength = 0;
        stack.clear();
        current = null;
        remaining = 0;
        fed = 0;
        carryLength = 0;
    }

    /**
     * The path of the box being delivered (during a listener call) or of the last box read, e.g.
     * {@code moov/trak[2]/mdia/minf/stbl/stsd}; {@code ""} before the first box.
     */
    public String path() {
        if (current == null) {
            return "";
        }
        String parent = stack.path(current.depth() - 1);
        String name = OpenBoxes.name(current.type().value(), currentIndex);
        return parent.isEmpty() ? name : parent + "/" + name;
    }

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
            closeFinished();
            switch (state) {
                case HEADER:
                    if (!readHeader(in)) {
                        return;
                    }
                    break;
                case WHOLE: {
                    int n = (int) Math.min(in.remaining(), remaining < 0 ? Integer.MAX_VALUE : remaining);
                    if (carryLength == 0 && remaining >= 0 && n == remaining) {
                        ByteBuffer payload = in.slice(in.position(), n).asReadOnlyBuffer();
                        in.position(in.position() + n);
                        fed += n;
                        remaining = 0;
                        state = State.HEADER;
                        listener.onBox(current, payload);
                        break;
                    }
                    if (n == 0) {
                        return;
                    }
                    append(in, n);
                    if (remaining > 0) {
                        remaining -= n;
                    }
                    if (remaining == 0) {
                        state = State.HEADER;
                        listener.onBox(current, ByteBuffer.wrap(carry, 0, carryLength).slice().asReadOnlyBuffer());
                        carryLength = 0;
                        break;
                    }
                    return;
                }
                case FRAGMENTS:
                case SKIP: {
                    int n = (int) Math.min(in.remaining(), remaining < 0 ? Integer.MAX_VALUE : remaining);
                    if (n == 0) {
                        return;
                    }
                    ByteBuffer part = state == State.FRAGMENTS ? in.slice(in.position(), n).asReadOnlyBuffer() : null;
                    in.position(in.position() + n);
                    fed += n;
                    if (remaining > 0) {
                        remaining -= n;
                    }
                    boolean last = remaining == 0;
                    if (last) {
                        state = State.HEADER;
                    }
                    if (part != null) {
                        listener.onBoxFragment(current, part, last);
                    }
                    break;
                }
                default:
                    throw new IllegalStateException("state " + state);
            }
        }
    }

    /** Pops every container that ends at the current position. */
    private void closeFinished() {
        while (state == State.HEADER && stack.depth() > 0 && stack.parentEnd() == fed && headerLength == 0) {
            listener.onContainerEnd(stack.pop());
        }
    }

    /** Reads a header (across feeds); returns false when more input is needed. */
    private boolean readHeader(ByteBuffer in) {
        long parentEnd = stack.parentEnd();
        int depth = stack.depth();
        long start = fed - headerLength;
        if (parentEnd >= 0 && parentEnd - start < 8) {
            throw new Mp4Exception(path(), "box header", "needs 8 bytes, " + (parentEnd - start) + " remain in the parent",
                    start, BoxHeader.SPEC);
        }
        ByteBuffer b;
        int i;
        int need;
        if (headerLength == 0 && in.remaining() >= 8
                && in.remaining() >= (need = BoxHeader.peekHeaderSize(in, in.position(), in.limit()))) {
            b = in;
            i = in.position();
        } else {
            int take = Math.min(in.remaining(), 8 - Math.min(8, headerLength));
            gather(in, take);
            if (headerLength < 8) {
                return false;
            }
            need = BoxHeader.peekHeaderSize(headerBuffer, 0, 8);
            gather(in, Math.min(in.remaining(), need - headerLength));
            if (headerLength < need) {
                return false;
            }
            b = headerBuffer;
            i = 0;
        }
        int type = io.streamwire.core.internal.BigEndian.getInt(b, i + 4);
        int index = stack.childIndex(type);
        if (depth + 1 > limits.maxDepth()) {
            throw Mp4Exception.limit(stack.childPath(type, index), null, "maxDepth", limits.maxDepth(), depth + 1, start);
        }
        if (parentEnd >= 0 && parentEnd - start < need) {
            throw new Mp4Exception(stack.childPath(type, index), "box header", "needs " + need + " bytes, " + (parentEnd - start)
                    + " remain in the parent", start, BoxHeader.SPEC);
        }
        boolean zeroInside = parentEnd >= 0 && io.streamwire.core.internal.BigEndian.getInt(b, i) == 0;
        BoxHeader h = BoxHeader.read(b, i, start, parentEnd, depth + 1, stack.childPath(type, index));
        if (b == in) {
            in.position(i + need);
            fed += need;
        }
        headerLength = 0;
        current = h;
        currentIndex = index;
        stack.countChild(type);
        if (zeroInside) {
            listener.onAnomaly(new Anomaly<>(Mp4AnomalyKind.SIZE_ZERO_IN_CONTAINER, start,
                    stack.childPath(type, index) + ": size 0 taken to the end of the parent, " + h.size() + " bytes"));
        }
        if (listener.descend(h)) {
            stack.push(h, h.size() < 0 ? -1 : start + h.size(), index);
            listener.onContainerStart(h);
            return true;
        }
        remaining = h.payloadSize();
        Interest interest = listener.onBoxStart(h);
        if (interest == Interest.WHOLE) {
            if (h.size() > limits.maxBoxSize()) {
                throw Mp4Exception.limit(stack.childPath(type, index), h.largeSize() ? "largesize" : "size", "maxBoxSize",
                        limits.maxBoxSize(), h.size(), start);
            }
            state = State.WHOLE;
            carryLength = 0;
            if (remaining == 0) {
                state = State.HEADER;
                listener.onBox(h, ByteBuffer.allocate(0).asReadOnlyBuffer());
            }
        } else if (interest == Interest.FRAGMENTS) {
            state = State.FRAGMENTS;
            if (remaining == 0) {
                state = State.HEADER;
                listener.onBoxFragment(h, ByteBuffer.allocate(0).asReadOnlyBuffer(), true);
            }
        } else {
            state = remaining == 0 ? State.HEADER : State.SKIP;
        }
        return true;
    }

    private void gather(ByteBuffer in, int n) {
        in.get(headerBytes, headerLength, n);
        headerLength += n;
        fed += n;
    }

    /** Keeps {@code n} payload bytes; the buffer grows with the bytes present, never to a declared size first. */
    private void append(ByteBuffer in, int n) {
        long total = (long) carryLength + n;
        if (remaining < 0 && total + current.headerSize() > limits.maxBoxSize()) {
            throw Mp4Exception.limit(path(), "size", "maxBoxSize", limits.maxBoxSize(), total + current.headerSize(),
                    current.offset());
        }
        if (total > carry.length) {
            long cap = remaining < 0 ? limits.maxBoxSize() : carryLength + remaining;
            int grown = (int) Math.min(cap, Math.max(total, Math.max(256L, 2L * carry.length)));
            carry = java.util.Arrays.copyOf(carry, grown);
        }
        in.get(carry, carryLength, n);
        carryLength += n;
        fed += n;
    }

    private void flush() {
        if (state == State.HEADER && headerLength > 0) {
            throw Mp4Exception.truncated(path(), "box header", "input ended after " + headerLength + " bytes of a header",
                    fed - headerLength, BoxHeader.SPEC);
        }
        if (state != State.HEADER) {
            if (remaining > 0) {
                throw Mp4Exception.truncated(path(), null, "input ended " + remaining + " bytes before the end of the box ("
                        + current.size() + " bytes)", fed, BoxHeader.SPEC);
            }
            BoxHeader resolved = new BoxHeader(current.type(), fed - current.offset(), current.headerSize(),
                    current.largeSize(), current.userType(), current.offset(), current.depth());
            State s = state;
            state = State.HEADER;
            if (s == State.WHOLE) {
                listener.onBox(resolved, ByteBuffer.wrap(carry, 0, carryLength).slice().asReadOnlyBuffer());
                carryLength = 0;
            } else if (s == State.FRAGMENTS) {
                listener.onBoxFragment(resolved, ByteBuffer.allocate(0).asReadOnlyBuffer(), true);
            }
        }
        closeFinished();
        while (stack.depth() > 0) {
            if (stack.parentEnd() >= 0) {
                throw Mp4Exception.truncated(stack.path(stack.depth()), null, "input ended " + (stack.parentEnd() - fed)
                        + " bytes before the end of the container", fed, BoxHeader.SPEC);
            }
            listener.onContainerEnd(stack.pop());
        }
    }
}
