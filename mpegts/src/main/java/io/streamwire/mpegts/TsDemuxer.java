package io.streamwire.mpegts;

import io.streamwire.core.Anomaly;
import io.streamwire.core.DecoderListener;
import io.streamwire.core.Interest;
import io.streamwire.core.StreamDecoder;
import io.streamwire.core.StreamwireException;
import io.streamwire.core.internal.BigEndian;
import io.streamwire.core.internal.DecoderState;
import io.streamwire.mpegts.pes.PesHeader;
import io.streamwire.mpegts.psi.Cat;
import io.streamwire.mpegts.psi.Pat;
import io.streamwire.mpegts.psi.Pmt;
import io.streamwire.mpegts.psi.SectionAssembler;
import io.streamwire.mpegts.psi.SpliceInfoSection;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A resilient transport stream demuxer: framing ({@link TsFramer}), PAT → PMT → elementary streams,
 * PES payloads in place or reassembled with unwrapped PTS/DTS, PCR, SCTE-35: ISO/IEC 13818-1:2019
 * §2.4.3 (packets, PES), §2.4.4 (PSI), ANSI/SCTE 35.
 *
 * <p>Push model, with the lifecycle of {@link StreamDecoder}: {@link #feed} consumes the whole buffer
 * and calls the {@link Listener}; {@link #endOfInput()} ends the PES packets still open;
 * {@link #reset()} forgets every program. For each PES the listener is asked, in
 * {@link Listener#onPesStart}, how it wants the payload ({@link Interest}):
 * <ul>
 *   <li>{@link Interest#FRAGMENTS} (the default) hands out each packet's share in place
 *       ({@link Listener#onPesFragment}, a view valid until the callback returns, nothing copied,
 *       nothing allocated) and then {@link Listener#onPesEnd};</li>
 *   <li>{@link Interest#WHOLE} copies it into a per-stream buffer of at most
 *       {@link TsLimits#maxPesSize()}, grown with the bytes that arrive (never to PES_packet_length
 *       before they do), and calls {@link Listener#onPes}; a PES past the limit is dropped
 *       ({@link TsAnomalyKind#PES_DROPPED}), a bounded one at its header before anything is
 *       copied;</li>
 *   <li>{@link Interest#IGNORE} skips it.</li>
 * </ul>
 * A null answer is taken as {@link Interest#FRAGMENTS}. A bounded PES ends after PES_packet_length
 * bytes, an unbounded one (PES_packet_length 0, video) at the next payload_unit_start_indicator on
 * its PID or at {@link #endOfInput()}. The events do not depend on how the input is split into feeds.
 *
 * <p>Programs: the PAT is followed to each PMT; streams are created, changed and dropped as PMT
 * versions change; packets on a PID are ignored until a PMT announces it (a PMT arriving after the
 * first media packets simply starts the stream at its next PES). When a PMT or PAT update drops or
 * redefines a stream, the PES in progress on it can receive no more data: an unbounded one ends
 * complete, as at {@link #endOfInput()}, a bounded one cut short is reported
 * ({@link TsAnomalyKind#PES_DROPPED}). Continuity is checked on every PID
 * but the null PID, announced or not: one duplicate packet is dropped silently (§2.4.3.3); a gap is
 * reported ({@link TsAnomalyKind#CONTINUITY_GAP}) and the PES or section in progress dropped
 * ({@link TsAnomalyKind#PES_DROPPED}); discontinuity_indicator suspends the check and restarts the
 * timestamp unwrapping on that PID.
 *
 * <p>Errors: the demuxer never throws for bad input. A transport stream is meant to be received
 * through errors (a broadcast, UDP, a capture that starts anywhere), so everything in the input is
 * recoverable: each problem goes to {@link Listener#onAnomaly} as an
 * {@link io.streamwire.core.Anomaly}{@code <}{@link TsAnomalyKind}{@code >} (detail
 * {@code "pid 0x0100: ..."}) and demuxing goes on at the next packet, PES or section. A malformed PES
 * header is {@link TsAnomalyKind#MALFORMED_PES} (the message of {@link PesHeader}'s check; the PES is
 * skipped), a table that does not parse {@link TsAnomalyKind#MALFORMED_TABLE}, a limit hit an
 * anomaly whose detail names the {@link TsLimits} setting. Only an exception thrown by the listener
 * comes out of {@code feed}/{@code endOfInput} (unchanged); it fails the demuxer, and later calls but
 * {@link #reset()} and the accessors throw {@link IllegalStateException} naming it. A caller that
 * wants to stop at the first problem throws from {@code onAnomaly}.
 *
 * <p>Not thread-safe, keep it on one connection or event loop.
 *
 * <pre>{@code
 * TsDemuxer demuxer = new TsDemuxer(new TsDemuxer.Listener() {
 *     public Interest onPesStart(TsStream stream) { return Interest.WHOLE; }
 *     public void onPes(TsStream stream, ByteBuffer payload) { ... stream.pts() ... }
 * });
 * demuxer.feed(bytes);
 * demuxer.endOfInput();
 * }</pre>
 *
 * @implNote To hand out fragments without allocating, the demuxer keeps one view of the last buffer
 *     fed between calls (never read outside {@code feed}); feeding the same buffer object again
 *     reuses it. {@link #reset()} and {@link #endOfInput()} drop it.
 * @since 0.1.0
 */
public final class TsDemuxer implements StreamDecoder {

    /** Receives the demuxed content. Every method has an empty default. */
    public interface Listener extends DecoderListener<TsAnomalyKind> {
        /** A new or changed PAT. */
        default void onPat(Pat pat) {}

        /** A new or changed PMT; its streams are set up before this is called. */
        default void onPmt(Pmt pmt) {}

        /** A new or changed CAT. */
        default void onCat(Cat cat) {}

        /**
         * A PES starts; the stream's current-PES accessors are set. Returns how the payload is
         * wanted (null is taken as {@link Interest#FRAGMENTS}).
         */
        default Interest onPesStart(TsStream stream) {
            return Interest.FRAGMENTS;
        }

        /** Part of the PES payload (between position and limit), valid until this returns. */
        default void onPesFragment(TsStream stream, ByteBuffer fragment) {}

        /** The fragments of the PES are over; {@code complete} is false when it was cut short. */
        default void onPesEnd(TsStream stream, boolean complete) {}

        /** A reassembled PES payload (between position and limit), valid until this returns. */
        default void onPes(TsStream stream, ByteBuffer payload) {}

        /** A SCTE-35 splice_info_section on a stream of type 0x86. */
        default void onSplice(TsStream stream, SpliceInfoSection section) {}

        /** Any section on a SCTE-35 or private-section stream (raw, valid until this returns). */
        default void onSection(TsStream stream, ByteBuffer section) {}

        /** A PCR in 27 MHz units, unwrapped onto a 64-bit timeline; {@code offset} is its packet's. */
        default void onPcr(int pid, long pcr27MHz, long offset) {}
    }

    private static final int KIND_PAT = 1;
    private static final int KIND_CAT = 2;
    private static final int KIND_PMT = 3;
    private static final int KIND_ES = 4;
    private static final int KIND_SECTIONS = 5;
    private static final int KIND_PCR = 6;
    /** First capacity of a stream's reassembly buffer (Interest.WHOLE); it doubles as bytes arrive. */
    private static final int INITIAL_ASSEMBLY = 4096;

    private final TsLimits limits;
    private final SectionAssembler.CrcMode crcMode;
    private final Listener listener;
    private final TsFramer framer;
    private final DecoderState lifecycle = new DecoderState("TsDemuxer");
    private final byte[] kind = new byte[8192];
    private final byte[] lastCc = new byte[8192];
    private final boolean[] duplicateSeen = new boolean[8192];
    private final boolean[] scrambledReported = new boolean[8192];
    private final TsStream[] streams = new TsStream[8192];
    private final SectionAssembler[] assemblers = new SectionAssembler[8192];
    private final TimestampUnwrapper[] pcrClocks = new TimestampUnwrapper[8192];
    private final int[][] lastCrc = new int[8192][];
    private final Map<Integer, Pmt> pmts = new HashMap<>();
    private final Map<Integer, Integer> programPmtPid = new HashMap<>();
    private int tracked;
    private int patVersion = -1;
    private ByteBuffer viewSource;
    private ByteBuffer view;

    /** A demuxer with the default limits and strict CRC checking. */
    public TsDemuxer(Listener listener) {
        this(listener, TsLimits.defaults());
    }

    /** A demuxer with strict CRC checking ({@link SectionAssembler.CrcMode#STRICT}). */
    public TsDemuxer(Listener listener, TsLimits limits) {
        this(listener, limits, SectionAssembler.CrcMode.STRICT);
    }

    /**
     * @param listener receives everything
     * @param limits the limits
     * @param crcMode CRC_32 handling for all sections
     */
    public TsDemuxer(Listener listener, TsLimits limits, SectionAssembler.CrcMode crcMode) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.crcMode = Objects.requireNonNull(crcMode, "crcMode");
        this.framer = new TsFramer(new TsFramer.Listener() {
            @Override
            public void onPacket(TsPacket packet) {
                TsDemuxer.this.onPacket(packet);
            }

            @Override
            public void onAnomaly(Anomaly<TsAnomalyKind> anomaly) {
                listener.onAnomaly(anomaly);
            }
        });
        reset();
    }

    /**
     * Consumes all of {@code in} (its position moves to its limit) and calls the listener for what
     * it completes; bytes of an incomplete packet wait for the next feed.
     *
     * @throws IllegalStateException after {@link #endOfInput()} or a failure (naming it)
     * @throws RuntimeException whatever the listener throws, unchanged (the demuxer is failed afterwards)
     */
    @Override
    public void feed(ByteBuffer in) {
        lifecycle.checkFeed();
        try {
            framer.feed(in);
        } catch (Throwable t) {
            lifecycle.fail(t);
            throw t;
        }
    }

    /**
     * Demuxes one packet framed by the caller (e.g. from its own 192-byte framing); offsets in events
     * are the packet's {@link TsPacket#offset()}. It does not move {@link #position()}, which counts
     * the bytes given to {@link #feed}. Same lifecycle as {@code feed}.
     *
     * @throws IllegalStateException after {@link #endOfInput()} or a failure (naming it)
     */
    public void feedPacket(TsPacket packet) {
        lifecycle.checkFeed();
        try {
            onPacket(packet);
        } catch (Throwable t) {
            lifecycle.fail(t);
            throw t;
        }
    }

    /**
     * Declares the input complete: a partial last packet is reported
     * ({@link TsAnomalyKind#TRUNCATED_PACKET}), unbounded PES packets end complete, bounded ones cut
     * short are reported ({@link TsAnomalyKind#PES_DROPPED}). Never throws for bad input; a second
     * call does nothing.
     *
     * @throws IllegalStateException after a failure (naming it)
     * @throws RuntimeException whatever the listener throws, unchanged (the demuxer is failed afterwards)
     */
    @Override
    public void endOfInput() {
        if (!lifecycle.beginEnd()) {
            return;
        }
        try {
            framer.endOfInput();
            for (TsStream s : streams) {
                if (s != null && s.pesState != 0) {
                    endPes(s, s.pesState == 2 && s.remaining < 0, "input ended");
                }
            }
            viewSource = null;
            view = null;
        } catch (Throwable t) {
            lifecycle.fail(t);
            throw t;
        }
    }

    /** Forgets all programs, streams and state, failure included; position 0 (same listener and limits). */
    @Override
    public void reset() {
        lifecycle.reset();
        framer.reset();
        java.util.Arrays.fill(kind, (byte) 0);
        java.util.Arrays.fill(lastCc, (byte) -1);
        java.util.Arrays.fill(duplicateSeen, false);
        java.util.Arrays.fill(scrambledReported, false);
        java.util.Arrays.fill(streams, null);
        java.util.Arrays.fill(assemblers, null);
        java.util.Arrays.fill(pcrClocks, null);
        java.util.Arrays.fill(lastCrc, null);
        pmts.clear();
        programPmtPid.clear();
        tracked = 0;
        patVersion = -1;
        viewSource = null;
        view = null;
        track(Pat.PID, KIND_PAT, null);
        track(Cat.PID, KIND_CAT, null);
    }

    /** Bytes given to {@link #feed} since construction or {@link #reset()}. */
    @Override
    public long position() {
        return framer.position();
    }

    /** Packets framed from the bytes fed so far (not counting {@link #feedPacket}); answers in every state. */
    public long packetCount() {
        return framer.packetCount();
    }

    /** The detected packet size (188, 192, 204) or 0; answers in every state. */
    public int packetSize() {
        return framer.packetSize();
    }

    /** The stream on {@code pid}, or null. */
    public TsStream stream(int pid) {
        return streams[pid];
    }

    /** The current PMT of each program. */
    public Map<Integer, Pmt> programs() {
        return Map.copyOf(pmts);
    }

    private boolean track(int pid, int k, TsStream stream) {
        if (kind[pid] == 0) {
            if (tracked >= limits.maxPids()) {
                anomaly(TsAnomalyKind.PID_LIMIT, pid, framer.position(),
                        "not tracked: more than " + limits.maxPids() + " PIDs (see TsLimits.maxPids())");
                return false;
            }
            tracked++;
        }
        kind[pid] = (byte) k;
        streams[pid] = stream;
        lastCc[pid] = -1;
        duplicateSeen[pid] = false;
        lastCrc[pid] = null;
        if (k == KIND_PAT || k == KIND_CAT || k == KIND_PMT || k == KIND_SECTIONS) {
            assemblers[pid] = new SectionAssembler(sectionListener, pid, limits, crcMode);
        } else {
            assemblers[pid] = null;
        }
        return true;
    }

    private void untrack(int pid, String why) {
        if (kind[pid] != 0) {
            TsStream s = streams[pid];
            if (s != null && s.pesState != 0) {
                // no more data can come for it: an unbounded PES is complete, as at endOfInput()
                endPes(s, s.pesState == 2 && s.remaining < 0, why);
            }
            kind[pid] = 0;
            streams[pid] = null;
            assemblers[pid] = null;
            pcrClocks[pid] = null;
            tracked--;
        }
    }

    private void onPacket(TsPacket p) {
        int pid = p.pid();
        int k = kind[pid];
        if (k == 0 && pid == TsPacket.NULL_PID) {
            return;
        }
        if (p.transportErrorIndicator()) {
            anomaly(TsAnomalyKind.TRANSPORT_ERROR, pid, p.offset(), "transport_error_indicator set");
            return;
        }
        boolean discontinuity = p.discontinuityIndicator();
        if (p.hasPcr() && k != 0) {
            TimestampUnwrapper c = pcrClocks[pid];
            if (c == null) {
                c = pcrClocks[pid] = new TimestampUnwrapper();
            }
            if (discontinuity) {
                c.discontinuity();
            }
            listener.onPcr(pid, c.unwrap(p.pcrBase()) * 300 + p.pcrExtension(), p.offset());
        }
        if (!p.hasPayload()) {
            return;
        }
        int cc = p.continuityCounter();
        int last = lastCc[pid];
        if (last >= 0 && !discontinuity) {
            if (cc == last) {
                if (!duplicateSeen[pid]) {
                    duplicateSeen[pid] = true;
                    return;
                }
                anomaly(TsAnomalyKind.DUPLICATE_PACKET, pid, p.offset(), "continuity_counter " + cc + " repeated more than once");
                return;
            }
            if (cc != ((last + 1) & 15)) {
                anomaly(TsAnomalyKind.CONTINUITY_GAP, pid, p.offset(), "continuity_counter " + cc + ", expected " + ((last + 1) & 15));
                gap(pid);
            }
        }
        duplicateSeen[pid] = false;
        lastCc[pid] = (byte) cc;
        if (k == 0) {
            return; // continuity is checked on every PID; only announced ones are demuxed
        }
        if (p.transportScramblingControl() != 0) {
            if (!scrambledReported[pid]) {
                scrambledReported[pid] = true;
                anomaly(TsAnomalyKind.SCRAMBLED, pid, p.offset(), "transport_scrambling_control "
                        + p.transportScramblingControl() + ": scrambled payload is not parsed");
            }
            return;
        }
        if (k == KIND_ES) {
            TsStream s = streams[pid];
            if (discontinuity) {
                s.clock.discontinuity();
            }
            pes(s, p);
        } else if (k != KIND_PCR) {
            assemblers[pid].feed(p);
        }
    }

    private void gap(int pid) {
        TsStream s = streams[pid];
        if (s != null && s.pesState != 0) {
            endPes(s, false, "continuity gap");
        }
        SectionAssembler a = assemblers[pid];
        if (a != null) {
            a.reset();
        }
    }

    // ---------------------------------------------------------------- PES

    private void pes(TsStream s, TsPacket p) {
        ByteBuffer buf = p.buffer();
        int i = p.payloadIndex();
        int n = p.payloadLength();
        if (p.payloadUnitStartIndicator()) {
            if (s.pesState != 0) {
                endPes(s, s.pesState == 2 && s.remaining < 0, "next payload_unit_start_indicator came first");
            }
            s.pesOffset = p.offset();
            s.headerOffset = p.offset() + (i - p.index());
            s.randomAccess = p.randomAccessIndicator();
            s.pesState = 1;
            s.headerHave = 0;
            s.headerNeed = PesHeader.PREFIX_LENGTH;
            int length;
            try {
                length = PesHeader.peekLength(buf, i, n, s.headerOffset);
            } catch (StreamwireException e) {
                malformedPes(s, e);
                return;
            }
            if (length >= 0 && length <= n) {
                // the usual case: the whole header in this packet, read in place
                if (!startPes(s, buf, i, length, s.headerOffset)) {
                    return;
                }
                i += length;
                n -= length;
            }
        } else if (s.pesState == 0) {
            return;
        }
        if (s.pesState == 1) {
            gatherHeader(s, buf, i, n);
            return;
        }
        if (s.pesState == 2 && n > 0) {
            payload(s, buf, i, n);
        }
    }

    /** Copies the bytes of a PES header that spans packets (at most 9 + 255) until it is complete. */
    private void gatherHeader(TsStream s, ByteBuffer buf, int i, int n) {
        if (s.header == null) {
            s.header = ByteBuffer.allocate(9 + 255);
        }
        ByteBuffer h = s.header;
        while (n > 0 && s.pesState == 1) {
            int k = Math.min(s.headerNeed - s.headerHave, n);
            h.put(s.headerHave, buf, i, k);
            s.headerHave += k;
            i += k;
            n -= k;
            if (s.headerHave == s.headerNeed) {
                int length;
                try {
                    length = PesHeader.peekLength(h, 0, s.headerHave, s.headerOffset);
                } catch (StreamwireException e) {
                    malformedPes(s, e);
                    return;
                }
                if (length < 0) {
                    s.headerNeed = 9; // stream_id has the optional header: PES_header_data_length is byte 8
                    continue;
                }
                if (length > s.headerHave) {
                    s.headerNeed = length;
                    continue;
                }
                // the header's bytes came from several packets: offsets inside it are unknown (-1)
                if (!startPes(s, h, 0, length, -1)) {
                    return;
                }
            }
        }
        if (s.pesState == 2 && n > 0) {
            payload(s, buf, i, n);
        }
    }

    private void malformedPes(TsStream s, StreamwireException e) {
        s.pesState = 0;
        anomaly(TsAnomalyKind.MALFORMED_PES, s.pid, s.pesOffset, e.getMessage());
    }

    /**
     * Checks the complete PES header of {@code length} bytes at {@code b[at]} with {@link PesHeader}
     * (its one parser) and starts the PES; false when it was malformed (reported).
     */
    private boolean startPes(TsStream s, ByteBuffer b, int at, int length, long offset) {
        try {
            PesHeader.requireWellFormed(b, at, length, offset);
        } catch (StreamwireException e) {
            malformedPes(s, e);
            return false;
        }
        int packetLength = PesHeader.getPesPacketLength(b, at);
        long pts = PesHeader.getPts(b, at);
        long dts = PesHeader.getDts(b, at);
        s.streamId = PesHeader.getStreamId(b, at);
        s.pesPacketLength = packetLength;
        s.rawPts = pts;
        s.rawDts = dts;
        if (dts >= 0) {
            s.dts = s.clock.unwrap(dts);
            s.pts = s.clock.peek(pts);
        } else if (pts >= 0) {
            s.pts = s.dts = s.clock.unwrap(pts);
        } else {
            s.pts = s.dts = TsStream.NO_TIMESTAMP;
        }
        s.remaining = packetLength == 0 ? -1 : packetLength - (length - PesHeader.PREFIX_LENGTH);
        s.delivered = 0;
        s.assembled = 0;
        s.pesState = 2;
        Interest interest = listener.onPesStart(s);
        s.interest = interest == null ? Interest.FRAGMENTS : interest;
        if (s.interest == Interest.WHOLE) {
            int max = limits.maxPesSize();
            if (s.remaining > max) {
                dropForLimit(s, s.remaining);
                return false;
            }
            // the buffer grows with the bytes that arrive (payload), never to PES_packet_length up front
            if (s.assembly == null) {
                s.assembly = new byte[Math.min(max, INITIAL_ASSEMBLY)];
                s.assemblyView = ByteBuffer.wrap(s.assembly);
            }
        }
        if (s.remaining == 0) {
            endPes(s, true, null);
        }
        return true;
    }

    private void dropForLimit(TsStream s, long size) {
        s.pesState = 0;
        anomaly(TsAnomalyKind.PES_DROPPED, s.pid, s.pesOffset, "PES of " + size
                + " bytes exceeds the limit " + limits.maxPesSize() + " (see TsLimits.maxPesSize())");
    }

    private void payload(TsStream s, ByteBuffer buf, int i, int n) {
        if (s.remaining >= 0 && n > s.remaining) {
            n = (int) s.remaining;
        }
        switch (s.interest) {
            case FRAGMENTS -> {
                ByteBuffer v = view(buf);
                v.limit(i + n).position(i);
                listener.onPesFragment(s, v);
            }
            case WHOLE -> {
                long size = (long) s.assembled + n;
                if (size > limits.maxPesSize()) {
                    dropForLimit(s, size);
                    return;
                }
                if (size > s.assembly.length) {
                    // double what arrived so far, capped by the limit and by a bounded PES's declared end
                    long cap = s.remaining >= 0 ? Math.min(limits.maxPesSize(), s.assembled + s.remaining) : limits.maxPesSize();
                    byte[] grown = new byte[(int) Math.max(size, Math.min(cap, 2L * s.assembly.length))];
                    System.arraycopy(s.assembly, 0, grown, 0, s.assembled);
                    s.assembly = grown;
                    s.assemblyView = ByteBuffer.wrap(grown);
                }
                buf.get(i, s.assembly, s.assembled, n);
                s.assembled += n;
            }
            case IGNORE -> { }
            default -> throw new IllegalStateException(s.interest.name());
        }
        s.delivered += n;
        if (s.remaining >= 0) {
            s.remaining -= n;
            if (s.remaining == 0) {
                endPes(s, true, null);
            }
        }
    }

    private ByteBuffer view(ByteBuffer buf) {
        if (buf != viewSource) {
            viewSource = buf;
            view = buf.duplicate();
        }
        view.clear();
        return view;
    }

    private void endPes(TsStream s, boolean complete, String why) {
        int state = s.pesState;
        s.pesState = 0;
        if (state == 1) {
            anomaly(TsAnomalyKind.MALFORMED_PES, s.pid, s.pesOffset, "PES header cut short after " + s.headerHave
                    + " bytes: " + why);
            return;
        }
        if (!complete) {
            anomaly(TsAnomalyKind.PES_DROPPED, s.pid, s.pesOffset, "PES cut short after " + s.delivered + " bytes: " + why);
        }
        switch (s.interest) {
            case FRAGMENTS -> listener.onPesEnd(s, complete);
            case WHOLE -> {
                if (complete) {
                    ByteBuffer v = s.assemblyView;
                    v.clear().limit(s.assembled);
                    listener.onPes(s, v);
                }
            }
            default -> { }
        }
    }

    // ---------------------------------------------------------------- PSI

    private final SectionAssembler.Listener sectionListener = new SectionAssembler.Listener() {
        @Override
        public void onSection(int pid, ByteBuffer section, long offset) {
            TsDemuxer.this.onSection(pid, section, offset);
        }

        @Override
        public void onAnomaly(Anomaly<TsAnomalyKind> anomaly) {
            listener.onAnomaly(anomaly);
        }
    };

    /** True when this section repeats the last one seen with its section_number on this PID. */
    private boolean repeated(int pid, ByteBuffer section) {
        int at = section.position();
        int size = section.remaining();
        if (size < 8) {
            return false;
        }
        int number = section.get(at + 6) & 0xFF;
        int crc = BigEndian.getInt(section, at + size - 4);
        int[] seen = lastCrc[pid];
        if (seen == null) {
            seen = lastCrc[pid] = new int[257];
            java.util.Arrays.fill(seen, 0);
        }
        if (seen[256] != 0 && seen[number] == crc && crc != 0) {
            return true;
        }
        seen[number] = crc;
        seen[256] = 1;
        return false;
    }

    private void onSection(int pid, ByteBuffer section, long offset) {
        int k = kind[pid];
        int at = section.position();
        int end = section.limit();
        int tableId = section.get(at) & 0xFF;
        if (k == KIND_SECTIONS) {
            TsStream s = streams[pid];
            listener.onSection(s, section);
            if (tableId == SpliceInfoSection.TABLE_ID) {
                SpliceInfoSection splice;
                try {
                    splice = SpliceInfoSection.parse(section.limit(end).position(at).duplicate());
                } catch (StreamwireException e) {
                    tableAnomaly(pid, offset, e);
                    return;
                }
                listener.onSplice(s, splice);
            }
            return;
        }
        boolean syntax = (section.get(at + 1) & 0x80) != 0;
        if (!syntax || section.remaining() < 12 || (section.get(at + 5) & 1) == 0) {
            return; // not a long-form section, or not yet applicable (current_next_indicator 0)
        }
        if (repeated(pid, section)) {
            return;
        }
        // parse first, then act: an exception from the listener must not be taken for a bad table
        Object table;
        try {
            if (k == KIND_PAT && tableId == Pat.TABLE_ID) {
                table = Pat.parse(section.duplicate());
            } else if (k == KIND_CAT && tableId == Cat.TABLE_ID) {
                table = Cat.parse(section.duplicate());
            } else if (k == KIND_PMT && tableId == Pmt.TABLE_ID) {
                table = Pmt.parse(section.duplicate());
            } else {
                return;
            }
        } catch (StreamwireException e) {
            lastCrc[pid] = null;
            tableAnomaly(pid, offset, e);
            return;
        }
        if (table instanceof Pat pat) {
            onPat(pat);
        } else if (table instanceof Cat cat) {
            listener.onCat(cat);
        } else {
            onPmt(pid, (Pmt) table);
        }
    }

    private void tableAnomaly(int pid, long offset, StreamwireException e) {
        anomaly(TsAnomalyKind.MALFORMED_TABLE, pid, offset + Math.max(0, e.offset()), e.getMessage());
    }

    private void anomaly(TsAnomalyKind kind, int pid, long offset, String detail) {
        listener.onAnomaly(new Anomaly<>(kind, offset, String.format("pid 0x%04X: %s", pid, detail)));
    }

    private void onPat(Pat pat) {
        if (pat.programs().size() > limits.maxPrograms()) {
            anomaly(TsAnomalyKind.MALFORMED_TABLE, Pat.PID, framer.position(), "PAT lists " + pat.programs().size()
                    + " programs, more than " + limits.maxPrograms() + " (see TsLimits.maxPrograms())");
            return;
        }
        if (pat.versionNumber() != patVersion) {
            // a new PAT version replaces the program list: drop the programs it no longer lists
            for (Map.Entry<Integer, Integer> e : new HashMap<>(programPmtPid).entrySet()) {
                if (pat.pmtPid(e.getKey()) != e.getValue()) {
                    removeProgram(e.getKey());
                }
            }
            patVersion = pat.versionNumber();
        }
        for (Pat.Program program : pat.programs()) {
            if (program.programNumber() == 0) {
                continue;
            }
            Integer known = programPmtPid.get(program.programNumber());
            if (known == null || known != program.pid()) {
                int pid = program.pid();
                if (kind[pid] == KIND_PMT || (kind[pid] == 0 && track(pid, KIND_PMT, null))) {
                    programPmtPid.put(program.programNumber(), pid);
                }
            }
        }
        listener.onPat(pat);
    }

    private void removeProgram(int programNumber) {
        Integer pmtPid = programPmtPid.remove(programNumber);
        Pmt old = pmts.remove(programNumber);
        if (old != null) {
            for (Pmt.Stream st : old.streams()) {
                untrack(st.elementaryPid(), "program removed from the PAT");
            }
            if (kind[old.pcrPid()] == KIND_PCR) {
                untrack(old.pcrPid(), "PCR PID no longer announced");
            }
        }
        if (pmtPid != null && !programPmtPid.containsValue(pmtPid)) {
            untrack(pmtPid, "PMT PID no longer announced");
        }
    }

    private void onPmt(int pid, Pmt pmt) {
        Integer expected = programPmtPid.get(pmt.programNumber());
        if (expected == null || expected != pid) {
            return; // a PMT for a program the PAT does not map to this PID
        }
        Pmt old = pmts.put(pmt.programNumber(), pmt);
        if (pmt.equals(old)) {
            return; // the same PMT again (several programs' PMTs alternating on one PID)
        }
        if (old != null) {
            for (Pmt.Stream st : old.streams()) {
                Pmt.Stream now = pmt.stream(st.elementaryPid());
                if (now == null || now.streamType() != st.streamType() || !now.esInfo().equals(st.esInfo())) {
                    untrack(st.elementaryPid(), now == null ? "stream removed from the PMT" : "stream changed by the PMT");
                }
            }
            if (kind[old.pcrPid()] == KIND_PCR && old.pcrPid() != pmt.pcrPid()) {
                untrack(old.pcrPid(), "PCR PID no longer announced");
            }
        }
        for (Pmt.Stream st : pmt.streams()) {
            int esPid = st.elementaryPid();
            if (kind[esPid] == KIND_ES || kind[esPid] == KIND_SECTIONS) {
                continue;
            }
            if (kind[esPid] == KIND_PAT || kind[esPid] == KIND_CAT || kind[esPid] == KIND_PMT) {
                continue; // a stream on a PSI PID: ignore it
            }
            TsStream s = new TsStream(esPid, pmt.programNumber(), st.streamType(), st.esInfo());
            boolean wasPcr = kind[esPid] == KIND_PCR;
            if (wasPcr) {
                kind[esPid] = 0;
                tracked--;
            }
            track(esPid, s.type().isPes() ? KIND_ES : KIND_SECTIONS, s);
        }
        int pcrPid = pmt.pcrPid();
        if (pcrPid != TsPacket.NULL_PID && kind[pcrPid] == 0) {
            track(pcrPid, KIND_PCR, null);
        }
        listener.onPmt(pmt);
    }
}
