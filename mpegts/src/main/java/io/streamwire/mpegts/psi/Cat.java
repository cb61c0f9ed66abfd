package io.streamwire.mpegts.psi;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * CA_section: ISO/IEC 13818-1:2019 §2.4.4.6, Table 2-32 (table_id 0x01, PID 1).
 *
 * <pre>
 * table_id(8)=0x01 section_syntax_indicator(1)=1 '0'(1) reserved(2) section_length(12)
 * reserved(18) version_number(5) current_next_indicator(1) section_number(8) last_section_number(8)
 * descriptor() × N   CRC_32(32)
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param versionNumber version_number, 5 bits
 * @param currentNextIndicator current_next_indicator
 * @param sectionNumber section_number
 * @param lastSectionNumber last_section_number
 * @param descriptors CA descriptors (tag 9) and any others
 *
 * @since 0.1.0
 */
public record Cat(int versionNumber, boolean currentNextIndicator, int sectionNumber, int lastSectionNumber,
        List<Descriptor> descriptors) {
    /** Its PID. */
    public static final int PID = 1;
    /** Its table_id. */
    public static final int TABLE_ID = 0x01;

    /** Checks widths and copies the list. */
    public Cat {
        Psi.checkCommon(versionNumber, sectionNumber, lastSectionNumber);
        descriptors = List.copyOf(descriptors);
        if (Descriptor.loopLength(descriptors) > 1012) {
            throw new IllegalArgumentException("CAT longer than 1021 bytes");
        }
    }

    /**
     * Parses the section at the position (CRC_32 not verified) and moves the position past it.
     *
     * @throws io.streamwire.core.TruncatedInputException if the buffer ends before section_length says
     *     (position unchanged)
     * @throws io.streamwire.mpegts.TsException if table_id, section_length or a descriptor length is
     *     malformed (position unchanged)
     */
    public static Cat parse(ByteBuffer in) {
        int at = in.position();
        int end = Psi.requireLongSection(in, TABLE_ID, "cat", 9);
        Psi.requireSectionNumbers(in, at, "cat");
        List<Descriptor> list = Descriptor.parseLoop(in, at + 8, end - 4 - (at + 8), "cat");
        Cat cat = new Cat((in.get(at + 5) >>> 1) & 0x1F, (in.get(at + 5) & 1) != 0, in.get(at + 6) & 0xFF,
                in.get(at + 7) & 0xFF, list);
        in.position(end);
        return cat;
    }

    /** Bytes written by {@link #writeTo}. */
    public int encodedSize() {
        return 12 + Descriptor.loopLength(descriptors);
    }

    /** Writes the section with its CRC_32. */
    public void writeTo(ByteBuffer out) {
        if (out.remaining() < encodedSize()) {
            throw new java.nio.BufferOverflowException();
        }
        int start = out.position();
        Psi.putHeader(out, TABLE_ID, encodedSize() - 3, 0xFFFF, versionNumber, currentNextIndicator, sectionNumber,
                lastSectionNumber);
        descriptors.forEach(d -> d.writeTo(out));
        Psi.putCrc(out, start);
    }
}
