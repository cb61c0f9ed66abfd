package io.streamwire.h265;

import io.streamwire.core.DecoderListener;
import io.streamwire.core.Interest;
import io.streamwire.core.LimitExceededException;
import io.streamwire.core.StreamDecoder;
import io.streamwire.core.internal.AnnexBFramer;
import io.streamwire.core.internal.AnnexBSink;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Push decoder for HEVC Annex B byte streams (ITU-T H.265 (09/2023) Annex B, §B.2): feed bytes in
 * any chunking, one byte at a time included, and get each NAL unit (without start code or trailing
 * zeros) through a {@link Listener}.
 *
 * <pre>{@code
 * HevcAnnexBDecoder decoder = new HevcAnnexBDecoder((nal, offset) -> {
 *     int type = NalUnitType.fromHeaderByte(nal.get(nal.position())); // valid during this call
 * }, H265Limits.defaults());
 * decoder.feed(chunk); ... decoder.endOfInput();
 * }</pre>
 *
 * <p>When a NAL unit's first byte arrives, {@link Listener#onNalStart} answers with an
 * {@link Interest}; the decoder honours all three:
 * <ul>
 *   <li>{@link Interest#WHOLE} (the default): {@link Listener#onNal} once with the whole NAL unit: a
 *       view of the fed buffer when the unit ends within the feed it started in (no copy), else the
 *       decoder's internal buffer, bounded by {@link H265Limits#maxNalSize()}. A unit still open at
 *       the end of a feed is copied, since its end is not known yet.</li>
 *   <li>{@link Interest#FRAGMENTS}: {@link Listener#onNalFragment} with each piece as it arrives
 *       (views of the fed buffer), the last one flagged (it may be empty); nothing is buffered.</li>
 *   <li>{@link Interest#IGNORE}: nothing is delivered or buffered.</li>
 * </ul>
 * A null answer is a programming error: {@code feed} throws {@link NullPointerException} (and the
 * decoder is failed). The bytes delivered, their order and the offsets do not depend on how the
 * input is split; only the fragment boundaries do. Buffers handed to the listener are valid until
 * it returns: copy what must be kept. Views of the fed buffer are that buffer itself, its position
 * and limit framing the NAL unit during the call and restored afterwards, so nothing is allocated
 * per NAL unit or per feed.
 *
 * <p>3- and 4-byte start codes, leading zero_bytes, trailing_zero_8bits and a stream without a final
 * start code are accepted: {@link #endOfInput()} ends the last NAL unit and never fails. A NAL unit
 * ends only at the next {@code 00 00 01} (see {@link HevcAnnexBScanner}'s implementation note: zero
 * runs inside a NAL unit are kept as data and reported as {@link H265AnomalyKind#ZERO_RUN_IN_NAL_UNIT});
 * bytes before the first start code are skipped and reported once as
 * {@link H265AnomalyKind#BYTES_BEFORE_FIRST_START_CODE}; empty NAL units are skipped. NAL unit
 * headers are not validated here ({@link HevcNalUnitHeader#parse} does that).
 *
 * <p>Lifecycle ({@link StreamDecoder}): {@code feed} after {@code endOfInput} throws
 * {@link IllegalStateException}; a second {@code endOfInput} does nothing; {@link #reset()} starts
 * over. A NAL unit longer than {@link H265Limits#maxNalSize()} raises core's
 * {@link LimitExceededException} (module {@code "h265"}) whatever the interest, as soon as the
 * bytes past the limit arrive; after that, or after any exception thrown by the listener, every
 * call but {@code reset} and {@code position} throws {@link IllegalStateException} naming the first
 * error. The framing is core's Annex B engine, shared with the H.264 module.
 *
 * <p>Not thread-safe: keep it on one connection or event loop.
 *
 * @since 0.2.0
 */
public final class HevcAnnexBDecoder implements StreamDecoder {
    /**
     * Receives the NAL units and the anomalies. {@link #onNal} is the one method without a default,
     * so a lambda can be the listener: by default every NAL unit is delivered whole to it.
     */
    @FunctionalInterface
    public interface Listener extends DecoderListener<H265AnomalyKind> {
        /**
         * A NAL unit starts: how it should be delivered.
         *
         * @param nalHeaderByte the first byte of its two-byte header (forbidden_zero_bit,
         *     nal_unit_type, the high bit of nuh_layer_id): {@link NalUnitType#fromHeaderByte} gives the type
         * @param offset stream offset of that byte
         * @return {@link Interest#WHOLE} (the default), {@link Interest#FRAGMENTS} or {@link Interest#IGNORE}; not null
         */
        default Interest onNalStart(int nalHeaderByte, long offset) {
            return Interest.WHOLE;
        }

        /**
         * A whole NAL unit (for {@link Interest#WHOLE}), from position to limit, header first;
         * valid until this method returns.
         *
         * @param offset stream offset of its first header byte
         */
        void onNal(ByteBuffer nal, long offset);

        /**
         * A piece of a NAL unit (for {@link Interest#FRAGMENTS}), valid until this method returns;
         * {@code last} ends the NAL unit (that piece may be empty).
         */
        default void onNalFragment(ByteBuffer fragment, boolean last) {}
    }

    private final AnnexBFramer framer;

    /**
     * A decoder with the given limits sending to {@code listener}.
     *
     * @param listener receives the NAL units and anomalies
     * @param limits {@link H265Limits#maxNalSize()} bounds each NAL unit
     */
    public HevcAnnexBDecoder(Listener listener, H265Limits limits) {
        Objects.requireNonNull(listener, "listener");
        this.framer = new AnnexBFramer("HevcAnnexBDecoder", H265Exception.MODULE, "H265Limits.maxNalSize()",
                Objects.requireNonNull(limits, "limits").maxNalSize(), new Sink(listener));
    }

    /** A decoder with {@link H265Limits#defaults()} sending to {@code listener}. */
    public HevcAnnexBDecoder(Listener listener) {
        this(listener, H265Limits.defaults());
    }

    /**
     * Consumes all of {@code in}'s remaining bytes (its position moves to its limit) and delivers the
     * NAL units it completes. On an exception the position is unspecified and the decoder is failed.
     *
     * @throws LimitExceededException if a NAL unit is longer than {@link H265Limits#maxNalSize()}
     * @throws NullPointerException if the listener answers {@code onNalStart} with null
     * @throws IllegalStateException after {@link #endOfInput()} or a failure
     */
    @Override
    public void feed(ByteBuffer in) {
        framer.feed(in);
    }

    /**
     * The input is complete: delivers the NAL unit in progress (held-back zeros are
     * trailing_zero_8bits; a stream need not end with a start code). A second call does nothing.
     *
     * @throws IllegalStateException after a failure
     */
    @Override
    public void endOfInput() {
        framer.endOfInput();
    }

    /** Starts over as if new, the failed or ended state and the position included. */
    @Override
    public void reset() {
        framer.reset();
    }

    /** Bytes fed since construction or the last {@link #reset()}. */
    @Override
    public long position() {
        return framer.position();
    }

    /** Forwards the shared engine's events to the listener, anomalies as {@link H265AnomalyKind}. */
    private static final class Sink extends AnnexBSink<H265AnomalyKind> {
        private final Listener listener;

        Sink(Listener listener) {
            super(listener, H265AnomalyKind.BYTES_BEFORE_FIRST_START_CODE, H265AnomalyKind.ZERO_RUN_IN_NAL_UNIT);
            this.listener = listener;
        }

        @Override
        public Interest onNalStart(int headerByte, long offset) {
            return listener.onNalStart(headerByte, offset);
        }

        @Override
        public void onNal(ByteBuffer nal, long offset) {
            listener.onNal(nal, offset);
        }

        @Override
        public void onNalFragment(ByteBuffer fragment, boolean last) {
            listener.onNalFragment(fragment, last);
        }
    }
}
