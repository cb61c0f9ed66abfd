package io.streamwire.core.internal;

import io.streamwire.core.Interest;
import io.streamwire.core.LimitExceededException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The push engine of the Annex B decoders of the codec modules (ITU-T H.264 (08/2021) §B.2 and
 * ITU-T H.265 (09/2023) §B.2 frame NAL units the same way; one implementation for both): bytes go
 * in through {@link #feed} in any chunking, NAL units (without start code or trailing zeros) come
 * out through a {@link Sink}, whole, in fragments or not at all as the sink's
 * {@link Sink#onNalStart} answer says. Holds the {@link io.streamwire.core.StreamDecoder} lifecycle,
 * so a module's public decoder is a thin adapter from its listener to a sink.
 *
 * <p>Whole NAL units are views of the fed buffer when they end within the feed they started in
 * (the buffer itself, its position and limit framing the unit during the call and restored after),
 * else the engine's internal buffer, grown with the bytes that arrive up to the configured maximum.
 * Zero bytes at the end of a feed are held back as a count until the next feed shows whether they
 * start a start code. A NAL unit ends only at the next {@code 00 00 01} (see {@link NalScanner});
 * a run of three or more zeros inside a unit is reported through {@link Sink#onZeroRun} and kept as
 * data; bytes before the first start code through {@link Sink#onBytesBeforeFirstStartCode}, once.
 *
 * <p>Exported to Streamwire modules only; not public API. Not thread-safe, like its decoder.
 */
public final class AnnexBFramer {
    /** Where the engine delivers; each method is called on the thread that feeds, inside the call. */
    public interface Sink {
        /** A NAL unit whose first byte is {@code headerByte} starts at stream offset {@code offset}; not null. */
        Interest onNalStart(int headerByte, long offset);

        /** A whole NAL unit, position to limit, valid during the call. */
        void onNal(ByteBuffer nal, long offset);

        /** A piece of a NAL unit, valid during the call; {@code last} ends it (that piece may be empty). */
        void onNalFragment(ByteBuffer fragment, boolean last);

        /** The stream does not start with a start code; called once, at the first such byte. */
        void onBytesBeforeFirstStartCode(long offset);

        /** A run of {@code length} (at least 3) zero bytes inside a NAL unit, kept as data. */
        void onZeroRun(long length, long offset);
    }

    /** What the next byte is expected to be part of. */
    private enum State { SEEK_START_CODE, READ_NAL }

    private static final byte[] ZEROS = new byte[256];

    private final Sink sink;
    private final String module;
    private final String limitName;
    private final int maxNalSize;
    private final DecoderState lifecycle;
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

    /**
     * @param decoder the public decoder's simple name, for lifecycle messages
     * @param module the module named in exceptions, e.g. {@code "h265"}
     * @param limitName the setting named when a NAL unit is too long, e.g. {@code "H265Limits.maxNalSize()"}
     * @param maxNalSize the longest NAL unit accepted, in bytes
     * @param sink where NAL units and anomalies go
     */
    public AnnexBFramer(String decoder, String module, String limitName, int maxNalSize, Sink sink) {
        this.lifecycle = new DecoderState(Objects.requireNonNull(decoder, "decoder"));
        this.module = Objects.requireNonNull(module, "module");
        this.limitName = Objects.requireNonNull(limitName, "limitName");
        this.maxNalSize = maxNalSize;
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Consumes all of {@code in}'s remaining bytes (its position moves to its limit). On an
     * exception the position is unspecified and the engine is failed.
     *
     * @throws LimitExceededException if a NAL unit is longer than the maximum
     * @throws NullPointerException if the sink answers {@code onNalStart} with null
     * @throws IllegalStateException after {@link #endOfInput()} or a failure
     */
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
                                sink.onBytesBeforeFirstStartCode(base + i);
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
                                sink.onZeroRun(held, base + i - held);
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
                            sink.onZeroRun(k - j, base + j);
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
     * trailing_zero_8bits). A second call does nothing.
     *
     * @throws IllegalStateException after a failure
     */
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
    public long position() {
        return streamOffset;
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

    /** Frames {@code in[from, to)} by its position and limit for the sink; restored after. */
    private static ByteBuffer frame(ByteBuffer in, int from, int to) {
        in.limit(in.capacity()).position(from).limit(to);
        return in;
    }

    /** The NAL unit whose first byte is {@code in[at]} starts: asks the sink what it wants. */
    private void begin(ByteBuffer in, int at) {
        nalStarted = true;
        interest = Objects.requireNonNull(sink.onNalStart(in.get(at) & 0xFF, nalOffset), "interest");
    }

    private void commit(ByteBuffer in, int from, int to, boolean ends) {
        if (!nalStarted) {
            if (to == from) {
                return; // nothing yet, or an empty NAL unit (two start codes in a row): skipped
            }
            begin(in, from);
        }
        long length = nalLength + (to - from);
        if (length > maxNalSize) {
            throw new LimitExceededException(module, "nal_unit", limitName, maxNalSize, length, nalOffset);
        }
        nalLength = length;
        switch (interest) {
            case IGNORE:
                break;
            case FRAGMENTS:
                sink.onNalFragment(frame(in, from, to), ends);
                in.limit(feedLimit);
                break;
            case WHOLE:
                if (ends && buffered == 0) {
                    sink.onNal(frame(in, from, to), nalOffset);
                    in.limit(feedLimit);
                } else {
                    append(in, from, to);
                    if (ends) {
                        if (bufferView == null || bufferView.array() != buffer) {
                            bufferView = ByteBuffer.wrap(buffer);
                        }
                        bufferView.limit(buffered).position(0);
                        sink.onNal(bufferView, nalOffset);
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
            int cap = (int) Math.min(maxNalSize, Math.max((long) buffered + n, Math.max(256L, buffer.length * 2L)));
            buffer = Arrays.copyOf(buffer, cap);
        }
        in.get(from, buffer, buffered, n);
        buffered += n;
    }
}
