package io.streamwire.mpegts.psi;

import io.streamwire.core.internal.BigEndian;
import io.streamwire.mpegts.TsException;
import io.streamwire.mpegts.internal.TsErrors;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * splice_info_section: ANSI/SCTE 35 2022 §9.6 (table_id 0xFC), carried on a PID of stream_type 0x86.
 *
 * <pre>
 * table_id(8)=0xFC section_syntax_indicator(1)=0 private_indicator(1)=0 sap_type(2) section_length(12)
 * protocol_version(8) encrypted_packet(1) encryption_algorithm(6) pts_adjustment(33) cw_index(8)
 * tier(12) splice_command_length(12) splice_command_type(8) splice_command()
 * descriptor_loop_length(16) splice_descriptor() × N  [alignment_stuffing] CRC_32(32)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param sapType sap_type, 2 bits
 * @param protocolVersion protocol_version, 8 bits
 * @param ptsAdjustment pts_adjustment, 33 bits
 * @param cwIndex cw_index, 8 bits
 * @param tier tier, 12 bits
 * @param command the splice command
 * @param descriptors the splice descriptors (segmentation descriptors typed through {@link SpliceDescriptor#segmentation()})
 *
 * @implNote Encrypted sections (encrypted_packet 1) and splice_command_length 0xFFF are rejected with
 *     an {@link io.streamwire.core.UnsupportedFeatureException}; the alignment stuffing is not kept.
 *
 * @since 0.1.0
 */
public record SpliceInfoSection(int sapType, int protocolVersion, long ptsAdjustment, int cwIndex, int tier,
        SpliceCommand command, List<SpliceDescriptor> descriptors) {
    /** Its table_id. */
    public static final int TABLE_ID = 0xFC;
    static final String SPEC = "ANSI/SCTE 35 2022 §9.6";

    /** Checks widths and copies the list. */
    public SpliceInfoSection {
        if (sapType >>> 2 != 0 || protocolVersion >>> 8 != 0 || ptsAdjustment >>> 33 != 0 || cwIndex >>> 8 != 0 || tier >>> 12 != 0) {
            throw new IllegalArgumentException("splice_info_section field out of range");
        }
        descriptors = List.copyOf(descriptors);
    }

    /** Splice commands (§9.7). */
    public sealed interface SpliceCommand permits SpliceNull, SpliceInsert, TimeSignal, OtherCommand {
        /** splice_command_type. */
        int type();
    }

    /** splice_null() (type 0x00). */
    public record SpliceNull() implements SpliceCommand {
        @Override
        public int type() {
            return 0x00;
        }
    }

    /**
     * time_signal() (type 0x06).
     *
     * @param ptsTime pts_time (33 bits) or -1 when time_specified_flag is 0
     */
    public record TimeSignal(long ptsTime) implements SpliceCommand {
        @Override
        public int type() {
            return 0x06;
        }
    }

    /**
     * A command kept raw (splice_schedule, bandwidth_reservation, private_command, reserved).
     *
     * @param type splice_command_type
     * @param bytes the command bytes
     */
    public record OtherCommand(int type, ByteBuffer bytes) implements SpliceCommand {
        /** Read-only copy. */
        public OtherCommand {
            bytes = bytes.slice().asReadOnlyBuffer();
        }
    }

    /**
     * splice_insert() (type 0x05).
     *
     * @param spliceEventId splice_event_id, 32 bits
     * @param spliceEventCancelIndicator splice_event_cancel_indicator (when set, the other fields are unused)
     * @param outOfNetworkIndicator out_of_network_indicator
     * @param programSpliceFlag program_splice_flag
     * @param spliceImmediateFlag splice_immediate_flag
     * @param eventIdComplianceFlag event_id_compliance_flag (2020+; reserved 1 before)
     * @param spliceTime pts_time of the program splice_time(), -1 when not specified or absent
     * @param components component_tag and pts_time (-1 when absent) pairs when program_splice_flag is 0
     * @param autoReturn break_duration auto_return, when breakDuration ≥ 0
     * @param breakDuration break_duration duration (33 bits), or -1 when duration_flag is 0
     * @param uniqueProgramId unique_program_id, 16 bits
     * @param availNum avail_num
     * @param availsExpected avails_expected
     */
    public record SpliceInsert(long spliceEventId, boolean spliceEventCancelIndicator, boolean outOfNetworkIndicator,
            boolean programSpliceFlag, boolean spliceImmediateFlag, boolean eventIdComplianceFlag, long spliceTime,
            List<long[]> components, boolean autoReturn, long breakDuration, int uniqueProgramId, int availNum,
            int availsExpected) implements SpliceCommand {
        /** Copies the component list. */
        public SpliceInsert {
            components = List.copyOf(components);
        }

        @Override
        public int type() {
            return 0x05;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SpliceInsert s && s.toString().equals(toString());
        }

        @Override
        public int hashCode() {
            return toString().hashCode();
        }

        @Override
        public String toString() {
            StringBuilder c = new StringBuilder();
            components.forEach(p -> c.append(p[0]).append(':').append(p[1]).append(' '));
            return "SpliceInsert[id=" + spliceEventId + ", cancel=" + spliceEventCancelIndicator + ", out=" + outOfNetworkIndicator
                    + ", program=" + programSpliceFlag + ", immediate=" + spliceImmediateFlag + ", compliance="
                    + eventIdComplianceFlag + ", time=" + spliceTime + ", components=[" + c + "], autoReturn=" + autoReturn
                    + ", duration=" + breakDuration + ", upid=" + uniqueProgramId + ", avail=" + availNum + "/" + availsExpected + "]";
        }
    }

    /**
     * Parses the section at the position (CRC_32 not verified) and moves the position past it.
     *
     * @throws io.streamwire.core.TruncatedInputException if the buffer ends before section_length says
     *     (position unchanged)
     * @throws io.streamwire.core.UnsupportedFeatureException if the section is encrypted or
     *     splice_command_length is 0xFFF (position unchanged)
     * @throws TsException if a length or field is malformed (position unchanged)
     */
    public static SpliceInfoSection parse(ByteBuffer in) {
        int at = in.position();
        if (in.remaining() < 3) {
            throw TsErrors.truncated("splice_info_section", "needs 3 bytes, " + in.remaining() + " remain", at, SPEC);
        }
        if ((in.get(at) & 0xFF) != TABLE_ID) {
            throw new TsException("splice_info_section table_id", String.format("0x%02X is not 0xFC", in.get(at) & 0xFF), at, SPEC);
        }
        int length = BigEndian.getShort(in, at + 1) & 0x0FFF;
        if (length < 17 || length > 4093) {
            throw new TsException("splice_info_section section_length", length + " out of range (17..4093)", at + 1, SPEC);
        }
        if (length > in.remaining() - 3) {
            throw TsErrors.truncated("splice_info_section section_length", length + " is past the input (" + (in.remaining() - 3)
                    + " bytes)", at + 1, SPEC);
        }
        int end = at + 3 + length;
        int sap = (in.get(at + 1) >>> 4) & 3;
        int version = in.get(at + 3) & 0xFF;
        if ((in.get(at + 4) & 0x80) != 0) {
            throw TsErrors.unsupported("splice_info_section encrypted_packet", "1 (encrypted sections) is not supported", at + 4, SPEC);
        }
        long ptsAdj = ((long) (in.get(at + 4) & 1) << 32) | (BigEndian.getInt(in, at + 5) & 0xFFFFFFFFL);
        int cw = in.get(at + 9) & 0xFF;
        int tier = (BigEndian.getShort(in, at + 10) & 0xFFFF) >>> 4;
        int cmdLength = BigEndian.getShort(in, at + 11) & 0x0FFF;
        int cmdType = in.get(at + 13) & 0xFF;
        int c = at + 14;
        if (cmdLength == 0xFFF) {
            throw TsErrors.unsupported("splice_command_length", "0xFFF (legacy unknown length) is not supported", at + 11, SPEC);
        }
        if (c + cmdLength + 2 > end - 4) {
            throw new TsException("splice_command_length", cmdLength + " is past the section", at + 11, SPEC);
        }
        SpliceCommand command = parseCommand(in, cmdType, c, cmdLength);
        int d = c + cmdLength;
        int loop = BigEndian.getShort(in, d) & 0xFFFF;
        d += 2;
        if (d + loop > end - 4) {
            throw new TsException("descriptor_loop_length", loop + " is past the section", d - 2, SPEC);
        }
        List<SpliceDescriptor> descriptors = new ArrayList<>();
        int dEnd = d + loop;
        while (d < dEnd) {
            if (d + 2 > dEnd || d + 2 + (in.get(d + 1) & 0xFF) > dEnd || (in.get(d + 1) & 0xFF) < 4) {
                throw new TsException("splice_descriptor descriptor_length", "runs past the loop or is below 4", d, SPEC);
            }
            int n = in.get(d + 1) & 0xFF;
            descriptors.add(new SpliceDescriptor(in.get(d) & 0xFF, BigEndian.getInt(in, d + 2), in.slice(d + 6, n - 4)));
            d += 2 + n;
        }
        SpliceInfoSection s = new SpliceInfoSection(sap, version, ptsAdj, cw, tier, command, descriptors);
        in.position(end);
        return s;
    }

    private static SpliceCommand parseCommand(ByteBuffer in, int type, int c, int n) {
        int end = c + n;
        switch (type) {
            case 0x00:
                return new SpliceNull();
            case 0x06: {
                require(n >= 1, "time_signal", c);
                long t = spliceTime(in, c, end);
                return new TimeSignal(t);
            }
            case 0x05: {
                require(n >= 5, "splice_insert", c);
                long id = BigEndian.getInt(in, c) & 0xFFFFFFFFL;
                boolean cancel = (in.get(c + 4) & 0x80) != 0;
                if (cancel) {
                    return new SpliceInsert(id, true, false, false, false, false, -1, List.of(), false, -1, 0, 0, 0);
                }
                require(n >= 6, "splice_insert", c);
                int f = in.get(c + 5) & 0xFF;
                boolean out = (f & 0x80) != 0;
                boolean program = (f & 0x40) != 0;
                boolean duration = (f & 0x20) != 0;
                boolean immediate = (f & 0x10) != 0;
                boolean compliance = (f & 0x08) != 0;
                int i = c + 6;
                long time = -1;
                List<long[]> comps = new ArrayList<>();
                if (program && !immediate) {
                    require(i < end, "splice_time", i);
                    time = spliceTime(in, i, end);
                    i += (in.get(i) & 0x80) != 0 ? 5 : 1;
                }
                if (!program) {
                    require(i < end, "component_count", i);
                    int count = in.get(i++) & 0xFF;
                    for (int k = 0; k < count; k++) {
                        require(i < end, "component_tag", i);
                        int tag = in.get(i++) & 0xFF;
                        long t = -1;
                        if (!immediate) {
                            require(i < end, "splice_time", i);
                            t = spliceTime(in, i, end);
                            i += (in.get(i) & 0x80) != 0 ? 5 : 1;
                        }
                        comps.add(new long[] {tag, t});
                    }
                }
                boolean autoReturn = false;
                long dur = -1;
                if (duration) {
                    require(i + 5 <= end, "break_duration", i);
                    autoReturn = (in.get(i) & 0x80) != 0;
                    dur = ((long) (in.get(i) & 1) << 32) | (BigEndian.getInt(in, i + 1) & 0xFFFFFFFFL);
                    i += 5;
                }
                require(i + 4 <= end, "unique_program_id", i);
                return new SpliceInsert(id, false, out, program, immediate, compliance, time, comps, autoReturn, dur,
                        BigEndian.getShort(in, i) & 0xFFFF, in.get(i + 2) & 0xFF, in.get(i + 3) & 0xFF);
            }
            default:
                return new OtherCommand(type, in.slice(c, n));
        }
    }

    private static long spliceTime(ByteBuffer in, int i, int end) {
        if ((in.get(i) & 0x80) == 0) {
            return -1;
        }
        require(i + 5 <= end, "splice_time pts_time", i);
        return ((long) (in.get(i) & 1) << 32) | (BigEndian.getInt(in, i + 1) & 0xFFFFFFFFL);
    }

    private static void require(boolean ok, String field, int at) {
        if (!ok) {
            throw new TsException(field, "runs past splice_command_length", at, "ANSI/SCTE 35 2022 §9.7");
        }
    }

    private int commandLength() {
        if (command instanceof SpliceNull) {
            return 0;
        }
        if (command instanceof TimeSignal t) {
            return t.ptsTime >= 0 ? 5 : 1;
        }
        if (command instanceof OtherCommand o) {
            return o.bytes.remaining();
        }
        SpliceInsert s = (SpliceInsert) command;
        if (s.spliceEventCancelIndicator) {
            return 5;
        }
        int n = 6;
        if (s.programSpliceFlag && !s.spliceImmediateFlag) {
            n += s.spliceTime >= 0 ? 5 : 1;
        }
        if (!s.programSpliceFlag) {
            n += 1;
            for (long[] comp : s.components) {
                n += 1 + (s.spliceImmediateFlag ? 0 : comp[1] >= 0 ? 5 : 1);
            }
        }
        return n + (s.breakDuration >= 0 ? 5 : 0) + 4;
    }

    /** Bytes written by {@link #writeTo}. */
    public int encodedSize() {
        int n = 14 + commandLength() + 2 + 4;
        for (SpliceDescriptor d : descriptors) {
            n += 6 + d.body().remaining();
        }
        return n;
    }

    /** Writes the section with its CRC_32 at the position and moves the position past it. */
    public void writeTo(ByteBuffer out) {
        int size = encodedSize();
        if (out.remaining() < size) {
            throw new java.nio.BufferOverflowException();
        }
        int start = out.position();
        BigEndian.putShortRelative(out.put((byte) TABLE_ID), (short) (0x0000 | sapType << 12 | (size - 3)));
        out.put((byte) protocolVersion);
        BigEndian.putIntRelative(out.put((byte) (0x00 | (int) (ptsAdjustment >>> 32))), (int) ptsAdjustment);
        out.put((byte) cwIndex);
        int cmdLength = commandLength();
        out.put((byte) (tier >>> 4)).put((byte) ((tier & 0xF) << 4 | cmdLength >>> 8)).put((byte) cmdLength);
        out.put((byte) command.type());
        if (command instanceof TimeSignal t) {
            putSpliceTime(out, t.ptsTime);
        } else if (command instanceof OtherCommand o) {
            out.put(o.bytes.duplicate());
        } else if (command instanceof SpliceInsert s) {
            BigEndian.putIntRelative(out, (int) s.spliceEventId);
            out.put((byte) (s.spliceEventCancelIndicator ? 0xFF : 0x7F));
            if (!s.spliceEventCancelIndicator) {
                out.put((byte) ((s.outOfNetworkIndicator ? 0x80 : 0) | (s.programSpliceFlag ? 0x40 : 0)
                        | (s.breakDuration >= 0 ? 0x20 : 0) | (s.spliceImmediateFlag ? 0x10 : 0)
                        | (s.eventIdComplianceFlag ? 0x08 : 0) | 0x07));
                if (s.programSpliceFlag && !s.spliceImmediateFlag) {
                    putSpliceTime(out, s.spliceTime);
                }
                if (!s.programSpliceFlag) {
                    out.put((byte) s.components.size());
                    for (long[] comp : s.components) {
                        out.put((byte) comp[0]);
                        if (!s.spliceImmediateFlag) {
                            putSpliceTime(out, comp[1]);
                        }
                    }
                }
                if (s.breakDuration >= 0) {
                    BigEndian.putIntRelative(out.put((byte) ((s.autoReturn ? 0x80 : 0) | 0x7E | (int) (s.breakDuration >>> 32))), (int) s.breakDuration);
                }
                BigEndian.putShortRelative(out, (short) s.uniqueProgramId).put((byte) s.availNum).put((byte) s.availsExpected);
            }
        }
        int loop = 0;
        for (SpliceDescriptor d : descriptors) {
            loop += 6 + d.body().remaining();
        }
        BigEndian.putShortRelative(out, (short) loop);
        for (SpliceDescriptor d : descriptors) {
            BigEndian.putIntRelative(out.put((byte) d.tag()).put((byte) (4 + d.body().remaining())), d.identifier()).put(d.body().duplicate());
        }
        Psi.putCrc(out, start);
    }

    private static void putSpliceTime(ByteBuffer out, long t) {
        if (t < 0) {
            out.put((byte) 0x7F);
        } else {
            BigEndian.putIntRelative(out.put((byte) (0xFE | (int) (t >>> 32))), (int) t);
        }
    }
}
