package io.streamwire.aac;

import io.streamwire.aac.internal.BitReader;
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
 * <p><b>Model.</b> {@link #feed} consumes everything; the listener gets
 * {@link Listener#onConfig} whenever the StreamMuxConfig changes (the AudioSpecificConfig for FLV or
 * MP4 is in it), then {@link Listener#onRawFrame} for each raw frame. Sync is confirmed like
 * {@link AdtsDecoder}'s: a LOAS frame is decoded only once the next syncword follows where
 * audioMuxLengthBytes says (or the input ends); skipped bytes are reported as
 * {@link AacAnomaly.Kind#BYTES_DISCARDED}, frames before the first StreamMuxConfig as
 * {@link AacAnomaly.Kind#LATM_NO_CONFIG}. The output does not depend on how the input is split.
 *
 * <p><b>Copies.</b> PayloadMux is not byte-aligned, so raw frames are copied out (bit-shifted) into a
 * new array each; LOAS bytes crossing feeds are buffered internally, bounded by
 * {@link AacLimits#maxFrameSize()}.
 *
 * <p><b>Errors.</b> {@link AacException} with the stream offset for lengths past the LOAS frame,
 * a bad AudioSpecificConfig, or unsupported features; {@link LimitExceededException} for
 * {@code maxFrameSize} and {@code maxResyncDistance}; {@link TruncatedInputException} from
 * {@link #endOfInput()} inside a frame of a synchronised stream. After an exception the decoder is
 * failed until {@link #reset()}.
 *
 * <p>Not thread-safe, keep it on one connection or event loop.
 *
 * @since 0.1.0
 */
public final class LoasDecoder {
    private static final String SPEC = "ISO/IEC 14496-3 §1.7.2";

    /** Receives what the decoder finds. */
    public interface Listener {
        /** A StreamMuxConfig different from the previous one. */
        default void onConfig(LatmStreamMuxConfig config, long streamOffset) {}

        /** One raw AAC frame (a PayloadMux element), a fresh read-only buffer the listener may keep. */
        void onRawFrame(ByteBuffer rawFrame, long streamOffset);

        /** A problem the decoder recovered from. */
        default void onAnomaly(AacAnomaly anomaly) {}
    }

    private enum State { HUNTING, SYNCED, ENDED, FAILED }

    private final Listener listener;
    private final AacLimits limits;
    private State state = State.HUNTING;
    private byte[] carry = new byte[256];
    private int carryLength;
    private long carryOffset;
    private LatmStreamMuxConfig config;
    private long garbageStart;
    private long garbageCount;

    /** A decoder with {@link AacLimits#defaults()}. */
    public LoasDecoder(Listener listener) {
        this(listener, AacLimits.defaults());
    }

    /** A decoder with the given limits. */
    public LoasDecoder(Listener listener, AacLimits limits) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Consumes all remaining bytes of {@code in}; on return its position equals its limit.
     *
     * @throws AacException as described in the class comment (the decoder is then failed)
     * @throws IllegalStateException after {@link #endOfInput()} or a failure
     */
    public void feed(ByteBuffer in) {
        requireOpen();
        try {
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
        } catch (RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
    }

    /**
     * Declares the end of the stream: decodes the last frame and reports trailing garbage.
     *
     * @throws TruncatedInputException if a synchronised stream ends inside a frame
     */
    public void endOfInput() {
        requireOpen();
        try {
            process(true);
            flushGarbage();
            state = State.ENDED;
        } catch (RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
    }

    /** Forgets everything (including the StreamMuxConfig) and starts a new stream at offset 0. */
    public void reset() {
        state = State.HUNTING;
        carryLength = 0;
        carryOffset = 0;
        config = null;
        garbageCount = 0;
    }

    private void requireOpen() {
        if (state == State.ENDED || state == State.FAILED) {
            throw new IllegalStateException("decoder is " + state.name().toLowerCase() + "; call reset()");
        }
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
                    if (state == State.SYNCED) {
                        throw new LimitExceededException("loas audioMuxLengthBytes", "maxFrameSize", limits.maxFrameSize(),
                                length, carryOffset + pos, SPEC);
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
                        state = State.SYNCED;
                        audioMuxElement(pos, length);
                        pos = next;
                        continue;
                    }
                    if (eoi && next > end && state == State.SYNCED) {
                        throw new TruncatedInputException("loas AudioSyncStream", "needs " + length
                                + " bytes, the stream ends after " + available, carryOffset + pos, SPEC);
                    }
                }
            }
            state = State.HUNTING;
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
        BitReader in = new BitReader(ByteBuffer.wrap(carry), pos + 3, length - 3, frameOffset + 3, "ISO/IEC 14496-3 §1.7.3.1");
        boolean useSameStreamMux = in.flag("latm useSameStreamMux");
        if (!useSameStreamMux) {
            LatmStreamMuxConfig parsed = LatmStreamMuxConfig.read(in);
            if (!parsed.equals(config)) {
                config = parsed;
                listener.onConfig(parsed, frameOffset);
            }
        } else if (config == null) {
            listener.onAnomaly(new AacAnomaly(AacAnomaly.Kind.LATM_NO_CONFIG, frameOffset, length));
            return;
        }
        for (int i = 0; i <= config.numSubFrames(); i++) {
            long at = in.byteOffset();
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
            long payloadAt = in.byteOffset();
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
            throw new LimitExceededException("loas syncword", "maxResyncDistance", limits.maxResyncDistance(),
                    garbageCount, garbageStart, SPEC);
        }
    }

    private void flushGarbage() {
        if (garbageCount > 0) {
            long count = garbageCount;
            garbageCount = 0;
            listener.onAnomaly(new AacAnomaly(AacAnomaly.Kind.BYTES_DISCARDED, garbageStart, count));
        }
    }
}
