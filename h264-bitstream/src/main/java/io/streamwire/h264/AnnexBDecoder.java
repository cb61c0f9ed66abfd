package io.streamwire.h264;

import io.streamwire.core.Anomaly;
import io.streamwire.core.DecoderListener;
import io.streamwire.core.Interest;
import io.streamwire.core.LimitExceededException;
import io.streamwire.core.StreamDecoder;
import io.streamwire.core.internal.DecoderState;
import io.streamwire.core.internal.StartCodes;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Push decoder for Annex B byte streams (ITU-T H.264 (08/2021) Annex B, §B.2): feed bytes in any
 * chunking, one byte at a time included, and get each NAL unit (without start code or trailing
 * zeros) through a {@link Listener}.
 *
 * <pre>{@code
 * AnnexBDecoder decoder = new AnnexBDecoder((nal, offset) -> {
 *     int type = nal.get(nal.position()) & 0x1F; // the whole NAL unit, valid during this call
 * });
 * decoder.feed(chunk); ... decoder.endOfInput();
 * }</pre>
 *
 * <p>When a NAL unit's first byte arrives, {@link Listener#onNalStart} answers with an
 * {@link Interest}; the decoder honours all three:
 * <ul>
 *   <li>{@link Interest#WHOLE} (the default): {@link Listener#onNal} once with the whole NAL unit: a
 *       view of the fed buffer when the unit ends within the feed it started in (no copy), else the
 *       decoder's internal buffer, bounded by {@link H264Limits#maxNalSize()}. A unit still open at
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
 * per NAL unit or per feed. Zero bytes at the end of a feed are held back (as a count) until the
 * next feed shows whether they start a start code.
 *
 * <p>3- and 4-byte start codes, leading zero_bytes, trailing_zero_8bits and a stream without a final
 * start code are accepted: {@link #endOfInput()} ends the last NAL unit and never fails. A NAL unit
 * ends only at the next {@code 00 00 01} (see {@link AnnexBScanner}'s implementation note: zero runs
 * inside a NAL unit are kept as data and reported as {@link H264AnomalyKind#ZERO_RUN_IN_NAL_UNIT});
 * bytes before the first start code are skipped and reported once as
 * {@link H264AnomalyKind#BYTES_BEFORE_FIRST_START_CODE}; empty NAL units are skipped.
 *
 * <p>Lifecycle ({@link StreamDecoder}): {@code feed} after {@code endOfInput} throws
 * {@link IllegalStateException}; a second {@code endOfInput} does nothing; {@link #reset()} starts
 * over. A NAL unit longer than {@link H264Limits#maxNalSize()} raises core's
 * {@link LimitExceededException} whatever the interest; after that, or after any exception thrown
 * by the listener, every call but {@code reset} and {@code position} throws
 * {@link IllegalStateException} naming the first error.
 *
 * <p>Not thread-safe: keep it on one connection or event loop.
 *
 * @since 0.1.0
 */
public final class AnnexBDecoder implements StreamDecoder {
    /**
     * Receives the NAL units and the anomalies. {@link #onNal} is the one method without a default,
     * so a lambda can be the listener: by default every NAL unit is delivered whole to it.
     */
    @FunctionalInterface
    public interface Listener extends DecoderListener<H264AnomalyKind> {
        /**
         * A NAL unit starts: how it should be delivered.
         *
         * @param nalHeaderByte its first byte (forbidden_zero_bit, nal_ref_idc, nal_unit_type)
         * @param offset stream offset of that byte
         * @return {@link Interest#WHOLE} (the default), {@link Interest#FRAGMENTS} or {@link Interest#IGNORE}; not null
         */
        default Interest onNalStart(int nalHeaderByte, long offset) {
            return Interest.WHOLE;
        }

        /**
         * A whole NAL unit (for {@link Interest#WHOLE}), from position to limit, header byte first;
         * valid until this method returns.
         *
         * @param offset stream offset of its header byte
         */
        void onNal(ByteBuffer nal, long offset);

        /**
         * A piece of a NAL unit (for {@link Interest#FRAGMENTS}), valid until this method returns;
         * {@code last} ends the NAL unit (that piece may be empty).
         */
        default void onNalFragment(ByteBuffer fragment, boolean last) {}
    }

    /** What the next byte is expected to be part of. */
    private enum State { SEEK_START_CODE, READ_NAL }

    private static final byte[] ZEROS = new byte[256];

    private final H264Limits limits;
    private final Listener listener;
    private final DecoderState lifecycle = new DecoderState("AnnexBDecoder");
    private State state = State.SEEK_START_CODE;
    private long zeros;
    private boolean nalStarted;
    private Interest interest;
    private long nalOffset;
    private long nalLength;
    private byte[] buffer = new byte[0];
    private int buffered;
    private ByteBuffer bufferView;
    private long streamOffset;
    private boolean garbageReported;
    private final ByteBuffer zerosView = ByteBuffer.wrap(ZEROS);
    private int feedLimit;

    /** A decoder with {@link H264Limits#defaults()} sending to {@code listener}. */
    public AnnexBDecoder(Listener listener) {
        this(listener, H264Limits.defaults());
    }

    /** A decoder with the given limits sending to {@code listener}. */
    public AnnexBDecoder(Listener listener, H264Limits limits) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Consumes all of {@code in}'s remaining bytes (its position moves to its limit) and delivers the
     * NAL units it completes. On an exception the position is unspecified and the decoder is failed.
     *
     * @throws LimitExceededException if a NAL unit is longer than {@link H264Limits#maxNalSize()}
     * @throws NullPointerException if the listener answers {@code onNalStart} with null
     * @throws IllegalStateException after {@link #endOfInput()} or a failure
     */
    @Override
    public void feed(ByteBuffer in) {
        lifecycle.checkFeed();
        final int startPosition = in.position();
        int i = startPosition;
        final int limit = in.limit();
        final long base = streamOffset - i;
        feedLimit = limit;
        try {
            while (i < limit) {
                switch (state) {
                    case SEEK_START_CODE: {
                        int b = in.get(i) & 0xFF;
                        if (b == 0) {
                            zeros++;
                        } else if (b == 1 && zeros >= 2) {
                            startNal(base + i + 1);
                        } else {
                            zeros = 0;
                            if (!garbageReported) {
                                garbageReported = true;
                                listener.onAnomaly(new Anomaly<>(H264AnomalyKind.BYTES_BEFORE_FIRST_START_CODE, base + i,
                                        "bytes before the first start code skipped"));
                            }
                        }
                        i++;
                        break;
                    }
                    case READ_NAL: {
                        if (zeros > 0) {
                            int b = in.get(i) & 0xFF;
                            if (b == 0) {
                                zeros++;
                                i++;
                                break;
                            }
                            if (b == 1 && zeros >= 2) {
                                commit(in, i, i, true); // the held zeros were trailing_zero_8bits
                                startNal(base + i + 1);
                                i++;
                                break;
                            }
                            long held = zeros;
                            zeros = 0;
                            if (held >= 3) {
                                zeroRun(held, base + i - held);
                            }
                            flushZeros(held);
                            feedLimit = limit;
                        }
                        int segment = i;
                        while (true) {
                            // the first 00 00 00 or 00 00 01: a start code, or a zero run to classify
                            int j = StartCodes.findPair(in, i, limit, 0, 1);
                            if (j < 0) {
                                int e = limit;
                                long t = 0;
                                while (e > segment && in.get(e - 1) == 0) {
                                    e--;
                                    t++;
                                }
                                commit(in, segment, e, false);
                                zeros = t;
                                i = limit;
                                break;
                            }
                            if (in.get(j + 2) == 1) {
                                commit(in, segment, j, true);
                                startNal(base + j + 3);
                                i = j + 3;
                                break;
                            }
                            int k = j + 3;
                            while (k < limit && in.get(k) == 0) {
                                k++;
                            }
                            if (k == limit) {
                                commit(in, segment, j, false);
                                zeros = k - j;
                                i = limit;
                                break;
                            }
                            if (in.get(k) == 1) {
                                commit(in, segment, j, true); // trailing_zero_8bits, then a start code
                                startNal(base + k + 1);
                                i = k + 1;
                                break;
                            }
                            if (!nalStarted && j > segment) {
                                // onNalStart before the anomaly, as when the bytes before the run came in an earlier feed
                                begin(in, segment);
                            }
                            zeroRun(k - j, base + j);
                            i = k; // the zeros stay in this NAL unit's content
                        }
                        break;
                    }
                    default:
                        throw new IllegalStateException("unexpected state " + state);
                }
            }
        } catch (Throwable t) {
            lifecycle.fail(t);
            throw t;
        } finally {
            in.limit(limit);
        }
        streamOffset += limit - startPosition;
        in.position(limit);
    }

    /**
     * The input is complete: delivers the NAL unit in progress (held-back zeros are
     * trailing_zero_8bits; a stream need not end with a start code). A second call does nothing.
     *
     * @throws IllegalStateException after a failure
     */
    @Override
    public void endOfInput() {
        if (!lifecycle.beginEnd()) {
            return;
        }
        try {
            if (state == State.READ_NAL) {
                feedLimit = ZEROS.length;
                commit(zerosView, 0, 0, true);
            }
        } catch (Throwable t) {
            lifecycle.fail(t);
            throw t;
        }
        state = State.SEEK_START_CODE;
        zeros = 0;
    }

    /** Starts over as if new, the failed or ended state and the position included. */
    @Override
    public void reset() {
        lifecycle.reset();
        state = State.SEEK_START_CODE;
        zeros = 0;
        nalStarted = false;
        buffered = 0;
        streamOffset = 0;
        garbageReported = false;
    }

    /** Bytes fed since construction or the last {@link #reset()}. */
    @Override
    public long position() {
        return streamOffset;
    }

    private void zeroRun(long length, long offset) {
        listener.onAnomaly(new Anomaly<>(H264AnomalyKind.ZERO_RUN_IN_NAL_UNIT, offset,
                "run of " + length + " zero bytes inside a NAL unit kept as data"));
    }

    private void flushZeros(long n) {
        while (n > 0) {
            int k = (int) Math.min(n, ZEROS.length);
            feedLimit = ZEROS.length;
            commit(zerosView, 0, k, false);
            n -= k;
        }
    }

    private void startNal(long offset) {
        state = State.READ_NAL;
        zeros = 0;
        nalStarted = false;
        nalOffset = offset;
        nalLength = 0;
        buffered = 0;
    }

    /** Frames {@code in[from, to)} by its position and limit for the listener; restored after. */
    private static ByteBuffer frame(ByteBuffer in, int from, int to) {
        in.limit(in.capacity()).position(from).limit(to);
        return in;
    }

    /** The NAL unit whose header byte is {@code in[at]} starts: asks the listener what it wants. */
    private void begin(ByteBuffer in, int at) {
        nalStarted = true;
        interest = Objects.requireNonNull(listener.onNalStart(in.get(at) & 0xFF, nalOffset), "interest");
    }

    private void commit(ByteBuffer in, int from, int to, boolean ends) {
        if (!nalStarted) {
            if (to == from) {
                return; // nothing yet, or an empty NAL unit (two start codes in a row): skipped
            }
            begin(in, from);
        }
        long length = nalLength + (to - from);
        if (length > limits.maxNalSize()) {
            throw new LimitExceededException(H264Exception.MODULE, "nal_unit", "H264Limits.maxNalSize()",
                    limits.maxNalSize(),
                    length, nalOffset);
        }
        nalLength = length;
        switch (interest) {
            case IGNORE:
                break;
            case FRAGMENTS:
                listener.onNalFragment(frame(in, from, to), ends);
                in.limit(feedLimit);
                break;
            case WHOLE:
                if (ends && buffered == 0) {
                    listener.onNal(frame(in, from, to), nalOffset);
                    in.limit(feedLimit);
                } else {
                    append(in, from, to);
                    if (ends) {
                        if (bufferView == null || bufferView.array() != buffer) {
                            bufferView = ByteBuffer.wrap(buffer);
                        }
                        bufferView.limit(buffered).position(0);
                        listener.onNal(bufferView, nalOffset);
                    }
                }
                break;
            default:
                throw new IllegalStateException("unexpected interest " + interest);
        }
        if (ends) {
            nalStarted = false;
            buffered = 0;
        }
    }

    private void append(ByteBuffer in, int from, int to) {
        int n = to - from;
        if (buffered + n > buffer.length) {
            int cap = (int) Math.min(limits.maxNalSize(), Math.max((long) buffered + n, Math.max(256L, buffer.length * 2L)));
            buffer = Arrays.copyOf(buffer, cap);
        }
        in.get(from, buffer, buffered, n);
        buffered += n;
    }
}
