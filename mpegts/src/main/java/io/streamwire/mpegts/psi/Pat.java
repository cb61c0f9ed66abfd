package io.streamwire.mpegts.psi;

import io.streamwire.core.internal.BigEndian;
import io.streamwire.mpegts.TsException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * program_association_section: ISO/IEC 13818-1:2019 §2.4.4.4, Table 2-30 (table_id 0x00, PID 0).
 *
 * <pre>
 * table_id(8)=0x00 section_syntax_indicator(1)=1 '0'(1) reserved(2) section_length(12)
 * transport_stream_id(16) reserved(2) version_number(5) current_next_indicator(1)
 * section_number(8) last_section_number(8)
 * { program_number(16) reserved(3) network_PID / program_map_PID(13) } × N
 * CRC_32(32)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param transportStreamId transport_stream_id, 16 bits
 * @param versionNumber version_number, 5 bits
 * @param currentNextIndicator current_next_indicator
 * @param sectionNumber section_number, 8 bits
 * @param lastSectionNumber last_section_number, 8 bits
 * @param programs the loop; program_number 0 carries the network_PID
 *
 * @since 0.1.0
 */
public record Pat(int transportStreamId, int versionNumber, boolean currentNextIndicator, int sectionNumber,
        int lastSectionNumber, List<Program> programs) {
    /** The PAT's PID. */
    public static final int PID = 0;
    /** Its table_id. */
    public static final int TABLE_ID = 0x00;

    /**
     * One program of the loop.
     *
     * @param programNumber program_number, 16 bits (0: network information)
     * @param pid program_map_PID (or network_PID), 13 bits
     */
    public record Program(int programNumber, int pid) {
        /** Checks widths. */
        public Program {
            if (programNumber >>> 16 != 0 || pid >>> 13 != 0) {
                throw new IllegalArgumentException("program " + programNumber + " pid " + pid);
            }
        }
    }

    /** Checks widths and copies the list. */
    public Pat {
        if (transportStreamId >>> 16 != 0 || programs.size() > 253) {
            throw new IllegalArgumentException("transport_stream_id " + transportStreamId + ", " + programs.size() + " programs");
        }
        Psi.checkCommon(versionNumber, sectionNumber, lastSectionNumber);
        programs = List.copyOf(programs);
    }

    /** A single-section, current PAT. */
    public static Pat of(int transportStreamId, int versionNumber, List<Program> programs) {
        return new Pat(transportStreamId, versionNumber, true, 0, 0, programs);
    }

    /**
     * Parses the section at the buffer's position (CRC_32 is read but not verified; see
     * {@link SectionAssembler}) and moves the position past it.
     *
     * @throws io.streamwire.core.TruncatedInputException if the buffer ends before section_length says
     *     (position unchanged)
     * @throws TsException if table_id, section_length or the loop is malformed (position unchanged)
     */
    public static Pat parse(ByteBuffer in) {
        int at = in.position();
        int end = Psi.requireLongSection(in, TABLE_ID, "pat", 9);
        Psi.requireSectionNumbers(in, at, "pat");
        int loop = end - 4 - (at + 8);
        if (loop % 4 != 0) {
            throw new TsException("pat section_length", (end - at - 3) + " leaves a partial program entry", at + 1, Psi.SPEC + ".4");
        }
        List<Program> programs = new ArrayList<>(loop / 4);
        for (int i = at + 8; i < end - 4; i += 4) {
            programs.add(new Program(BigEndian.getShort(in, i) & 0xFFFF, BigEndian.getShort(in, i + 2) & 0x1FFF));
        }
        Pat pat = new Pat(Psi.tableIdExtension(in, at), (in.get(at + 5) >>> 1) & 0x1F, (in.get(at + 5) & 1) != 0,
                in.get(at + 6) & 0xFF, in.get(at + 7) & 0xFF, programs);
        in.position(end);
        return pat;
    }

    /** The program_map_PID of {@code programNumber}, or -1. */
    public int pmtPid(int programNumber) {
        for (Program p : programs) {
            if (p.programNumber == programNumber) {
                return p.pid;
            }
        }
        return -1;
    }

    /** Bytes written by {@link #writeTo}. */
    public int encodedSize() {
        return 12 + 4 * programs.size();
    }

    /** Writes the section with its CRC_32 at the position and moves the position past it. */
    public void writeTo(ByteBuffer out) {
        if (out.remaining() < encodedSize()) {
            throw new java.nio.BufferOverflowException();
        }
        int start = out.position();
        Psi.putHeader(out, TABLE_ID, encodedSize() - 3, transportStreamId, versionNumber, currentNextIndicator, sectionNumber,
                lastSectionNumber);
        for (Program p : programs) {
            BigEndian.putShortRelative(BigEndian.putShortRelative(out, (short) p.programNumber), (short) (0xE000 | p.pid));
        }
        Psi.putCrc(out, start);
    }
}
