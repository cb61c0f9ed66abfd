package io.streamwire.mpegts;

import io.streamwire.mpegts.internal.BigEndian;
import io.streamwire.mpegts.internal.Bits;
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
 * PES reassembly or zero-copy fragments with unwrapped PTS/DTS, PCR, SCTE-35: ISO/IEC 13818-1:2019
 * §2.4.3 (packets, PES), §2.4.4 (PSI), ANSI/SCTE 35.
 *
 * <p>Push model: {@link #feed} consumes the whole buffer and calls the {@link Listener}. For each PES
 * the listener is asked, in {@link Listener#onPesStart}, how it wants the payload:
 * {@link Interest#FRAGMENTS} hands out each packet's share in place ({@link Listener#onPesFragment},
 * a view valid until the callback returns, nothing copied, nothing allocated) and then
 * {@link Listener#onPesEnd}; {@link Interest#REASSEMBLE} copies it into a per-stream buffer of at most
 * {@link TsLimits#maxPesSize()} and calls {@link Listener#onPes}; {@link Interest#IGNORE} skips it.
 * A bounded PES ends after PES_packet_length bytes, an unbounded one (PES_packet_length 0, video) at
 * the next payload_unit_start_indicator on its PID or at {@link #endOfInput()}. The output does not
 * depend on how the input is split into feeds.
 *
 * <p>Programs: the PAT is followed to each PMT; streams are created, changed and dropped as PMT
 * versions change; packets on a PID are ignored until a PMT announces it (a PMT arriving after the
 * first media packets simply starts the stream at its next PES). Continuity is checked on every PID
 * but the null PID, announced or not: one duplicate packet is dropped silently (§2.4.3.3); a gap is reported ({@link Anomaly.Kind#CONTINUITY_GAP}) and the PES
 * or section in progress dropped ({@link Anomaly.Kind#PES_DROPPED}); discontinuity_indicator
 * suspends the check and restarts the timestamp unwrapping on that PID.
 *
 * <p>Errors: everything in the input is recoverable and reported through
 * {@link Listener#onAnomaly}; the demuxer never throws for bad input.
 *
 * <p>Not thread-safe, keep it on one connection or event loop.
 *
 * <pre>{@code
 * TsDemuxer demuxer = new TsDemuxer(new TsDemuxer.Listener() {
 *     public void onPes(TsStream stream, ByteBuffer payload) { ... stream.pts() ... }
 *     public TsDemuxer.Interest onPesStart(TsStream stream) { return TsDemuxer.Interest.REASSEMBLE; }
 * });
 * demuxer.feed(bytes);
 * demuxer.endOfInput();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class TsDemuxer {

    /** How the listener wants a PES payload. */
    public enum Interest {
        /** In-place fragments, one per packet. */
        FRAGMENTS,
        /** One reassembled buffer. */
        REASSEMBLE,
        /** Nothing. */
        IGNORE
    }

    /** Receives the demuxed content. Every method has an empty default. */
    public interface Listener {
        /** A new or changed PAT. */
        default void onPat(Pat pat) {}

        /** A new or changed PMT; its streams are set up before this is called. */
        default void onPmt(Pmt pmt) {}

        /** A new or changed CAT. */
        default void onCat(Cat cat) {}

        /** A PES starts; the stream's current-PES accessors are set. */
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

        /** A PCR in 27 MHz units, unwrapped onto a 64-bit timeline. */
        default void onPcr(int pid, long pcr27MHz, long offset) {}

        /** A recoverable problem. */
        default void onAnomaly(Anomaly anomaly) {}
    }

    private static final int KIND_PAT = 1;
    private static final int KIND_CAT = 2;
    private static final int KIND_PMT = 3;
    private static final int KIND_ES = 4;
    private static final int KIND_SECTIONS = 5;
    private static final int KIND_PCR = 6;

    private final TsLimits limits;
    private final SectionAssembler.CrcMode crcMode;
    private final Listener listener;
    private final TsFramer framer;
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

    /** A demuxer with default limits and strict CRC checking. */
    public TsDemuxer(Listener listener) {
        this(TsLimits.defaults(), SectionAssembler.CrcMode.STRICT, listener);
    }

    /**
     * @param limits the limits
     * @param crcMode CRC_32 handling for all sections
     * @param listener receives everything
     */
    public TsDemuxer(TsLimits limits, SectionAssembler.CrcMode crcMode, Listener listener) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.crcMode = Objects.requireNonNull(crcMode, "crcMode");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.framer = new TsFramer(new TsFramer.Handler() {
            @Override
            public void onPacket(TsPacket packet) {
                TsDemuxer.this.onPacket(packet);
            }

            @Override
            public void onAnomaly(Anomaly anomaly) {
                listener.onAnomaly(anomaly);
            }
        });
        reset();
    }

    /** Consumes all of {@code in}. */
    public void feed(ByteBuffer in) {
        framer.feed(in);
    }

    /** Feeds one packet framed by the caller. */
    public void feedPacket(TsPacket packet) {
        onPacket(packet);
    }

    /** Declares the input complete: ends unbounded PES packets and reports what was cut short. */
    public void endOfInput() {
        framer.endOfInput();
        for (TsStream s : streams) {
            if (s != null && s.pesState != 0) {
                endPes(s, s.pesState == 2 && s.remaining < 0, "input ended");
            }
        }
    }

    /** Forgets all programs and state. */
    public void reset() {
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
        track(Pat.PID, KIND_PAT, null);
        track(Cat.PID, KIND_CAT, null);
    }

    /** Packets seen so far. */
    public long packetCount() {
        return framer.packetCount();
    }

    /** The detected packet size (188, 192, 204) or 0. */
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
                listener.onAnomaly(new Anomaly(Anomaly.Kind.PID_LIMIT, pid, framer.position(), limits.maxPids(),
                        "PID not tracked: more than " + limits.maxPids() + " PIDs (see TsLimits.maxPids())"));
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
            assemblers[pid] = new SectionAssembler(pid, limits.maxSectionLength(), crcMode, sectionHandler);
        } else {
            assemblers[pid] = null;
        }
        return true;
    }

    private void untrack(int pid) {
        if (kind[pid] != 0) {
            TsStream s = streams[pid];
            if (s != null && s.pesState != 0) {
                endPes(s, false, "stream removed from the PMT");
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
            listener.onAnomaly(new Anomaly(Anomaly.Kind.TRANSPORT_ERROR, pid, p.offset(), 0, "transport_error_indicator set"));
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
                listener.onAnomaly(new Anomaly(Anomaly.Kind.DUPLICATE_PACKET, pid, p.offset(), cc,
                        "continuity_counter " + cc + " repeated more than once"));
                return;
            }
            if (cc != ((last + 1) & 15)) {
                listener.onAnomaly(new Anomaly(Anomaly.Kind.CONTINUITY_GAP, pid, p.offset(), (last + 1) & 15,
                        "continuity_counter " + cc + ", expected " + ((last + 1) & 15)));
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
                listener.onAnomaly(new Anomaly(Anomaly.Kind.SCRAMBLED, pid, p.offset(), p.transportScramblingControl(),
                        "scrambled payload is not parsed"));
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
            s.randomAccess = p.randomAccessIndicator();
            s.pesState = 1;
            s.headerHave = 0;
            s.headerNeed = 6;
            if (n >= 9 && buf.get(i + 3) != 0 && (BigEndian.getInt(buf, i) >>> 8) == 1) {
                int len = PesHeader.hasOptionalHeader(buf.get(i + 3) & 0xFF) ? 9 + (buf.get(i + 8) & 0xFF) : 6;
                if (len <= n) {
                    if (!startPes(s, buf, i, len, p.offset() + (i - p.index()))) {
                        return;
                    }
                    i += len;
                    n -= len;
                }
            }
        } else if (s.pesState == 0) {
            return;
        }
        if (s.pesState == 1) {
            if (s.header == null) {
                s.header = new byte[9 + 255];
            }
            while (n > 0 && s.pesState == 1) {
                int k = Math.min(s.headerNeed - s.headerHave, n);
                buf.get(i, s.header, s.headerHave, k);
                s.headerHave += k;
                i += k;
                n -= k;
                if (s.headerHave == s.headerNeed) {
                    ByteBuffer h = ByteBuffer.wrap(s.header);
                    if (s.headerNeed == 6) {
                        if ((BigEndian.getInt(h, 0) >>> 8) != 1) {
                            malformedPes(s, "packet_start_code_prefix is not 0x000001");
                            return;
                        }
                        if (PesHeader.hasOptionalHeader(h.get(3) & 0xFF)) {
                            s.headerNeed = 9;
                            continue;
                        }
                    } else if (s.headerNeed == 9) {
                        s.headerNeed = 9 + (h.get(8) & 0xFF);
                        if (s.headerNeed > 9) {
                            continue;
                        }
                    }
                    if (!startPes(s, h, 0, s.headerNeed, s.pesOffset)) {
                        return;
                    }
                }
            }
        }
        if (s.pesState == 2 && n > 0) {
            payload(s, buf, i, n);
        }
    }

    private void malformedPes(TsStream s, String why) {
        s.pesState = 0;
        listener.onAnomaly(new Anomaly(Anomaly.Kind.MALFORMED_PES, s.pid, s.pesOffset, 0, why + "; ISO/IEC 13818-1 §2.4.3.6"));
    }

    /** Parses a complete PES header of {@code len} bytes; false when it was malformed (reported). */
    private boolean startPes(TsStream s, ByteBuffer b, int at, int len, long offset) {
        if ((BigEndian.getInt(b, at) >>> 8) != 1) {
            malformedPes(s, "packet_start_code_prefix is not 0x000001");
            return false;
        }
        int streamId = b.get(at + 3) & 0xFF;
        int packetLength = BigEndian.getShort(b, at + 4) & 0xFFFF;
        long pts = -1;
        long dts = -1;
        if (len > 6) {
            int hdl = len - 9;
            if ((b.get(at + 6) & 0xC0) != 0x80) {
                malformedPes(s, "the '10' marker bits are missing");
                return false;
            }
            if (packetLength != 0 && 3 + hdl > packetLength) {
                malformedPes(s, "PES_header_data_length " + hdl + " is past PES_packet_length " + packetLength);
                return false;
            }
            int flags = (b.get(at + 7) & 0xC0) >>> 6;
            if (flags == 1 || (flags == 2 && hdl < 5) || (flags == 3 && hdl < 10)) {
                malformedPes(s, "PTS_DTS_flags " + flags + " with PES_header_data_length " + hdl);
                return false;
            }
            if (flags >= 2) {
                pts = Bits.timestamp(b, at + 9);
            }
            if (flags == 3) {
                dts = Bits.timestamp(b, at + 14);
            }
        }
        s.streamId = streamId;
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
        s.remaining = packetLength == 0 ? -1 : packetLength - (len - 6);
        s.delivered = 0;
        s.assembled = 0;
        s.pesState = 2;
        Interest interest = listener.onPesStart(s);
        s.interest = interest == null ? Interest.FRAGMENTS : interest;
        if (s.interest == Interest.REASSEMBLE) {
            int max = limits.maxPesSize();
            if (s.remaining > max) {
                dropForLimit(s, s.remaining);
                return false;
            }
            int want = s.remaining >= 0 ? (int) s.remaining : 64 << 10;
            if (s.assembly == null || s.assembly.length < want) {
                s.assembly = new byte[Math.min(max, Math.max(want, s.assembly == null ? 0 : s.assembly.length * 2))];
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
        listener.onAnomaly(new Anomaly(Anomaly.Kind.PES_DROPPED, s.pid, s.pesOffset, size, "PES of " + size
                + " bytes exceeds the limit " + limits.maxPesSize() + " (see TsLimits.maxPesSize())"));
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
            case REASSEMBLE -> {
                long size = (long) s.assembled + n;
                if (size > limits.maxPesSize()) {
                    dropForLimit(s, size);
                    return;
                }
                if (size > s.assembly.length) {
                    byte[] grown = new byte[(int) Math.min(limits.maxPesSize(), Math.max(size, 2L * s.assembly.length))];
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
            listener.onAnomaly(new Anomaly(Anomaly.Kind.MALFORMED_PES, s.pid, s.pesOffset, s.headerHave,
                    "PES header cut short: " + why));
            return;
        }
        if (!complete) {
            listener.onAnomaly(new Anomaly(Anomaly.Kind.PES_DROPPED, s.pid, s.pesOffset, s.delivered,
                    "PES cut short after " + s.delivered + " bytes: " + why));
        }
        switch (s.interest) {
            case FRAGMENTS -> listener.onPesEnd(s, complete);
            case REASSEMBLE -> {
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

    private final SectionAssembler.Handler sectionHandler = new SectionAssembler.Handler() {
        @Override
        public void onSection(int pid, ByteBuffer section, long offset) {
            TsDemuxer.this.onSection(pid, section, offset);
        }

        @Override
        public void onAnomaly(Anomaly anomaly) {
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
        int tableId = section.get(section.position()) & 0xFF;
        if (k == KIND_SECTIONS) {
            TsStream s = streams[pid];
            listener.onSection(s, section);
            if (tableId == SpliceInfoSection.TABLE_ID) {
                try {
                    listener.onSplice(s, SpliceInfoSection.parse(section.duplicate()));
                } catch (TsException e) {
                    tableAnomaly(pid, offset, e);
                }
            }
            return;
        }
        boolean syntax = (section.get(section.position() + 1) & 0x80) != 0;
        if (!syntax || section.remaining() < 12 || (section.get(section.position() + 5) & 1) == 0) {
            return; // not a long-form section, or not yet applicable (current_next_indicator 0)
        }
        if (repeated(pid, section)) {
            return;
        }
        try {
            if (k == KIND_PAT && tableId == Pat.TABLE_ID) {
                onPat(Pat.parse(section.duplicate()));
            } else if (k == KIND_CAT && tableId == Cat.TABLE_ID) {
                listener.onCat(Cat.parse(section.duplicate()));
            } else if (k == KIND_PMT && tableId == Pmt.TABLE_ID) {
                onPmt(pid, Pmt.parse(section.duplicate()));
            }
        } catch (TsException e) {
            lastCrc[pid] = null;
            tableAnomaly(pid, offset, e);
        }
    }

    private void tableAnomaly(int pid, long offset, TsException e) {
        listener.onAnomaly(new Anomaly(Anomaly.Kind.MALFORMED_TABLE, pid, offset + Math.max(0, e.offset()), 0, e.getMessage()));
    }

    private void onPat(Pat pat) {
        if (pat.programs().size() > limits.maxPrograms()) {
            listener.onAnomaly(new Anomaly(Anomaly.Kind.MALFORMED_TABLE, Pat.PID, framer.position(), pat.programs().size(),
                    "PAT lists more programs than " + limits.maxPrograms() + " (see TsLimits.maxPrograms())"));
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
                untrack(st.elementaryPid());
            }
            if (kind[old.pcrPid()] == KIND_PCR) {
                untrack(old.pcrPid());
            }
        }
        if (pmtPid != null && !programPmtPid.containsValue(pmtPid)) {
            untrack(pmtPid);
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
                    untrack(st.elementaryPid());
                }
            }
            if (kind[old.pcrPid()] == KIND_PCR && old.pcrPid() != pmt.pcrPid()) {
                untrack(old.pcrPid());
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
