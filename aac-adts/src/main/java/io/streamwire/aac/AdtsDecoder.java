package io.streamwire.aac;

import io.streamwire.core.Anomaly;
import io.streamwire.core.DecoderListener;
import io.streamwire.core.LimitExceededException;
import io.streamwire.core.StreamDecoder;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.core.internal.BigEndian;
import io.streamwire.core.internal.DecoderState;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Push decoder for an ADTS elementary stream (ISO/IEC 14496-3:2019 §1.A.2, ISO/IEC 13818-7 §6.2):
 * {@code .aac} files, HLS packed audio and the payload of MPEG-TS stream type 0x0F.
 *
 * <p><b>Model.</b> A {@link StreamDecoder}: {@link #feed(ByteBuffer)} consumes everything it is
 * given and calls the {@link Listener}: {@link Listener#onFrame} with a reusable
 * {@link AdtsFrameView}, {@link Listener#onId3Tag} with each ID3v2 tag found in front of or between
 * frames (HLS packed audio starts with an ID3 PRIV timestamp), {@link Listener#onApeTag} and
 * {@link Listener#onId3v1Tag} with the APEv2 and ID3v1 tags that end {@code .aac} files, and
 * {@link Listener#onAnomaly} with the bytes discarded while resynchronising
 * ({@link AacAnomalyKind#BYTES_DISCARDED}).
 * {@link #endOfInput()} delivers the last frame, {@link #reset()} starts a new stream,
 * {@link #position()} counts the bytes fed. The events are the same however the input is split
 * into chunks. Every frame and tag is delivered whole, so the listener has no per-unit choice to
 * make (no {@link io.streamwire.core.Interest}).
 *
 * <p><b>Sync.</b> A frame is delivered only once the next header is seen exactly where
 * aac_frame_length says, or a tag, or the end of input. The tags that end a frame this way are an
 * ID3v2 tag, an APEv2 tag that starts with its header ({@code APETAGEX}, version 2000, as
 * {@code ffmpeg -write_apetag 1} writes) and an ID3v1 tag ({@code TAG} and 125 more bytes that end
 * the input, so a frame followed by one is delivered at {@link #endOfInput()}). A header must have the syncword,
 * layer 0, a sampling index of Table 1.18 and a frame length that covers its own header; a frame
 * whose successor is not there is discarded with the bytes after it up to the next candidate, and
 * the whole run is reported once as {@link AacAnomalyKind#BYTES_DISCARDED}.
 *
 * <p><b>Zero copy, zero allocation.</b> Frames lying wholly inside one fed buffer are handed out in
 * place (the view points into the caller's buffer); only the bytes of a frame or tag that straddles
 * two feeds are copied into a bounded internal buffer. Decoding a stream of frames allocates
 * nothing per frame.
 *
 * <p><b>Limits</b> ({@link AacLimits}): {@code maxFrameSize} (a locked stream whose next header
 * declares more fails), {@code maxId3TagSize} (ID3v2 and APEv2 tags), {@code maxResyncDistance} (a
 * longer run of garbage fails). Tags and frames that straddle feeds are buffered as their bytes
 * arrive, never allocated at their declared size in advance.
 *
 * <p><b>Errors and lifecycle</b> (the one of {@link StreamDecoder}). {@link LimitExceededException}
 * for the limits above, {@link TruncatedInputException} from {@link #endOfInput()} when the stream
 * ends inside a frame of a synchronised stream or inside an ID3v2 or APEv2 tag; both with
 * {@code module()} {@code "aac"}. {@code feed} after {@code endOfInput} throws
 * {@link IllegalStateException}, a second {@code endOfInput} does nothing, and after any exception
 * out of {@code feed} or {@code endOfInput} (a listener's included) every call but {@link #reset()}
 * and {@link #position()} throws {@link IllegalStateException} naming that first error.
 *
 * <pre>{@code
 * AdtsDecoder decoder = new AdtsDecoder(frame -> send(frame.buffer(), frame.payloadOffset(), frame.payloadLength()));
 * decoder.feed(chunk);   // as often as data arrives
 * decoder.endOfInput();
 * }</pre>
 *
 * <p>Not thread-safe, keep it on one connection or event loop.
 *
 * @since 0.1.0
 */
public final class AdtsDecoder implements StreamDecoder {
    private static final String SPEC = "ISO/IEC 14496-3 §1.A.2";
    private static final String ID3_SPEC = "ID3v2.4.0 structure §3.1";
    private static final String APE_SPEC = "APEv2 tag header";

    /**
     * Receives what the decoder finds, inside {@code feed}/{@code endOfInput}; only {@link #onFrame}
     * is required, so a lambda will do. An exception thrown here fails the decoder and propagates.
     */
    @FunctionalInterface
    public interface Listener extends DecoderListener<AacAnomalyKind> {
        /**
         * A confirmed frame.
         *
         * @param frame the frame, a reused view valid until this call returns
         */
        void onFrame(AdtsFrameView frame);

        /**
         * An ID3v2 tag (header, body and footer) before or between frames, as a read-only slice valid
         * until this call returns.
         *
         * @param tag the whole tag, a read-only slice
         * @param streamOffset stream offset of the tag's first byte
         */
        default void onId3Tag(ByteBuffer tag, long streamOffset) {}

        /**
         * An APEv2 tag that starts with its header (header, items and footer), as
         * {@code ffmpeg -write_apetag 1} and tagging tools append after the last frame; it ends the
         * frame before it as the next header would. A read-only slice valid until this call returns.
         * Does nothing by default.
         *
         * @param tag the whole tag, a read-only slice starting with {@code APETAGEX}
         * @param streamOffset stream offset of the tag's first byte
         * @since 0.1.0
         */
        default void onApeTag(ByteBuffer tag, long streamOffset) {}

        /**
         * An ID3v1 tag: the 128 bytes starting with {@code TAG} that end the stream; it ends the frame
         * before it as the next header would. A read-only slice valid until this call returns. Does
         * nothing by default.
         *
         * @param tag the 128-byte tag, a read-only slice
         * @param streamOffset stream offset of the tag's first byte
         * @since 0.1.0
         */
        default void onId3v1Tag(ByteBuffer tag, long streamOffset) {}
    }

    /** Whether the last unit was a confirmed frame (a larger frame is then an error, not garbage). */
    private enum Sync { HUNTING, SYNCED }

    private final Listener listener;
    private final AacLimits limits;
    private final AdtsFrameView view = new AdtsFrameView();
    private final int carryBound;
    private final DecoderState lifecycle = new DecoderState("AdtsDecoder");
    private Sync sync = Sync.HUNTING;
    private byte[] carry = new byte[0];
    private ByteBuffer carryBuffer = ByteBuffer.wrap(carry);
    private int carryLength;
    /** Stream offset of the first byte not yet decided on (frames, tags and discarded bytes). */
    private long streamPosition;
    /** Bytes fed since construction or reset: {@link #position()}. */
    private long fed;
    private long windowBase;
    private int need;
    private long garbageStart;
    private long garbageCount;
    private long confirmedBits;

    /**
     * A decoder with {@link AacLimits#defaults()}.
     *
     * @param listener receives the decoder's events
     * @throws NullPointerException if {@code listener} is null
     */
    public AdtsDecoder(Listener listener) {
        this(listener, AacLimits.defaults());
    }

    /**
     * A decoder with the given limits.
     *
     * @param listener receives the decoder's events
     * @param limits the sizes the decoder accepts
     * @throws NullPointerException if an argument is null
     */
    public AdtsDecoder(Listener listener, AacLimits limits) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.limits = Objects.requireNonNull(limits, "limits");
        // a frame and what confirms it: the next header, an ID3v2 or APEv2 header, or an ID3v1 tag and one more byte
        this.carryBound = Math.max(limits.maxFrameSize() + MetadataTags.ID3V1_SIZE + 1, limits.maxId3TagSize());
    }

    /**
     * Consumes all remaining bytes of {@code in}, calling the listener for every unit completed.
     *
     * <p>On return the position equals the limit; the buffer is not kept or written to.
     *
     * @throws LimitExceededException if a limit is exceeded (the decoder is then failed)
     * @throws IllegalStateException after {@link #endOfInput()} or a failure
     * @throws NullPointerException if {@code in} is null
     */
    @Override
    public void feed(ByteBuffer in) {
        lifecycle.checkFeed();
        Objects.requireNonNull(in, "in");
        try {
            fed += in.remaining();
            feedChecked(in);
        } catch (Throwable t) {
            lifecycle.fail(t);
            throw t;
        }
    }

    /**
     * Declares the end of the stream: delivers the last frame (which nothing follows to confirm it)
     * and reports trailing garbage. A second call does nothing.
     *
     * @throws TruncatedInputException if the stream ends inside a frame of a synchronised stream or
     *     inside an ID3v2 or APEv2 tag (the decoder is then failed)
     * @throws IllegalStateException after a failure
     */
    @Override
    public void endOfInput() {
        if (!lifecycle.beginEnd()) {
            return;
        }
        try {
            windowBase = streamPosition;
            int consumed = process(carryBuffer, 0, carryLength, true);
            streamPosition += consumed;
            carryLength = 0;
            flushGarbage();
        } catch (Throwable t) {
            lifecycle.fail(t);
            throw t;
        }
    }

    /** Forgets everything and starts a new stream at position 0, with the same listener and limits. */
    @Override
    public void reset() {
        lifecycle.reset();
        sync = Sync.HUNTING;
        carryLength = 0;
        streamPosition = 0;
        fed = 0;
        garbageCount = 0;
        need = 0;
    }

    /** Bytes fed since construction or the last {@link #reset()}; offsets in events count the same way. */
    @Override
    public long position() {
        return fed;
    }

    private void feedChecked(ByteBuffer in) {
        while (in.hasRemaining()) {
            if (carryLength == 0) {
                int start = in.position();
                windowBase = streamPosition - start;
                int consumed = process(in, start, in.limit(), false);
                streamPosition = windowBase + consumed;
                need -= consumed; // an index into the carry from now on: it starts with in[consumed]
                int rest = in.limit() - consumed;
                ensureCarry(rest);
                in.get(consumed, carry, 0, rest);
                carryLength = rest;
                in.position(in.limit());
                return;
            }
            int taken = 0;
            while (in.hasRemaining()) {
                int n = Math.min(Math.max(1, need - carryLength), in.remaining());
                ensureCarry(carryLength + n);
                in.get(carry, carryLength, n);
                carryLength += n;
                taken += n;
                windowBase = streamPosition;
                int consumed = process(carryBuffer, 0, carryLength, false);
                streamPosition += consumed;
                System.arraycopy(carry, consumed, carry, 0, carryLength - consumed);
                carryLength -= consumed;
                need -= consumed;
                if (carryLength <= taken) {
                    // Everything still carried came from this buffer: go back to reading it in place.
                    in.position(in.position() - carryLength);
                    carryLength = 0;
                    break;
                }
            }
        }
    }

    private void ensureCarry(int size) {
        if (size > carry.length) {
            if (size > carryBound) {
                throw new IllegalStateException("carry of " + size + " bytes exceeds its bound " + carryBound);
            }
            byte[] bigger = new byte[Math.min(carryBound, Math.max(size, 2 * carry.length))];
            System.arraycopy(carry, 0, bigger, 0, carryLength);
            carry = bigger;
            carryBuffer = ByteBuffer.wrap(bigger);
        }
    }

    /**
     * Decides on as many units as possible in {@code w[pos, end)}; returns the index of the first
     * undecided byte and leaves in {@link #need} the window index that must be present to go on.
     * With {@code eoi} everything is decided.
     */
    private int process(ByteBuffer w, int pos, int end, boolean eoi) {
        while (true) {
            int available = end - pos;
            if (available <= 0) {
                need = pos + 1;
                return pos;
            }
            int b0 = w.get(pos) & 0xFF;
            if (b0 == 0xFF) {
                if (available < 7 && !eoi) {
                    need = pos + 7;
                    return pos;
                }
                if (available >= 7) {
                    long bits = AdtsHeader.peekBits(w, pos);
                    if (AdtsHeader.isPlausible(bits)) {
                        int length = AdtsHeader.frameLength(bits);
                        if (length > limits.maxFrameSize()) {
                            if (sync == Sync.SYNCED) {
                                throw new LimitExceededException(AacException.MODULE, "adts aac_frame_length",
                                        "AacLimits.maxFrameSize()", limits.maxFrameSize(), length, offset(pos));
                            }
                        } else {
                            int next = pos + length;
                            int verdict = confirm(w, next, end, eoi);
                            if (verdict < 0) {
                                return pos;
                            }
                            if (verdict > 0) {
                                flushGarbage();
                                sync = Sync.SYNCED;
                                view.set(w, pos, offset(pos), bits);
                                listener.onFrame(view);
                                pos = next;
                                pos = runOfFrames(w, pos, end, confirmedBits);
                                continue;
                            }
                            if (eoi && next > end && sync == Sync.SYNCED) {
                                throw new TruncatedInputException(AacException.MODULE, "adts_frame", "needs " + length
                                        + " bytes (aac_frame_length), the stream ends after " + available,
                                        offset(pos), SPEC);
                            }
                        }
                    }
                }
            } else if (b0 == 'I') {
                int size = MetadataTags.id3v2Size(w, pos, end);
                if (size == MetadataTags.MORE && !eoi) {
                    need = pos + 10;
                    return pos;
                }
                if (size >= 0) {
                    if (size > limits.maxId3TagSize()) {
                        throw new LimitExceededException(AacException.MODULE, "id3v2 size",
                                "AacLimits.maxId3TagSize()", limits.maxId3TagSize(), size, offset(pos));
                    }
                    if (available < size) {
                        if (eoi) {
                            throw new TruncatedInputException(AacException.MODULE, "id3v2 tag", "needs " + size
                                    + " bytes, the stream ends after " + available, offset(pos), ID3_SPEC);
                        }
                        need = pos + size;
                        return pos;
                    }
                    flushGarbage();
                    listener.onId3Tag(w.slice(pos, size).asReadOnlyBuffer(), offset(pos));
                    pos += size;
                    continue;
                }
            } else if (b0 == 'A') {
                long size = MetadataTags.apeSize(w, pos, end);
                if (size == MetadataTags.MORE && !eoi) {
                    need = pos + MetadataTags.APE_HEADER_SIZE;
                    return pos;
                }
                if (size >= 0) {
                    if (size > limits.maxId3TagSize()) {
                        throw new LimitExceededException(AacException.MODULE, "apev2 tag size",
                                "AacLimits.maxId3TagSize()", limits.maxId3TagSize(), size, offset(pos));
                    }
                    if (available < size) {
                        if (eoi) {
                            throw new TruncatedInputException(AacException.MODULE, "apev2 tag", "needs " + size
                                    + " bytes, the stream ends after " + available, offset(pos), APE_SPEC);
                        }
                        need = pos + (int) size;
                        return pos;
                    }
                    flushGarbage();
                    listener.onApeTag(w.slice(pos, (int) size).asReadOnlyBuffer(), offset(pos));
                    pos += (int) size;
                    continue;
                }
            } else if (b0 == 'T') {
                int size = MetadataTags.id3v1Size(w, pos, end, eoi);
                if (size == MetadataTags.MORE) {
                    need = pos + MetadataTags.ID3V1_SIZE + 1;
                    return pos;
                }
                if (size >= 0) {
                    flushGarbage();
                    listener.onId3v1Tag(w.slice(pos, size).asReadOnlyBuffer(), offset(pos));
                    pos += size;
                    continue;
                }
            }
            // Not the start of a confirmed unit: discard up to the next candidate.
            sync = Sync.HUNTING;
            int skipTo = pos + 1;
            while (skipTo < end) {
                byte b = w.get(skipTo);
                if (b == (byte) 0xFF || b == 'I' || b == 'A' || b == 'T') {
                    break;
                }
                skipTo++;
            }
            discard(pos, skipTo - pos);
            pos = skipTo;
        }
    }

    /**
     * The hot path: delivers frame after frame while each is followed by a plausible header inside
     * the window, with one 8-byte read per frame. Stops (returning the position of the first frame
     * not delivered) at anything else, which the general loop then decides exactly as it would have.
     *
     * @param bits the already-checked header at {@code pos}, or -1 if {@code pos} does not start one
     */
    private int runOfFrames(ByteBuffer w, int pos, int end, long bits) {
        int maxFrameSize = limits.maxFrameSize();
        int lastLongRead = end - 8; // one 8-byte read per header; the last frames take the general path
        long header = bits;
        while (header >= 0) {
            int length = AdtsHeader.frameLength(header);
            int next = pos + length;
            if (length > maxFrameSize || next > lastLongRead) {
                break;
            }
            long following = BigEndian.getLong(w, next) >>> 8;
            if (!AdtsHeader.isPlausible(following)) {
                break;
            }
            view.set(w, pos, windowBase + pos, header);
            listener.onFrame(view);
            pos = next;
            header = following;
        }
        return pos;
    }

    /** 1: a unit starts at {@code next} (or the input ends there); 0: it does not; -1: need more. */
    private int confirm(ByteBuffer w, int next, int end, boolean eoi) {
        confirmedBits = -1;
        int available = end - next;
        if (available < 0) {
            if (eoi) {
                return 0;
            }
            need = next + 7;
            return -1;
        }
        if (available >= 7) {
            long bits = AdtsHeader.peekBits(w, next);
            if (AdtsHeader.isPlausible(bits)) {
                confirmedBits = bits;
                return 1;
            }
        }
        byte b = available > 0 ? w.get(next) : 0;
        if (b == 'I') {
            int size = MetadataTags.id3v2Size(w, next, end);
            if (size >= 0) {
                return 1;
            }
            if (size == MetadataTags.MORE && !eoi) {
                need = next + 10;
                return -1;
            }
            return eoi && available < 7 ? 1 : 0;
        }
        if (b == 'A') {
            long size = MetadataTags.apeSize(w, next, end);
            if (size >= 0) {
                return 1;
            }
            if (size == MetadataTags.MORE && !eoi) {
                need = next + MetadataTags.APE_HEADER_SIZE;
                return -1;
            }
        } else if (b == 'T') {
            int size = MetadataTags.id3v1Size(w, next, end, eoi);
            if (size >= 0) {
                return 1;
            }
            if (size == MetadataTags.MORE) {
                need = next + MetadataTags.ID3V1_SIZE + 1;
                return -1;
            }
        }
        if (available >= 7) {
            return 0;
        }
        if (!eoi) {
            need = next + 7;
            return -1;
        }
        return 1; // the frame is complete and the input ends within 7 bytes: nothing left to confirm with
    }

    private long offset(int index) {
        return windowBase + index;
    }

    private void discard(int index, int count) {
        if (garbageCount == 0) {
            garbageStart = offset(index);
        }
        garbageCount += count;
        if (garbageCount > limits.maxResyncDistance()) {
            throw new LimitExceededException(AacException.MODULE, "adts syncword", "AacLimits.maxResyncDistance()",
                    limits.maxResyncDistance(), garbageCount, garbageStart);
        }
    }

    private void flushGarbage() {
        if (garbageCount > 0) {
            long count = garbageCount;
            garbageCount = 0;
            listener.onAnomaly(new Anomaly<>(AacAnomalyKind.BYTES_DISCARDED, garbageStart, count + " bytes"));
        }
    }
}
