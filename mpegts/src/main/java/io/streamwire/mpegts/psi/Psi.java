package io.streamwire.mpegts.psi;

import io.streamwire.core.internal.BigEndian;
import io.streamwire.mpegts.TsException;
import io.streamwire.mpegts.internal.TsErrors;
import java.nio.ByteBuffer;

/** Shared checks and writers for long-form sections (§2.4.4.3). Not API. */
final class Psi {
    static final String SPEC = "ISO/IEC 13818-1 §2.4.4";

    private Psi() {}

    /**
     * Checks a long-form section at {@code in.position()} and returns its end (exclusive, CRC
     * included). The CRC itself is not checked here.
     *
     * @throws io.streamwire.core.TruncatedInputException if the buffer ends before section_length says
     * @throws TsException if table_id, section_syntax_indicator or section_length is wrong
     */
    static int requireLongSection(ByteBuffer in, int tableId, String table, int minLength) {
        int at = in.position();
        if (in.remaining() < 3) {
            throw TsErrors.truncated(table + " section_length", "needs 3 bytes, " + in.remaining() + " remain", at, SPEC);
        }
        int id = in.get(at) & 0xFF;
        if (tableId >= 0 && id != tableId) {
            throw new TsException(table + " table_id", String.format("0x%02X is not 0x%02X", id, tableId), at, SPEC);
        }
        int flags = in.get(at + 1) & 0xFF;
        if ((flags & 0x80) == 0) {
            throw new TsException(table + " section_syntax_indicator", "is 0, expected 1", at + 1, SPEC);
        }
        int length = BigEndian.getShort(in, at + 1) & 0x0FFF;
        if (length > 1021 || length < minLength) {
            throw new TsException(table + " section_length", length + " out of range (expected: " + minLength + "..1021)", at + 1, SPEC);
        }
        if (length > in.remaining() - 3) {
            throw TsErrors.truncated(table + " section_length", length + " is past the input (" + (in.remaining() - 3) + " bytes)", at + 1, SPEC);
        }
        return at + 3 + length;
    }

    /** Checks section_number ≤ last_section_number of a long-form section at absolute index. */
    static void requireSectionNumbers(ByteBuffer in, int at, String table) {
        int number = in.get(at + 6) & 0xFF;
        int last = in.get(at + 7) & 0xFF;
        if (number > last) {
            throw new TsException(table + " section_number", number + " is past last_section_number " + last, at + 6, SPEC);
        }
    }

    /** table_id_extension of a long-form section at absolute index. */
    static int tableIdExtension(ByteBuffer in, int at) {
        return BigEndian.getShort(in, at + 3) & 0xFFFF;
    }

    /** Writes the 8-byte long-form header. */
    static void putHeader(ByteBuffer out, int tableId, int sectionLength, int extension, int version, boolean currentNext,
            int sectionNumber, int lastSectionNumber) {
        out.put((byte) tableId);
        BigEndian.putShortRelative(out, (short) (0xB000 | sectionLength));
        BigEndian.putShortRelative(out, (short) extension);
        out.put((byte) (0xC0 | version << 1 | (currentNext ? 1 : 0)));
        out.put((byte) sectionNumber);
        out.put((byte) lastSectionNumber);
    }

    /** Appends CRC_32 over the bytes from {@code start} to the position. */
    static void putCrc(ByteBuffer out, int start) {
        BigEndian.putIntRelative(out, Crc32Mpeg2.compute(out, start, out.position() - start));
    }

    static void checkCommon(int version, int sectionNumber, int lastSectionNumber) {
        if (version >>> 5 != 0 || sectionNumber >>> 8 != 0 || lastSectionNumber >>> 8 != 0 || sectionNumber > lastSectionNumber) {
            throw new IllegalArgumentException("version/section numbers out of range: " + version + ", " + sectionNumber
                    + "/" + lastSectionNumber);
        }
    }
}
