package io.streamwire.mpegts.psi;

import io.streamwire.core.Anomaly;
import io.streamwire.core.DecoderListener;
import io.streamwire.core.internal.BigEndian;
import io.streamwire.mpegts.TsAnomalyKind;
import io.streamwire.mpegts.TsLimits;
import io.streamwire.mpegts.TsPacket;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Reassembles the sections carried on one PID: ISO/IEC 13818-1:2019 §2.4.4 (pointer_field §2.4.4.2,
 * section syntax §2.4.4.3, CRC_32 Annex A).
 *
 * <p>Handles sections spanning packets, several sections in one packet, a section completed by the
 * bytes before the pointer_field target, and 0xFF stuffing after the last section. A section that
 * lies whole inside one packet is handed out in place (no copy); one spanning packets is copied into
 * a buffer that grows with the bytes that arrive, up to 3 + {@code maxSectionLength} bytes. CRC_32 is
 * checked for sections with section_syntax_indicator 1 and for SCTE-35 (table_id 0xFC): a mismatch is
 * reported as {@link TsAnomalyKind#CRC_MISMATCH} and the section dropped ({@link CrcMode#STRICT}),
 * delivered anyway ({@link CrcMode#LENIENT}) or not checked at all ({@link CrcMode#OFF}). pointer_field or
 * section_length past {@link TsLimits#maxSectionLength()} are {@link TsAnomalyKind#MALFORMED_SECTION}:
 * the rest of the packet is dropped and assembly restarts at the next payload_unit_start_indicator.
 * Anomalies are {@link Anomaly}s whose detail starts with the PID ({@code "pid 0x0100: ..."}).
 *
 * <p>It is fed packets, not a byte stream, so it is not a {@link io.streamwire.core.StreamDecoder}:
 * it never throws for bad input, and {@link #reset()} drops a partial section. Exceptions thrown by
 * the listener propagate unchanged.
 *
 * <p>Not thread-safe, keep it on one connection or event loop.
 *
 * <pre>{@code
 * SectionAssembler sections = new SectionAssembler((pid, section, offset) -> tables.add(Pat.parse(section)),
 *         Pat.PID, TsLimits.defaults(), SectionAssembler.CrcMode.STRICT);
 * sections.feed(packet); // for each packet on the PID
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SectionAssembler {
    private static final String SPEC = "ISO/IEC 13818-1 §2.4.4.2";
    /** First capacity of the buffer of a section spanning packets: a packet's payload and some. */
    private static final int INITIAL_PENDING = 256;

    /** What to do about CRC_32. */
    public enum CrcMode {
        /** Verify; drop a mismatching section and report it. */
        STRICT,
        /** Verify and report a mismatch, but deliver the section. */
        LENIENT,
        /** Do not verify (fuzzing, captures with known-bad CRCs). */
        OFF
    }

    /** Receives complete sections and anomalies. */
    @FunctionalInterface
    public interface Listener extends DecoderListener<TsAnomalyKind> {
        /**
         * A complete section from table_id to CRC_32 inclusive, between position and limit; valid until
         * this returns.
         *
         * @param pid the PID
         * @param section the section bytes
         * @param offset stream offset of table_id (for a section spanning packets, an approximation:
         *     the offset of its first byte in the first packet)
         */
        void onSection(int pid, ByteBuffer section, long offset);
    }

    private final int pid;
    private final int maxSectionLength;
    private final CrcMode crcMode;
    private final Listener listener;
    private byte[] pending;
    private ByteBuffer pendingView;
    private int have;
    /** Total bytes of the pending section, or -1 while its 3-byte header is incomplete; 0 when idle. */
    private int total;
    private long pendingOffset;
    private ByteBuffer viewSource;
    private ByteBuffer view;

    /**
     * @param listener receives sections and anomalies
     * @param pid the PID (0..8191), passed to the listener and named in anomalies
     * @param limits {@link TsLimits#maxSectionLength()} is the largest section_length accepted
     * @param crcMode CRC_32 handling
     */
    public SectionAssembler(Listener listener, int pid, TsLimits limits, CrcMode crcMode) {
        if (pid >>> 13 != 0) {
            throw new IllegalArgumentException("pid " + pid + " out of range (expected: 0..8191)");
        }
        this.listener = Objects.requireNonNull(listener, "listener");
        this.pid = pid;
        this.maxSectionLength = limits.maxSectionLength();
        this.crcMode = Objects.requireNonNull(crcMode, "crcMode");
    }

    /** An assembler with the default limits and {@link CrcMode#STRICT}. */
    public SectionAssembler(Listener listener, int pid) {
        this(listener, pid, TsLimits.defaults(), CrcMode.STRICT);
    }

    /** Feeds the payload of a packet of this PID. */
    public void feed(TsPacket packet) {
        feed(packet.buffer(), packet.payloadIndex(), packet.payloadLength(), packet.payloadUnitStartIndicator(),
                packet.offset() + (packet.payloadIndex() - packet.index()));
    }

    /**
     * Feeds a packet payload.
     *
     * @param buf the bytes (position and limit ignored, not changed)
     * @param index absolute index of the payload
     * @param length payload bytes
     * @param pusi payload_unit_start_indicator (a pointer_field comes first)
     * @param offset stream offset of the payload
     */
    public void feed(ByteBuffer buf, int index, int length, boolean pusi, long offset) {
        int p = index;
        int end = index + length;
        if (pusi) {
            if (length < 1) {
                malformed("pointer_field", "missing", offset);
                return;
            }
            int pointer = buf.get(p) & 0xFF;
            p++;
            if (p + pointer > end) {
                malformed("pointer_field", pointer + " is past the packet (" + (end - p) + " bytes)", offset);
                return;
            }
            if (total != 0) {
                append(buf, p, pointer, offset + 1);
                if (total != 0) {
                    // the section did not end where the pointer says: drop it
                    malformed("section_length", "pending section not complete at pointer_field target", offset);
                }
            }
            p += pointer;
            parseSections(buf, p, end, offset + (p - index));
        } else if (total != 0) {
            append(buf, p, length, offset);
            // what follows a section completed in a packet without PUSI can only be stuffing: a new
            // section would have needed a pointer_field (§2.4.4.2)
        }
    }

    /** Drops a partially assembled section (after a continuity gap). */
    public void reset() {
        total = 0;
        have = 0;
    }

    private void parseSections(ByteBuffer buf, int p, int end, long offset) {
        long base = offset - p;
        while (p < end) {
            if ((buf.get(p) & 0xFF) == 0xFF) {
                return; // stuffing to the end of the packet
            }
            if (end - p < 3) {
                startPending(base + p);
                total = -1;
                append(buf, p, end - p, base + p);
                return;
            }
            int length = BigEndian.getShort(buf, p + 1) & 0x0FFF;
            if (length > maxSectionLength) {
                malformed("section_length", length + " exceeds the limit " + maxSectionLength
                        + " (see TsLimits.maxSectionLength())", base + p + 1);
                return;
            }
            int size = 3 + length;
            if (p + size <= end) {
                deliver(buf, p, size, base + p);
                p += size;
            } else {
                startPending(base + p);
                total = size;
                append(buf, p, end - p, base + p);
                return;
            }
        }
    }

    private void startPending(long offset) {
        if (pending == null) {
            pending = new byte[INITIAL_PENDING];
            pendingView = ByteBuffer.wrap(pending);
        }
        have = 0;
        pendingOffset = offset;
    }

    /**
     * Makes room for {@code k} more bytes of the pending section: the buffer grows with the bytes that
     * arrive (doubling, at most to the section's declared size), never to section_length up front.
     */
    private void reserve(int k) {
        int need = have + k;
        if (need > pending.length) {
            int size = Math.max(need, Math.min(total > 0 ? total : 3 + maxSectionLength, 2 * pending.length));
            pending = java.util.Arrays.copyOf(pending, size);
            pendingView = ByteBuffer.wrap(pending);
        }
    }

    /** Appends up to {@code n} bytes to the pending section; returns the bytes used. */
    private int append(ByteBuffer buf, int p, int n, long offset) {
        int used = 0;
        if (total == -1) {
            int k = Math.min(3 - have, n);
            buf.get(p, pending, have, k);
            have += k;
            used += k;
            if (have < 3) {
                return used;
            }
            int length = ((pending[1] & 0x0F) << 8) | (pending[2] & 0xFF);
            if (length > maxSectionLength) {
                malformed("section_length", length + " exceeds the limit " + maxSectionLength
                        + " (see TsLimits.maxSectionLength())", pendingOffset + 1);
                return n;
            }
            total = 3 + length;
        }
        int k = Math.min(total - have, n - used);
        reserve(k);
        buf.get(p + used, pending, have, k);
        have += k;
        used += k;
        if (have == total) {
            int size = total;
            total = 0;
            have = 0;
            deliver(pendingView, 0, size, pendingOffset);
        }
        return used;
    }

    private void deliver(ByteBuffer buf, int at, int size, long offset) {
        int tableId = buf.get(at) & 0xFF;
        boolean syntax = (buf.get(at + 1) & 0x80) != 0;
        if (crcMode != CrcMode.OFF && (syntax || tableId == SpliceInfoSection.TABLE_ID)) {
            if (size < 7 || Crc32Mpeg2.compute(buf, at, size) != 0) {
                listener.onAnomaly(new Anomaly<>(TsAnomalyKind.CRC_MISMATCH, offset,
                        String.format("pid 0x%04X: CRC_32 mismatch in a section with table_id 0x%02X", pid, tableId)));
                if (crcMode == CrcMode.STRICT) {
                    return;
                }
            }
        }
        if (buf != viewSource) {
            viewSource = buf;
            view = buf.duplicate();
        }
        view.clear().limit(at + size).position(at);
        listener.onSection(pid, view, offset);
    }

    private void malformed(String field, String problem, long offset) {
        total = 0;
        have = 0;
        listener.onAnomaly(new Anomaly<>(TsAnomalyKind.MALFORMED_SECTION, offset,
                String.format("pid 0x%04X: %s %s; %s", pid, field, problem, SPEC)));
    }
}
