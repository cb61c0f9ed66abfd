package io.streamwire.mpegts.pes;

import io.streamwire.core.TruncatedInputException;
import io.streamwire.core.internal.BigEndian;
import io.streamwire.mpegts.TsException;
import io.streamwire.mpegts.internal.TsErrors;
import io.streamwire.mpegts.internal.PesTimestamp;
import java.nio.ByteBuffer;

/**
 * The header of a PES packet: ISO/IEC 13818-1:2019 §2.4.3.6, Table 2-21.
 *
 * <pre>
 * packet_start_code_prefix(24)=0x000001 stream_id(8) PES_packet_length(16)
 * [streams other than padding, private_stream_2, ECM, EMM, DSMCC, H.222.1 E, PSM, PSD:]
 * '10'(2) PES_scrambling_control(2) PES_priority(1) data_alignment_indicator(1) copyright(1) original_or_copy(1)
 * PTS_DTS_flags(2) ESCR_flag(1) ES_rate_flag(1) DSM_trick_mode_flag(1) additional_copy_info_flag(1)
 * PES_CRC_flag(1) PES_extension_flag(1) PES_header_data_length(8)
 * [PTS(40)] [DTS(40)] [ESCR(48)] [ES_rate(24)] [trick_mode(8)] [additional_copy_info(8)]
 * [previous_PES_packet_CRC(16)] [PES extension (kept raw)] stuffing_byte × n
 * </pre>
 *
 * <p>This file is the one parser of the PES header. {@link #parse} builds the record;
 * {@link #requireWellFormed} runs the same checks in place without allocating, and the static
 * {@code get*} methods then read the fields a demuxer needs ({@link io.streamwire.mpegts.TsDemuxer}
 * reads every PES header this way). {@link #writeTo} writes a record; {@link #writePtsDts} writes the
 * header a muxer needs in place ({@link io.streamwire.mpegts.TsMuxer}). Errors:
 * {@link TsException} for malformed headers, {@link TruncatedInputException} when the input ends
 * inside the header.
 *
 * <p>Immutable and thread-safe (the static methods are stateless).
 *
 * @param streamId stream_id, 8 bits (0xE0-0xEF video, 0xC0-0xDF audio, 0xBD private_stream_1)
 * @param pesPacketLength PES_packet_length, 16 bits (0: unbounded, video in TS only)
 * @param scramblingControl PES_scrambling_control, 2 bits (0 without optional header)
 * @param priority PES_priority
 * @param dataAlignmentIndicator data_alignment_indicator
 * @param copyright copyright
 * @param originalOrCopy original_or_copy
 * @param pts PTS, 33 bits (90 kHz), or -1
 * @param dts DTS, 33 bits, or -1 (only with a PTS)
 * @param escrBase ESCR_base (33 bits), or -1
 * @param escrExtension ESCR_extension (9 bits; 0..299 when valid, kept as coded)
 * @param esRate ES_rate, 22 bits (units of 50 B/s), or -1
 * @param trickMode the DSM trick mode byte (trick_mode_control and its fields), or -1
 * @param additionalCopyInfo additional_copy_info, 7 bits, or -1
 * @param previousPesPacketCrc previous_PES_packet_CRC, 16 bits, or -1
 * @param extension the PES extension bytes from its flags byte on (read-only), or null
 * @param stuffingLength stuffing bytes after the optional fields
 *
 * @since 0.1.0
 */
public record PesHeader(int streamId, int pesPacketLength, int scramblingControl, boolean priority,
        boolean dataAlignmentIndicator, boolean copyright, boolean originalOrCopy, long pts, long dts, long escrBase, int escrExtension,
        int esRate, int trickMode, int additionalCopyInfo, int previousPesPacketCrc, ByteBuffer extension,
        int stuffingLength) {
    private static final String SPEC = "ISO/IEC 13818-1 §2.4.3.6";
    /** Bytes before the optional header: start code, stream_id, PES_packet_length. */
    public static final int PREFIX_LENGTH = 6;

    /** Checks widths. */
    public PesHeader {
        if (streamId >>> 8 != 0 || pesPacketLength >>> 16 != 0 || scramblingControl >>> 2 != 0 || pts >= 1L << 33
                || dts >= 1L << 33 || (dts >= 0 && pts < 0) || pts < -1 || dts < -1 || escrBase < -1 || escrBase >= 1L << 33
                || escrExtension < 0 || escrExtension > 511 || (escrBase < 0 && escrExtension != 0) || esRate < -1 || esRate > 0x3FFFFF
                || trickMode < -1 || trickMode > 255 || additionalCopyInfo < -1 || additionalCopyInfo > 127
                || previousPesPacketCrc < -1 || previousPesPacketCrc > 0xFFFF || stuffingLength < 0) {
            throw new IllegalArgumentException("PES header field out of range");
        }
        if (extension != null) {
            extension = extension.slice().asReadOnlyBuffer();
        }
        if (!hasOptionalHeader(streamId) && (pts >= 0 || escrBase >= 0 || esRate >= 0 || trickMode >= 0 || extension != null
                || stuffingLength != 0)) {
            throw new IllegalArgumentException("stream_id 0x" + Integer.toHexString(streamId) + " has no optional header");
        }
        if (optionalLength(pts, dts, escrBase, esRate, trickMode, additionalCopyInfo, previousPesPacketCrc, extension)
                + stuffingLength > 255) {
            throw new IllegalArgumentException("PES_header_data_length above 255");
        }
    }

    /** A header with PTS and optional DTS (-1), data_alignment_indicator set, as muxers write it. */
    public static PesHeader of(int streamId, int pesPacketLength, long pts, long dts) {
        return new PesHeader(streamId, pesPacketLength, 0, false, true, false, false, pts, dts, -1, 0, -1, -1, -1, -1, null, 0);
    }

    /** True when stream_id carries the optional PES header (not padding, private_stream_2, ECM, ...). */
    public static boolean hasOptionalHeader(int streamId) {
        return switch (streamId) {
            case 0xBC, 0xBE, 0xBF, 0xF0, 0xF1, 0xF2, 0xF8, 0xFF -> false;
            default -> true;
        };
    }

    private static int optionalLength(long pts, long dts, long escr, int esRate, int trick, int copy, int crc, ByteBuffer ext) {
        return (pts >= 0 ? 5 : 0) + (dts >= 0 ? 5 : 0) + (escr >= 0 ? 6 : 0) + (esRate >= 0 ? 3 : 0) + (trick >= 0 ? 1 : 0)
                + (copy >= 0 ? 1 : 0) + (crc >= 0 ? 2 : 0) + (ext != null ? ext.remaining() : 0);
    }

    /** The ESCR in 27 MHz units (base × 300 + extension), or -1. */
    public long escr() {
        return escrBase < 0 ? -1 : escrBase * 300 + escrExtension;
    }

    /** PES_header_data_length (0 without optional header). */
    public int pesHeaderDataLength() {
        return hasOptionalHeader(streamId)
                ? optionalLength(pts, dts, escrBase, esRate, trickMode, additionalCopyInfo, previousPesPacketCrc, extension) + stuffingLength
                : 0;
    }

    /** Bytes written by {@link #writeTo}: 6, or 9 + PES_header_data_length. */
    public int encodedSize() {
        return hasOptionalHeader(streamId) ? 9 + pesHeaderDataLength() : PREFIX_LENGTH;
    }

    /**
     * Bytes of the complete header at absolute {@code index} ({@code available} bytes there), or -1
     * when too few bytes are available to tell (fewer than 6, or fewer than 9 for a stream_id with the
     * optional header). Allocates nothing unless it throws.
     *
     * @param offset the stream offset of {@code buf[index]}, used in the exception
     * @throws TsException if packet_start_code_prefix is not 0x000001
     */
    public static int peekLength(ByteBuffer buf, int index, int available, long offset) {
        if (available < PREFIX_LENGTH) {
            return -1;
        }
        int prefix = BigEndian.getInt(buf, index) >>> 8;
        if (prefix != 1) {
            throw new TsException("packet_start_code_prefix", String.format("0x%06X is not 0x000001", prefix), offset, SPEC);
        }
        if (!hasOptionalHeader(getStreamId(buf, index))) {
            return PREFIX_LENGTH;
        }
        if (available < 9) {
            return -1;
        }
        return 9 + (buf.get(index + 8) & 0xFF);
    }

    /**
     * Checks the header at absolute {@code index} as {@link #parse} does, without building it and
     * without allocating (unless it throws), and returns its length; the {@code get*} methods then
     * read its fields. This is how {@link io.streamwire.mpegts.TsDemuxer} reads PES headers.
     *
     * @param available bytes at {@code index} that belong to the header and what follows it
     * @param offset the stream offset of {@code buf[index]}: exception offsets are counted from it, or
     *     -1 when unknown (the exceptions then carry -1)
     * @return the header's length: 6, or 9 + PES_header_data_length
     * @throws TruncatedInputException if fewer than that length are available
     * @throws TsException if the start code is wrong, the '10' marker bits are missing,
     *     PTS_DTS_flags is '01', a flagged field runs past PES_header_data_length, or
     *     PES_header_data_length runs past PES_packet_length
     */
    public static int requireWellFormed(ByteBuffer buf, int index, int available, long offset) {
        int length = peekLength(buf, index, available, offset);
        if (length < 0 || length > available) {
            throw TsErrors.truncated("PES header", "needs " + (length < 0 ? (available < PREFIX_LENGTH ? PREFIX_LENGTH : 9) : length)
                    + " bytes, " + available + " remain", offset, SPEC);
        }
        decode(buf, index, length, offset, false);
        return length;
    }

    /** stream_id of the header at absolute {@code index}. */
    public static int getStreamId(ByteBuffer buf, int index) {
        return buf.get(index + 3) & 0xFF;
    }

    /** PES_packet_length of the header at absolute {@code index} (0: unbounded). */
    public static int getPesPacketLength(ByteBuffer buf, int index) {
        return BigEndian.getUnsignedShort(buf, index + 4);
    }

    /** The PTS (33 bits) of the {@linkplain #requireWellFormed well-formed} header at absolute {@code index}, or -1. */
    public static long getPts(ByteBuffer buf, int index) {
        if (!hasOptionalHeader(getStreamId(buf, index)) || (buf.get(index + 7) & 0x80) == 0) {
            return -1;
        }
        return PesTimestamp.get(buf, index + 9);
    }

    /** The DTS (33 bits) of the {@linkplain #requireWellFormed well-formed} header at absolute {@code index}, or -1. */
    public static long getDts(ByteBuffer buf, int index) {
        if (!hasOptionalHeader(getStreamId(buf, index)) || (buf.get(index + 7) & 0xC0) != 0xC0) {
            return -1;
        }
        return PesTimestamp.get(buf, index + 9 + PesTimestamp.LENGTH);
    }

    /**
     * Parses the header at the buffer's position and moves the position to the first payload byte.
     * Exception offsets are buffer indexes.
     *
     * @throws TruncatedInputException if the buffer ends inside the header (position unchanged)
     * @throws TsException as {@link #requireWellFormed} (position unchanged)
     */
    public static PesHeader parse(ByteBuffer in) {
        int at = in.position();
        int length = requireWellFormed(in, at, in.remaining(), at);
        PesHeader h = decode(in, at, length, at, true);
        in.position(at + length);
        return h;
    }

    /**
     * The one walk over a header of {@code length} bytes at absolute {@code at} (its start code
     * checked): checks every field against PES_header_data_length and PES_packet_length and, when
     * {@code build}, returns the record (else null, nothing allocated).
     */
    private static PesHeader decode(ByteBuffer in, int at, int length, long offset, boolean build) {
        int streamId = getStreamId(in, at);
        int packetLength = getPesPacketLength(in, at);
        if (!hasOptionalHeader(streamId)) {
            return build ? new PesHeader(streamId, packetLength, 0, false, false, false, false, -1, -1, -1, 0, -1, -1, -1, -1, null, 0)
                    : null;
        }
        if (packetLength != 0 && packetLength < length - PREFIX_LENGTH) {
            throw malformed("PES_header_data_length", (length - 9) + " is past PES_packet_length " + packetLength, offset, 8);
        }
        int b6 = in.get(at + 6) & 0xFF;
        int b7 = in.get(at + 7) & 0xFF;
        if ((b6 & 0xC0) != 0x80) {
            throw malformed("PES header '10' marker", (b6 >>> 6) + " is not 2", offset, 6);
        }
        int ptsDts = b7 >>> 6;
        if (ptsDts == 1) {
            throw malformed("PTS_DTS_flags", "'01' is forbidden", offset, 7);
        }
        int end = at + length;
        int i = at + 9;
        if ((ptsDts & 2) != 0) {
            need(i + PesTimestamp.LENGTH <= end, "PTS", offset, i - at);
            i += PesTimestamp.LENGTH;
        }
        if (ptsDts == 3) {
            need(i + PesTimestamp.LENGTH <= end, "DTS", offset, i - at);
            i += PesTimestamp.LENGTH;
        }
        if (!build && (b7 & 0x3F) == 0) {
            return null; // the usual header (PTS, DTS, stuffing) is checked: the demuxer's path stops here
        }
        return decodeRest(in, at, i, end, offset, build);
    }

    /** The fields after PTS and DTS, from absolute {@code i}; the record when {@code build}. */
    private static PesHeader decodeRest(ByteBuffer in, int at, int i, int end, long offset, boolean build) {
        int b6 = in.get(at + 6) & 0xFF;
        int b7 = in.get(at + 7) & 0xFF;
        long escr = -1;
        int escrExt = 0;
        int rate = -1;
        int trick = -1;
        int copy = -1;
        int crc = -1;
        int extAt = -1;
        if ((b7 & 0x20) != 0) {
            need(i + 6 <= end, "ESCR", offset, i - at);
            escr = ((long) (in.get(i) & 0x38) << 27) | ((long) (in.get(i) & 0x03) << 28) | ((in.get(i + 1) & 0xFFL) << 20)
                    | ((in.get(i + 2) & 0xF8L) << 12) | ((in.get(i + 2) & 0x03L) << 13) | ((in.get(i + 3) & 0xFFL) << 5)
                    | ((in.get(i + 4) & 0xF8L) >>> 3);
            escrExt = ((in.get(i + 4) & 0x03) << 7) | ((in.get(i + 5) & 0xFE) >>> 1);
            i += 6;
        }
        if ((b7 & 0x10) != 0) {
            need(i + 3 <= end, "ES_rate", offset, i - at);
            rate = ((in.get(i) & 0x7F) << 15) | ((in.get(i + 1) & 0xFF) << 7) | ((in.get(i + 2) & 0xFE) >>> 1);
            i += 3;
        }
        if ((b7 & 0x08) != 0) {
            need(i + 1 <= end, "DSM_trick_mode", offset, i - at);
            trick = in.get(i++) & 0xFF;
        }
        if ((b7 & 0x04) != 0) {
            need(i + 1 <= end, "additional_copy_info", offset, i - at);
            copy = in.get(i++) & 0x7F;
        }
        if ((b7 & 0x02) != 0) {
            need(i + 2 <= end, "previous_PES_packet_CRC", offset, i - at);
            crc = BigEndian.getUnsignedShort(in, i);
            i += 2;
        }
        int extLength = 0;
        if ((b7 & 0x01) != 0) {
            extAt = i;
            i = extensionEnd(in, at, i, end, offset);
            extLength = i - extAt;
        }
        if (!build) {
            return null;
        }
        return new PesHeader(getStreamId(in, at), getPesPacketLength(in, at), (b6 >>> 4) & 3, (b6 & 8) != 0, (b6 & 4) != 0,
                (b6 & 2) != 0, (b6 & 1) != 0, getPts(in, at), getDts(in, at), escr, escrExt, rate, trick, copy, crc,
                extAt < 0 ? null : in.slice(extAt, extLength), end - i);
    }

    /**
     * Walks the PES extension (Table 2-21, PES_extension_flag 1) from its flags byte at absolute
     * {@code i}, checking each field where it starts, and returns the absolute index after it.
     */
    private static int extensionEnd(ByteBuffer in, int at, int i, int end, long offset) {
        need(i + 1 <= end, "PES_extension", offset, i - at);
        int f = in.get(i) & 0xFF;
        int j = i + 1;
        if ((f & 0x80) != 0) {
            need(j + 16 <= end, "PES_private_data", offset, j - at);
            j += 16;
        }
        if ((f & 0x40) != 0) {
            need(j + 1 <= end, "pack_field_length", offset, j - at);
            int packFieldLength = in.get(j) & 0xFF;
            if (j + 1 + packFieldLength > end) {
                throw malformed("pack_field_length", packFieldLength + " runs past PES_header_data_length", offset, j - at);
            }
            j += 1 + packFieldLength;
        }
        if ((f & 0x20) != 0) {
            need(j + 2 <= end, "program_packet_sequence_counter", offset, j - at);
            j += 2;
        }
        if ((f & 0x10) != 0) {
            need(j + 2 <= end, "P-STD_buffer", offset, j - at);
            j += 2;
        }
        if ((f & 0x01) != 0) {
            need(j + 1 <= end, "PES_extension_field_length", offset, j - at);
            int fieldLength = in.get(j) & 0x7F;
            if (j + 1 + fieldLength > end) {
                throw malformed("PES_extension_field_length", fieldLength + " runs past PES_header_data_length", offset,
                        j - at);
            }
            j += 1 + fieldLength;
        }
        return j;
    }

    private static long at(long offset, int delta) {
        return offset < 0 ? -1 : offset + delta;
    }

    private static void need(boolean ok, String field, long offset, int delta) {
        if (!ok) {
            throw pastHeaderDataLength(field, offset, delta);
        }
    }

    private static TsException pastHeaderDataLength(String field, long offset, int delta) {
        return malformed(field, "runs past PES_header_data_length", offset, delta);
    }

    private static TsException malformed(String field, String problem, long offset, int delta) {
        return new TsException(field, problem, at(offset, delta), SPEC);
    }

    /**
     * Writes at absolute {@code index}, without allocating, the header that
     * {@code PesHeader.of(streamId, pesPacketLength, pts, dts).writeTo(out)} writes (data_alignment_indicator
     * set, PTS, and DTS unless it is -1); the buffer's position is not used or changed. This is how
     * {@link io.streamwire.mpegts.TsMuxer} writes PES headers.
     *
     * @param pts the PTS, 33 bits
     * @param dts the DTS, 33 bits, or -1 for none
     * @return bytes written: 14, or 19 with a DTS
     * @throws IndexOutOfBoundsException if the header does not fit below the buffer's limit
     */
    public static int writePtsDts(ByteBuffer out, int index, int streamId, int pesPacketLength, long pts, long dts) {
        int hdl = dts >= 0 ? 2 * PesTimestamp.LENGTH : PesTimestamp.LENGTH;
        if (index < 0 || index + 9 + hdl > out.limit()) {
            throw new IndexOutOfBoundsException("PES header of " + (9 + hdl) + " bytes at " + index + " past the limit " + out.limit());
        }
        BigEndian.putInt(out, index, 0x100 | streamId);
        BigEndian.putShort(out, index + 4, (short) pesPacketLength);
        out.put(index + 6, (byte) 0x84); // '10', data_alignment_indicator
        out.put(index + 7, (byte) (dts >= 0 ? 0xC0 : 0x80));
        out.put(index + 8, (byte) hdl);
        PesTimestamp.put(out, index + 9, dts >= 0 ? 3 : 2, pts);
        if (dts >= 0) {
            PesTimestamp.put(out, index + 9 + PesTimestamp.LENGTH, 1, dts);
        }
        return 9 + hdl;
    }

    /** Writes the header at the position (stuffing as 0xFF) and moves the position past it. */
    public void writeTo(ByteBuffer out) {
        if (out.remaining() < encodedSize()) {
            throw new java.nio.BufferOverflowException();
        }
        BigEndian.putShortRelative(BigEndian.putIntRelative(out, 0x100 | streamId), (short) pesPacketLength);
        if (!hasOptionalHeader(streamId)) {
            return;
        }
        out.put((byte) (0x80 | scramblingControl << 4 | (priority ? 8 : 0) | (dataAlignmentIndicator ? 4 : 0)
                | (copyright ? 2 : 0) | (originalOrCopy ? 1 : 0)));
        out.put((byte) ((pts >= 0 ? 0x80 : 0) | (dts >= 0 ? 0x40 : 0) | (escrBase >= 0 ? 0x20 : 0) | (esRate >= 0 ? 0x10 : 0)
                | (trickMode >= 0 ? 8 : 0) | (additionalCopyInfo >= 0 ? 4 : 0) | (previousPesPacketCrc >= 0 ? 2 : 0)
                | (extension != null ? 1 : 0)));
        out.put((byte) pesHeaderDataLength());
        if (pts >= 0) {
            PesTimestamp.putRelative(out, dts >= 0 ? 3 : 2, pts);
        }
        if (dts >= 0) {
            PesTimestamp.putRelative(out, 1, dts);
        }
        if (escrBase >= 0) {
            long base = escrBase;
            int ext = escrExtension;
            out.put((byte) (0xC0 | (base >>> 27) & 0x38 | 0x04 | (base >>> 28) & 0x03));
            out.put((byte) (base >>> 20));
            out.put((byte) ((base >>> 12) & 0xF8 | 0x04 | (base >>> 13) & 0x03));
            out.put((byte) (base >>> 5));
            out.put((byte) ((base << 3) & 0xF8 | 0x04 | ext >>> 7));
            out.put((byte) (ext << 1 | 1));
        }
        if (esRate >= 0) {
            out.put((byte) (0x80 | esRate >>> 15)).put((byte) (esRate >>> 7)).put((byte) (esRate << 1 | 1));
        }
        if (trickMode >= 0) {
            out.put((byte) trickMode);
        }
        if (additionalCopyInfo >= 0) {
            out.put((byte) (0x80 | additionalCopyInfo));
        }
        if (previousPesPacketCrc >= 0) {
            BigEndian.putShortRelative(out, (short) previousPesPacketCrc);
        }
        if (extension != null) {
            out.put(extension.duplicate());
        }
        for (int s = 0; s < stuffingLength; s++) {
            out.put((byte) 0xFF);
        }
    }
}
