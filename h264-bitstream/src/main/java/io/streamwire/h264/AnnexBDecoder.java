package io.streamwire.h264;

import io.streamwire.h264.internal.StartCodes;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Push decoder for Annex B byte streams (ITU-T H.264 (08/2021) Annex B, §B.2): feed bytes in any
 * chunking, one byte at a time included, and get each NAL unit (without start code or trailing
 * zeros) through a {@link Listener}.
 *
 * <p>When a NAL unit's first byte arrives, {@link Listener#onNalStart} chooses what happens to it:
 * <ul>
 *   <li>{@link Interest#BUFFER}: {@link Listener#onNal} once with the whole NAL unit: a view of the
 *       fed buffer when the unit ends within the feed it started in (no copy), else the decoder's internal buffer,
 *       bounded by {@link H264Limits#maxNalSize()}. A unit still open at the end of a feed is
 *       copied, since its end is not known yet.</li>
 *   <li>{@link Interest#STREAM}: {@link Listener#onNalFragment} with each piece as it arrives
 *       (views of the fed buffer), the last one flagged; nothing is buffered.</li>
 *   <li>{@link Interest#IGNORE}: nothing is delivered or buffered.</li>
 * </ul>
 * The bytes delivered, their order and the offsets do not depend on how the input is split; only
 * the fragment boundaries do. Buffers handed to the listener are valid until it returns: copy what
 * must be kept. Views of the fed buffer are that buffer itself, its position and limit framing
 * the NAL unit during the call and restored afterwards, so nothing is allocated per NAL unit or
 * per feed. Zero bytes at the end of a feed are held back (as a count) until the next
 * feed shows whether they start a start code.
 *
 * <p>3- and 4-byte start codes, leading zero_bytes, trailing_zero_8bits and a stream without a final
 * start code are accepted; a NAL unit ends only at the next {@code 00 00 01} (see
 * {@link AnnexBScanner}'s implementation note: zero runs inside a NAL unit are kept as data and
 * reported to {@link Listener#onAnomaly}); bytes before the first start code are skipped and reported once to
 * {@link Listener#onAnomaly}; empty NAL units are skipped. NAL units longer than
 * {@link H264Limits#maxNalSize()} raise {@link LimitExceededException} whatever the interest; the
 * decoder then moves to a failed state where every call throws {@link IllegalStateException}.
 *
 * <pre>{@code
 * AnnexBDecoder decoder = new AnnexBDecoder(H264Limits.defaults(), new AnnexBDecoder.Listener() {
 *     public Interest onNalStart(int header, long offset) { return Interest.BUFFER; }
 *     public void onNal(ByteBuffer nal, long offset) { ... }
 * });
 * decoder.feed(chunk); ... decoder.endOfInput();
 * }</pre>
 *
 * <p>Not thread-safe: keep it on one connection or event loop.
 *
 * @since 0.1.0
 */
public final class AnnexBDecoder {
    /** What to do with the NAL unit that is starting. */
    public enum Interest {
        /** Deliver it whole to {@link Listener#onNal}. */
        BUFFER,
        /** Deliver its pieces to {@link Listener#onNalFragment} as they arrive. */
        STREAM,
        /** Skip it. */
        IGNORE
    }

    /** Receives the NAL units. */
    public interface Listener {
        /**
         * A NAL unit starts.
         *
         * @param nalHeaderByte its first byte (forbidden_zero_bit, nal_ref_idc, nal_unit_type)
         * @param offset stream offset of that byte
         */
        Interest onNalStart(int nalHeaderByte, long offset);

        /** A whole NAL unit (for {@link Interest#BUFFER}), from position to limit. */
        default void onNal(ByteBuffer nal, long offset) {}

        /** A piece of a NAL unit (for {@link Interest#STREAM}); {@code last} ends it (may be empty). */
        default void onNalFragment(ByteBuffer fragment, boolean last) {}

        /** Something non-fatal, e.g. bytes before the first start code. */
        default void onAnomaly(String description, long offset) {}
    }

    private enum State { SEEK_START_CODE, READ_NAL, FAILED }

    private static final byte[] ZEROS = new byte[256];

    private final H264Limits limits;
    private final Listener listener;
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

    /** A decoder with the given limits sending to {@code listener}. */
    public AnnexBDecoder(H264Limits limits, Listener listener) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Consumes all of {@code in}'s remaining bytes (its position moves to its limit) and delivers the
     * NAL units it completes.
     *
     * @throws LimitExceededException if a NAL unit is longer than {@link H264Limits#maxNalSize()}
     * @throws IllegalStateException after a failure
     */
    public void feed(ByteBuffer in) {
        requireUsable();
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
                                listener.onAnomaly("bytes outside NAL units skipped up to the next start code", base + i);
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
                                listener.onAnomaly("run of " + held + " zero bytes inside a NAL unit kept as data", base + i - held);
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
                            listener.onAnomaly("run of " + (k - j) + " zero bytes inside a NAL unit kept as data", base + j);
                            i = k; // the zeros stay in this NAL unit's content
                        }
                        break;
                    }
                    default:
                        throw new IllegalStateException("unexpected state " + state);
                }
            }
        } catch (RuntimeException e) {
            state = State.FAILED;
            throw e;
        } finally {
            in.limit(limit);
        }
        streamOffset += limit - startPosition;
        in.position(limit);
    }

    /**
     * The input is complete: ends the NAL unit in progress (held-back zeros are trailing_zero_8bits)
     * and readies the decoder for a new stream, with offsets continuing.
     */
    public void endOfInput() {
        requireUsable();
        try {
            if (state == State.READ_NAL) {
                feedLimit = ZEROS.length;
                commit(zerosView, 0, 0, true);
            }
        } catch (RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
        state = State.SEEK_START_CODE;
        zeros = 0;
    }

    /** Forgets everything, the failed state and the stream offset included. */
    public void reset() {
        state = State.SEEK_START_CODE;
        zeros = 0;
        nalStarted = false;
        buffered = 0;
        streamOffset = 0;
        garbageReported = false;
    }

    /** Bytes consumed since construction or {@link #reset()}. */
    public long streamOffset() {
        return streamOffset;
    }

    private void requireUsable() {
        if (state == State.FAILED) {
            throw new IllegalStateException("the decoder failed earlier; reset() to start over");
        }
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

    private void commit(ByteBuffer in, int from, int to, boolean ends) {
        if (!nalStarted) {
            if (to == from) {
                return; // nothing yet, or an empty NAL unit (two start codes in a row): skipped
            }
            nalStarted = true;
            interest = Objects.requireNonNull(listener.onNalStart(in.get(from) & 0xFF, nalOffset), "interest");
        }
        long length = nalLength + (to - from);
        if (length > limits.maxNalSize()) {
            throw new LimitExceededException("nal_unit", "H264Limits.maxNalSize()", limits.maxNalSize(), length, nalOffset);
        }
        nalLength = length;
        switch (interest) {
            case IGNORE:
                break;
            case STREAM:
                listener.onNalFragment(frame(in, from, to), ends);
                in.limit(feedLimit);
                break;
            case BUFFER:
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
