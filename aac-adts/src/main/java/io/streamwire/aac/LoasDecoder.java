package io.streamwire.aac;

import io.streamwire.core.Anomaly;
import io.streamwire.core.DecoderListener;
import io.streamwire.core.LimitExceededException;
import io.streamwire.core.StreamDecoder;
import io.streamwire.core.TruncatedInputException;
import io.streamwire.core.UnsupportedFeatureException;
import io.streamwire.core.internal.BitReader;
import io.streamwire.core.internal.DecoderState;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Push decoder for LOAS/LATM (ISO/IEC 14496-3:2019 §1.7): the {@code AudioSyncStream()} sync layer
 * (syncword 0x2B7, audioMuxLengthBytes, §1.7.2), {@code AudioMuxElement(1)} with its
 * StreamMuxConfig (§1.7.3) and the raw AAC frames of its PayloadMux elements, as DVB broadcasts
 * carry them in MPEG-TS stream type 0x11. Single program, single layer, frameLengthType 0, the case
 * broadcasters use; anything else raises {@link UnsupportedFeatureException}.
 *
 * <p><b>Model.</b> A {@link StreamDecoder}: {@link #feed} consumes everything; the listener gets
 * {@link Listener#onConfig} whenever the StreamMuxConfig changes (the AudioSpecificConfig for FLV or
 * MP4 is in it), then {@link Listener#onRawFrame} for each raw frame. Sync is confirmed like
 * {@link AdtsDecoder}'s: a LOAS frame is decoded only once the next syncword follows where
 * audioMuxLengthBytes says (or the input ends); skipped bytes are reported as
 * {@link AacAnomalyKind#BYTES_DISCARDED}, frames before the first StreamMuxConfig as
 * {@link AacAnomalyKind#LATM_NO_CONFIG}. {@link #position()} counts the bytes fed. The output does
 * not depend on how the input is split. Every raw frame is delivered whole, so the listener has no
 * per-unit choice to make (no {@link io.streamwire.core.Interest}).
 *
 * <p><b>Copies.</b> PayloadMux is not byte-aligned, so raw frames are copied out (bit-shifted) into a
 * new array each; LOAS bytes crossing feeds are buffered internally, bounded by
 * {@link AacLimits#maxFrameSize()}.
 *
 * <p><b>Errors and lifecycle</b> (the one of {@link StreamDecoder}). {@link AacException} with the
 * stream offset for lengths past the LOAS frame or a bad AudioSpecificConfig;
 * {@link UnsupportedFeatureException} for the LATM features above; {@link LimitExceededException}
 * for {@code maxFrameSize} and {@code maxResyncDistance}; {@link TruncatedInputException} from
 * {@link #endOfInput()} inside a frame of a synchronised stream (all with {@code module()}
 * {@code "aac"}). {@code feed} after {@code endOfInput} throws {@link IllegalStateException}, a
 * second {@code endOfInput} does nothing, and after any exception out of {@code feed} or
 * {@code endOfInput} (a listener's included) every call but {@link #reset()} and
 * {@link #position()} throws {@link IllegalStateException} naming that first error.
 *
 * <p>Not thread-safe, keep it on one connection or event loop.
 *
 * @since 0.1.0
 */
public final class LoasDecoder implements StreamDecoder {
    private static final String SPEC = "ISO/IEC 14496-3 §1.7.2";

    /**
     * Receives what the decoder finds, inside {@code feed}/{@code endOfInput}; only
     * {@link #onRawFrame} is required, so a lambda will do. An exception thrown here fails the
     * decoder and propagates.
     */
    @FunctionalInterface
    public interface Listener extends DecoderListener<AacAnomalyKind> {
        /**
         * A StreamMuxConfig different from the previous one.
         *
         * @param config the new StreamMuxConfig
         * @param streamOffset stream offset of the LOAS frame that carries it
         */
        default void onConfig(LatmStreamMuxConfig config, long streamOffset) {}

        /**
         * One raw AAC frame (a PayloadMux element), a fresh read-only buffer the listener may keep.
         *
         * @param rawFrame the frame's bytes, from position to limit
         * @param streamOffset stream offset of the byte holding the frame's first bit
         */
        void onRawFrame(ByteBuffer rawFrame, long streamOffset);
    }

    /** Whether the last unit was a confirmed LOAS frame (a larger frame is then an error, not garbage). */
    private enum Sync { HUNTING, SYNCED }

    private final Listener listener;
    private final AacLimits limits;
    private final DecoderState lifecycle = new DecoderState("LoasDecoder");
    private Sync sync = Sync.HUNTING;
    private byte[] carry = new byte[256];
    private int carryLength;
    private long carryOffset;
    /** Bytes fed since construction or reset: {@link #position()}. */
    private long fed;
    private LatmStreamMuxConfig config;
    private long garbageStart;
    private long garbageCount;

    /**
     * A decoder with {@link AacLimits#defaults()}.
     *
     * @param listener receives the decoder's events
     * @throws NullPointerException if {@code listener} is null
     */
    public LoasDecoder(Listener listener) {
        this(listener, AacLimits.defaults());
    }

    /**
     * A decoder with the given limits.
     *
     * @param listener receives the decoder's events
     * @param limits the sizes the decoder accepts
     * @throws NullPointerException if an argument is null
     */
    public LoasDecoder(Listener listener, AacLimits limits) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Consumes all remaining bytes of {@code in}; on return its position equals its limit. The
     * buffer is not kept or written to.
     *
     * @throws io.streamwire.core.StreamwireException as described in the class comment (the decoder
     *     is then failed)
     * @throws IllegalStateException after {@link #endOfInput()} or a failure
     * @throws NullPointerException if {@code in} is null
     */
    @Override
    public void feed(ByteBuffer in) {
        lifecycle.checkFeed();
        Objects.requireNonNull(in, "in");
        try {
            fed += in.remaining();
            int bound = limits.maxFrameSize() + 8;
            while (in.hasRemaining()) {
                if (carry.length < bound) {
                    carry = Arrays.copyOf(carry, Math.min(bound, Math.max(carry.length * 2, carryLength + in.remaining())));
                }
                int n = Math.min(in.remaining(), carry.length - carryLength);
                in.get(carry, carryLength, n);
                carryLength += n;
                process(false);
            }
        } catch (Throwable t) {
            lifecycle.fail(t);
            throw t;
        }
    }

    /**
     * Declares the end of the stream: decodes the last frame and reports trailing garbage. A second
     * call does nothing.
     *
     * @throws TruncatedInputException if a synchronised stream ends inside a frame (the decoder is
     *     then failed)
     * @throws IllegalStateException after a failure
     */
    @Override
    public void endOfInput() {
        if (!lifecycle.beginEnd()) {
            return;
        }
        try {
            process(true);
            flushGarbage();
        } catch (Throwable t) {
            lifecycle.fail(t);
            throw t;
        }
    }

    /**
     * Forgets everything (including the StreamMuxConfig) and starts a new stream at position 0, with
     * the same listener and limits.
     */
    @Override
    public void reset() {
        lifecycle.reset();
        sync = Sync.HUNTING;
        carryLength = 0;
        carryOffset = 0;
        fed = 0;
        config = null;
        garbageCount = 0;
    }

    /** Bytes fed since construction or the last {@link #reset()}; offsets in events count the same way. */
    @Override
    public long position() {
        return fed;
    }

    private static boolean isSync(byte[] b, int at) {
        return b[at] == 0x56 && (b[at + 1] & 0xE0) == 0xE0;
    }

    private void process(boolean eoi) {
        int pos = 0;
        int end = carryLength;
        while (true) {
            int available = end - pos;
            if (available < 3) {
                if (eoi && available > 0) {
                    discard(pos, available);
                    pos = end;
                }
                break;
            }
            if (isSync(carry, pos)) {
                int length = 3 + (((carry[pos + 1] & 0x1F) << 8) | (carry[pos + 2] & 0xFF));
                if (length > limits.maxFrameSize()) {
                    if (sync == Sync.SYNCED) {
                        throw new LimitExceededException(AacException.MODULE, "loas audioMuxLengthBytes",
                                "AacLimits.maxFrameSize()", limits.maxFrameSize(), length, carryOffset + pos);
                    }
                } else {
                    int next = pos + length;
                    boolean confirmed;
                    if (next + 2 <= end) {
                        confirmed = isSync(carry, next);
                    } else if (!eoi) {
                        break; // need more input to confirm
                    } else {
                        confirmed = next <= end;
                    }
                    if (confirmed) {
                        flushGarbage();
                        sync = Sync.SYNCED;
                        audioMuxElement(pos, length);
                        pos = next;
                        continue;
                    }
                    if (eoi && next > end && sync == Sync.SYNCED) {
                        throw new TruncatedInputException(AacException.MODULE, "loas AudioSyncStream", "needs " + length
                                + " bytes, the stream ends after " + available, carryOffset + pos, SPEC);
                    }
                }
            }
            sync = Sync.HUNTING;
            int skipTo = pos + 1;
            while (skipTo < end && carry[skipTo] != 0x56) {
                skipTo++;
            }
            discard(pos, skipTo - pos);
            pos = skipTo;
        }
        System.arraycopy(carry, pos, carry, 0, end - pos);
        carryLength = end - pos;
        carryOffset += pos;
    }

    /** AudioMuxElement(1) (§1.7.3.1, Table 1.41) in the LOAS frame at {@code pos} of {@code length} bytes. */
    private void audioMuxElement(int pos, int length) {
        long frameOffset = carryOffset + pos;
        BitReader in = AacException.bitReader(ByteBuffer.wrap(carry), pos + 3, pos + length, frameOffset + 3,
                LatmStreamMuxConfig.SPEC);
        boolean useSameStreamMux = in.flag("latm useSameStreamMux");
        if (!useSameStreamMux) {
            LatmStreamMuxConfig parsed = LatmStreamMuxConfig.read(in);
            if (!parsed.equals(config)) {
                config = parsed;
                listener.onConfig(parsed, frameOffset);
            }
        } else if (config == null) {
            listener.onAnomaly(new Anomaly<>(AacAnomalyKind.LATM_NO_CONFIG, frameOffset, length + " bytes"));
            return;
        }
        for (int i = 0; i <= config.numSubFrames(); i++) {
            long at = in.offset();
            int slotLength = 0;
            int tmp;
            do {
                tmp = in.u(8, "latm MuxSlotLengthBytes");
                slotLength += tmp;
            } while (tmp == 255);
            if (8L * slotLength > in.bitsLeft()) {
                throw new AacException("latm MuxSlotLengthBytes", slotLength + " bytes run past the LOAS frame ("
                        + in.bitsLeft() / 8 + " bytes left)", at, "ISO/IEC 14496-3 §1.7.3.1");
            }
            long payloadAt = in.offset();
            byte[] raw = new byte[slotLength];
            for (int k = 0; k < slotLength; k++) {
                raw[k] = (byte) in.u(8, "latm payload");
            }
            listener.onRawFrame(ByteBuffer.wrap(raw).asReadOnlyBuffer(), payloadAt);
        }
    }

    private void discard(int pos, int count) {
        if (garbageCount == 0) {
            garbageStart = carryOffset + pos;
        }
        garbageCount += count;
        if (garbageCount > limits.maxResyncDistance()) {
            throw new LimitExceededException(AacException.MODULE, "loas syncword", "AacLimits.maxResyncDistance()",
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
