package io.streamwire.mpegts;

import io.streamwire.core.Anomaly;
import io.streamwire.core.DecoderListener;
import io.streamwire.core.StreamDecoder;
import io.streamwire.core.internal.BigEndian;
import io.streamwire.core.internal.DecoderState;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Cuts a byte stream into transport packets: 188-byte (ISO/IEC 13818-1:2019 §2.4.3.2), 192-byte
 * M2TS/BDAV (a 4-byte TP_extra_header, copy_permission_indicator 2 bits and arrival_time_stamp 30
 * bits, before each packet) and 204-byte (188 + 16 Reed-Solomon bytes, ignored) packets, detected
 * automatically.
 *
 * <p>Push model, with the lifecycle of {@link StreamDecoder}: {@link #feed} consumes the whole
 * buffer and calls {@link Listener#onPacket} with a {@link TsPacket} view for every complete packet
 * (valid until the callback returns). Complete packets are handed out in place, without copying; a
 * packet split across feeds is kept in a small internal buffer (at most 4 KiB) and handed out when
 * complete, never dropped. {@link #position()} counts the bytes fed; {@link TsPacket#offset()} is
 * the stream offset of each packet's sync byte.
 *
 * <p>Sync: a candidate 0x47 is accepted when it repeats at {@value #CONFIRMATIONS} consecutive
 * strides of the same packet size (fewer are enough at {@link #endOfInput()} when fewer packets are
 * left). When the sync byte is missing where expected, the framer searches again, and reports the
 * bytes skipped as {@link TsAnomalyKind#LOST_SYNC}. A packet whose header or adaptation field is
 * malformed is reported as {@link TsAnomalyKind#MALFORMED_PACKET} and skipped; a partial packet at
 * {@link #endOfInput()} as {@link TsAnomalyKind#TRUNCATED_PACKET}. The output does not depend on how
 * the input is split into feeds.
 *
 * <p>Errors: bad input never makes it throw: every problem is an anomaly and framing goes on. Only
 * an exception thrown by the listener comes out of {@code feed}/{@code endOfInput} (unchanged),
 * and it fails the framer: later calls but {@link #reset()} and the accessors throw
 * {@link IllegalStateException} naming it.
 *
 * <p>Not thread-safe, keep it on one connection or event loop.
 *
 * <pre>{@code
 * TsFramer framer = new TsFramer(packet -> counts[packet.pid()]++);
 * framer.feed(bytes);
 * framer.endOfInput();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TsFramer implements StreamDecoder {
    /** Syncs that must line up before a packet size is accepted. */
    public static final int CONFIRMATIONS = 4;
    private static final int WINDOW = 4096;
    private static final int[] SIZES = {188, 192, 204};

    /**
     * Receives packets and anomalies ({@link TsAnomalyKind#LOST_SYNC},
     * {@link TsAnomalyKind#MALFORMED_PACKET}, {@link TsAnomalyKind#TRUNCATED_PACKET}). Packets are
     * what a framer is for, so {@link #onPacket} has no default: a lambda is a listener.
     */
    @FunctionalInterface
    public interface Listener extends DecoderListener<TsAnomalyKind> {
        /** A complete packet; the view is valid until this returns. */
        void onPacket(TsPacket packet);
    }

    private enum State { SEARCH, SYNCED }

    private final Listener listener;
    private final DecoderState lifecycle = new DecoderState("TsFramer");
    private final TsPacket packet = new TsPacket();
    private final byte[] carry = new byte[WINDOW];
    private final ByteBuffer carryView = ByteBuffer.wrap(carry);
    private int cStart;
    private int cEnd;
    /** Stream offset of carry[cStart]. */
    private long cOffset;
    /** Stream offset of the next byte of input not yet consumed or copied. */
    private long inputOffset;
    private State state = State.SEARCH;
    private int unit;
    private int syncOffset;
    private long skipped;
    private long skippedFrom = -1;
    private long packets;

    /**
     * A framer that detects the packet size. It has no limits to set: it keeps at most 4 KiB between
     * feeds whatever the input.
     *
     * @param listener receives packets and anomalies
     */
    public TsFramer(Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The detected packet size (188, 192 or 204), or 0 before the first sync. */
    public int packetSize() {
        return state == State.SYNCED || unit != 0 ? unit : 0;
    }

    /** Packets handed out since construction or {@link #reset()}; answers in every state. */
    public long packetCount() {
        return packets;
    }

    @Override
    public long position() {
        return inputOffset;
    }

    /**
     * Consumes all of {@code in} (its position moves to its limit) and hands out every complete
     * packet; bytes of an incomplete packet wait for the next feed.
     *
     * @throws IllegalStateException after {@link #endOfInput()} or a failure (naming it)
     * @throws RuntimeException whatever the listener throws, unchanged (the framer is failed afterwards)
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

    private void decode(ByteBuffer in) {
        while (true) {
            switch (state) {
                case SEARCH -> {
                    fill(in);
                    if (!search(false)) {
                        if (!in.hasRemaining()) {
                            return;
                        }
                    }
                }
                case SYNCED -> {
                    if (cEnd > cStart) {
                        int have = cEnd - cStart;
                        if (have < unit) {
                            int n = Math.min(unit - have, in.remaining());
                            copyIn(in, n);
                            if (cEnd - cStart < unit) {
                                return;
                            }
                        }
                        if (carry[cStart + syncOffset] == TsPacket.SYNC_BYTE) {
                            emit(carryView, cStart + syncOffset, cOffset + syncOffset, cStart);
                            cStart += unit;
                            cOffset += unit;
                            if (cStart == cEnd) {
                                cStart = 0;
                                cEnd = 0;
                            }
                        } else {
                            state = State.SEARCH;
                        }
                        continue;
                    }
                    int p = in.position();
                    int limit = in.limit();
                    int u = unit;
                    int so = syncOffset;
                    long base = inputOffset - p;
                    while (limit - p >= u) {
                        if (in.get(p + so) != TsPacket.SYNC_BYTE) {
                            break;
                        }
                        emit(in, p + so, base + p + so, p);
                        p += u;
                    }
                    inputOffset = base + p;
                    in.position(p);
                    if (limit - p >= u) {
                        state = State.SEARCH;
                        continue;
                    }
                    cOffset = inputOffset;
                    copyIn(in, limit - p);
                    return;
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
    }

    /**
     * Declares the input complete: packets still waiting for confirmation are handed out, and a
     * trailing partial packet is reported as {@link TsAnomalyKind#TRUNCATED_PACKET} (never an
     * exception). A second call does nothing.
     *
     * @throws IllegalStateException after a failure (naming it)
     * @throws RuntimeException whatever the listener throws, unchanged (the framer is failed afterwards)
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

    private void flush() {
        while (state == State.SEARCH && cEnd > cStart) {
            if (!search(true)) {
                break;
            }
            decode(ByteBuffer.allocate(0));
        }
        reportSkipped();
        if (cEnd > cStart) {
            listener.onAnomaly(new Anomaly<>(TsAnomalyKind.TRUNCATED_PACKET, cOffset,
                    "input ended " + (cEnd - cStart) + " bytes into a packet"));
            cStart = cEnd = 0;
        }
        packet.clear(); // keep no reference to the caller's last buffer
    }

    /** Forgets everything, failure included, and starts over at stream offset 0 (same listener). */
    @Override
    public void reset() {
        lifecycle.reset();
        cStart = cEnd = 0;
        cOffset = inputOffset = 0;
        state = State.SEARCH;
        unit = syncOffset = 0;
        skipped = 0;
        skippedFrom = -1;
        packets = 0;
        packet.clear();
    }

    private void emit(ByteBuffer buf, int syncIndex, long syncOffsetInStream, int unitStart) {
        long ats = unit == 192 ? BigEndian.getInt(buf, unitStart) & 0xFFFFFFFFL : -1;
        if (skipped > 0) {
            reportSkipped();
        }
        TsPacket view;
        try {
            view = packet.wrap(buf, syncIndex, syncOffsetInStream, ats);
        } catch (TsException e) {
            listener.onAnomaly(new Anomaly<>(TsAnomalyKind.MALFORMED_PACKET, e.offset(),
                    String.format("pid 0x%04X: %s", BigEndian.getShort(buf, syncIndex + 1) & 0x1FFF, e.getMessage())));
            return;
        }
        packets++;
        listener.onPacket(view);
    }

    private void reportSkipped() {
        if (skipped > 0) {
            listener.onAnomaly(new Anomaly<>(TsAnomalyKind.LOST_SYNC, skippedFrom, skipped + " bytes skipped to find sync"));
            skipped = 0;
            skippedFrom = -1;
        }
    }

    private void copyIn(ByteBuffer in, int n) {
        if (cEnd + n > WINDOW) {
            System.arraycopy(carry, cStart, carry, 0, cEnd - cStart);
            cEnd -= cStart;
            cStart = 0;
        }
        in.get(carry, cEnd, n);
        cEnd += n;
        inputOffset += n;
    }

    private void fill(ByteBuffer in) {
        if (cStart > 0) {
            System.arraycopy(carry, cStart, carry, 0, cEnd - cStart);
            cEnd -= cStart;
            cStart = 0;
        }
        int n = Math.min(WINDOW - cEnd, in.remaining());
        if (n == 0 && cEnd == 0) {
            // nothing buffered: remember where the bytes being searched start
            cOffset = inputOffset;
        }
        if (cEnd == 0) {
            cOffset = inputOffset;
        }
        in.get(carry, cEnd, n);
        cEnd += n;
        inputOffset += n;
    }

    /**
     * Looks for a confirmed sync in carry[cStart, cEnd). On success moves cStart to the unit start,
     * switches to SYNCED and returns true. Otherwise drops the bytes that cannot start a packet and
     * returns false.
     */
    private boolean search(boolean atEnd) {
        int i = cStart;
        while (i < cEnd) {
            if (carry[i] != TsPacket.SYNC_BYTE) {
                i++;
                continue;
            }
            boolean undecided = false;
            for (int size : SIZES) {
                int so = size == 192 ? 4 : 0;
                if (i - so < cStart) {
                    continue;
                }
                int verdict = confirm(i, size, atEnd);
                if (verdict > 0) {
                    drop(i - so - cStart);
                    unit = size;
                    syncOffset = so;
                    state = State.SYNCED;
                    return true;
                }
                if (verdict == 0) {
                    undecided = true;
                }
            }
            if (undecided) {
                // keep 4 bytes before the candidate: they may be its M2TS TP_extra_header
                drop(i - 4 - cStart);
                return false;
            }
            i++;
        }
        drop(atEnd ? i - cStart : i - 4 - cStart);
        return false;
    }

    /** 1: confirmed, -1: refuted, 0: needs more bytes. */
    private int confirm(int i, int size, boolean atEnd) {
        int confirmed = 1;
        for (int k = 1; k < CONFIRMATIONS; k++) {
            int j = i + k * size;
            if (j >= cEnd) {
                if (!atEnd) {
                    return 0;
                }
                // at the end, a packet is accepted when all syncs that fit line up and it is complete
                return i - (size == 192 ? 4 : 0) + size <= cEnd ? 1 : -1;
            }
            if (carry[j] != TsPacket.SYNC_BYTE) {
                return -1;
            }
            confirmed++;
        }
        return confirmed == CONFIRMATIONS ? 1 : -1;
    }

    private void drop(int n) {
        if (n <= 0) {
            return;
        }
        if (skipped == 0) {
            skippedFrom = cOffset;
        }
        skipped += n;
        cStart += n;
        cOffset += n;
        if (cStart == cEnd) {
            cStart = cEnd = 0;
        }
    }
}
