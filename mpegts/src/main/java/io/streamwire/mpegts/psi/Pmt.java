package io.streamwire.mpegts.psi;

import io.streamwire.core.internal.BigEndian;
import io.streamwire.mpegts.TsException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * TS_program_map_section: ISO/IEC 13818-1:2019 §2.4.4.9, Table 2-33 (table_id 0x02).
 *
 * <pre>
 * table_id(8)=0x02 section_syntax_indicator(1)=1 '0'(1) reserved(2) section_length(12)
 * program_number(16) reserved(2) version_number(5) current_next_indicator(1)
 * section_number(8)=0 last_section_number(8)=0 reserved(3) PCR_PID(13)
 * reserved(4) program_info_length(12) descriptor() × N
 * { stream_type(8) reserved(3) elementary_PID(13) reserved(4) ES_info_length(12) descriptor() × N } × M
 * CRC_32(32)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param programNumber program_number, 16 bits
 * @param versionNumber version_number, 5 bits
 * @param currentNextIndicator current_next_indicator
 * @param pcrPid PCR_PID, 13 bits (0x1FFF: no PCR)
 * @param programInfo the program descriptors
 * @param streams the elementary stream loop
 *
 * @since 0.1.0
 */
public record Pmt(int programNumber, int versionNumber, boolean currentNextIndicator, int pcrPid,
        List<Descriptor> programInfo, List<Stream> streams) {
    /** Its table_id. */
    public static final int TABLE_ID = 0x02;
    private static final String SPEC = "ISO/IEC 13818-1 §2.4.4.9";

    /**
     * One elementary stream.
     *
     * @param streamType stream_type, 8 bits (see {@link io.streamwire.mpegts.StreamType})
     * @param elementaryPid elementary_PID, 13 bits
     * @param esInfo the ES descriptors
     */
    public record Stream(int streamType, int elementaryPid, List<Descriptor> esInfo) {
        /** Checks widths and copies the list. */
        public Stream {
            if (streamType >>> 8 != 0 || elementaryPid >>> 13 != 0) {
                throw new IllegalArgumentException("stream_type " + streamType + " pid " + elementaryPid);
            }
            esInfo = List.copyOf(esInfo);
        }

        /** The first descriptor with this tag, or null. */
        public Descriptor descriptor(int tag) {
            for (Descriptor d : esInfo) {
                if (d.tag() == tag) {
                    return d;
                }
            }
            return null;
        }
    }

    /** Checks widths and copies the lists. */
    public Pmt {
        if (programNumber >>> 16 != 0 || pcrPid >>> 13 != 0) {
            throw new IllegalArgumentException("program_number " + programNumber + " PCR_PID " + pcrPid);
        }
        Psi.checkCommon(versionNumber, 0, 0);
        programInfo = List.copyOf(programInfo);
        streams = List.copyOf(streams);
        if (size(programInfo, streams) - 3 > 1021) {
            throw new IllegalArgumentException("PMT longer than 1021 bytes");
        }
    }

    /**
     * Parses the section at the buffer's position (CRC_32 not verified) and moves the position past it.
     *
     * @throws io.streamwire.core.TruncatedInputException if the buffer ends before section_length says
     *     (position unchanged)
     * @throws TsException if table_id, section_length or a loop length is malformed (position unchanged)
     */
    public static Pmt parse(ByteBuffer in) {
        int at = in.position();
        int end = Psi.requireLongSection(in, TABLE_ID, "pmt", 13);
        int dataEnd = end - 4;
        int pcrPid = BigEndian.getShort(in, at + 8) & 0x1FFF;
        int infoLength = BigEndian.getShort(in, at + 10) & 0x0FFF;
        int i = at + 12;
        if (i + infoLength > dataEnd) {
            throw new TsException("pmt program_info_length", infoLength + " is past the section", at + 10, SPEC);
        }
        List<Descriptor> info = Descriptor.parseLoop(in, i, infoLength, "pmt program_info");
        i += infoLength;
        List<Stream> streams = new ArrayList<>();
        while (i < dataEnd) {
            if (i + 5 > dataEnd) {
                throw new TsException("pmt ES loop", "partial entry of " + (dataEnd - i) + " bytes", i, SPEC);
            }
            int type = in.get(i) & 0xFF;
            int pid = BigEndian.getShort(in, i + 1) & 0x1FFF;
            int esLength = BigEndian.getShort(in, i + 3) & 0x0FFF;
            if (i + 5 + esLength > dataEnd) {
                throw new TsException("pmt ES_info_length", esLength + " is past the section", i + 3, SPEC);
            }
            streams.add(new Stream(type, pid, Descriptor.parseLoop(in, i + 5, esLength, "pmt ES_info")));
            i += 5 + esLength;
        }
        Pmt pmt = new Pmt(Psi.tableIdExtension(in, at), (in.get(at + 5) >>> 1) & 0x1F, (in.get(at + 5) & 1) != 0, pcrPid,
                info, streams);
        in.position(end);
        return pmt;
    }

    /** The stream on {@code pid}, or null. */
    public Stream stream(int pid) {
        for (Stream s : streams) {
            if (s.elementaryPid == pid) {
                return s;
            }
        }
        return null;
    }

    /** Bytes written by {@link #writeTo}. */
    public int encodedSize() {
        return size(programInfo, streams);
    }

    private static int size(List<Descriptor> programInfo, List<Stream> streams) {
        int n = 16 + Descriptor.loopLength(programInfo);
        for (Stream s : streams) {
            n += 5 + Descriptor.loopLength(s.esInfo);
        }
        return n;
    }

    /** Writes the section with its CRC_32 at the position and moves the position past it. */
    public void writeTo(ByteBuffer out) {
        if (out.remaining() < encodedSize()) {
            throw new java.nio.BufferOverflowException();
        }
        int start = out.position();
        Psi.putHeader(out, TABLE_ID, encodedSize() - 3, programNumber, versionNumber, currentNextIndicator, 0, 0);
        BigEndian.putShortRelative(out, (short) (0xE000 | pcrPid));
        BigEndian.putShortRelative(out, (short) (0xF000 | Descriptor.loopLength(programInfo)));
        programInfo.forEach(d -> d.writeTo(out));
        for (Stream s : streams) {
            BigEndian.putShortRelative(out.put((byte) s.streamType), (short) (0xE000 | s.elementaryPid));
            BigEndian.putShortRelative(out, (short) (0xF000 | Descriptor.loopLength(s.esInfo)));
            s.esInfo.forEach(d -> d.writeTo(out));
        }
        Psi.putCrc(out, start);
    }
}
