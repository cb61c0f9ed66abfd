package io.streamwire.mpegts.pes;

import io.streamwire.mpegts.internal.BigEndian;
import io.streamwire.mpegts.TsException;
import io.streamwire.mpegts.internal.Bits;
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
 * <p>Immutable and thread-safe.
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
     * when fewer than 9 bytes are available to tell.
     *
     * @throws TsException if the start code prefix is wrong
     */
    public static int peekLength(ByteBuffer buf, int index, int available, long offset) {
        if (available < 6) {
            return -1;
        }
        if ((BigEndian.getInt(buf, index) >>> 8) != 1) {
            throw new TsException("packet_start_code_prefix", String.format("0x%06X is not 0x000001", BigEndian.getInt(buf, index) >>> 8),
                    offset, SPEC);
        }
        int streamId = buf.get(index + 3) & 0xFF;
        if (!hasOptionalHeader(streamId)) {
            return PREFIX_LENGTH;
        }
        if (available < 9) {
            return -1;
        }
        return 9 + (buf.get(index + 8) & 0xFF);
    }

    /**
     * Parses the header at the buffer's position and moves the position to the first payload byte.
     *
     * @throws TsException if the start code is wrong, a flagged field runs past PES_header_data_length,
     *     PES_header_data_length runs past PES_packet_length or past the input (position unchanged)
     */
    public static PesHeader parse(ByteBuffer in) {
        int at = in.position();
        int length = peekLength(in, at, in.remaining(), at);
        if (length < 0 || length > in.remaining()) {
            throw new TsException("PES header", "needs " + (length < 0 ? 9 : length) + " bytes, " + in.remaining() + " remain", at, SPEC);
        }
        int streamId = in.get(at + 3) & 0xFF;
        int packetLength = BigEndian.getShort(in, at + 4) & 0xFFFF;
        if (!hasOptionalHeader(streamId)) {
            in.position(at + PREFIX_LENGTH);
            return new PesHeader(streamId, packetLength, 0, false, false, false, false, -1, -1, -1, 0, -1, -1, -1, -1, null, 0);
        }
        if (packetLength != 0 && packetLength < length - PREFIX_LENGTH) {
            throw new TsException("PES_header_data_length", (length - 9) + " is past PES_packet_length " + packetLength, at + 8, SPEC);
        }
        int b6 = in.get(at + 6) & 0xFF;
        int b7 = in.get(at + 7) & 0xFF;
        if ((b6 & 0xC0) != 0x80) {
            throw new TsException("PES header '10' marker", String.format("0x%X is not 2", b6 >>> 6), at + 6, SPEC);
        }
        int end = at + length;
        int i = at + 9;
        long pts = -1;
        long dts = -1;
        long escr = -1;
        int escrExt = 0;
        int rate = -1;
        int trick = -1;
        int copy = -1;
        int crc = -1;
        ByteBuffer ext = null;
        int ptsDts = b7 >>> 6;
        if (ptsDts == 1) {
            throw new TsException("PTS_DTS_flags", "'01' is forbidden", at + 7, SPEC);
        }
        if ((ptsDts & 2) != 0) {
            need(i + 5 <= end, "PTS", i);
            pts = Bits.timestamp(in, i);
            i += 5;
        }
        if (ptsDts == 3) {
            need(i + 5 <= end, "DTS", i);
            dts = Bits.timestamp(in, i);
            i += 5;
        }
        if ((b7 & 0x20) != 0) {
            need(i + 6 <= end, "ESCR", i);
            long base = ((long) (in.get(i) & 0x38) << 27) | ((long) (in.get(i) & 0x03) << 28) | ((in.get(i + 1) & 0xFFL) << 20)
                    | ((in.get(i + 2) & 0xF8L) << 12) | ((in.get(i + 2) & 0x03L) << 13) | ((in.get(i + 3) & 0xFFL) << 5)
                    | ((in.get(i + 4) & 0xF8L) >>> 3);
            int extension = ((in.get(i + 4) & 0x03) << 7) | ((in.get(i + 5) & 0xFE) >>> 1);
            escr = base;
            escrExt = extension;
            i += 6;
        }
        if ((b7 & 0x10) != 0) {
            need(i + 3 <= end, "ES_rate", i);
            rate = ((in.get(i) & 0x7F) << 15) | ((in.get(i + 1) & 0xFF) << 7) | ((in.get(i + 2) & 0xFE) >>> 1);
            i += 3;
        }
        if ((b7 & 0x08) != 0) {
            need(i + 1 <= end, "DSM_trick_mode", i);
            trick = in.get(i++) & 0xFF;
        }
        if ((b7 & 0x04) != 0) {
            need(i + 1 <= end, "additional_copy_info", i);
            copy = in.get(i++) & 0x7F;
        }
        if ((b7 & 0x02) != 0) {
            need(i + 2 <= end, "previous_PES_packet_CRC", i);
            crc = BigEndian.getShort(in, i) & 0xFFFF;
            i += 2;
        }
        if ((b7 & 0x01) != 0) {
            need(i + 1 <= end, "PES_extension", i);
            int f = in.get(i) & 0xFF;
            int n = 1 + ((f & 0x80) != 0 ? 16 : 0);
            if ((f & 0x40) != 0) {
                need(i + n + 1 <= end, "pack_field_length", i + n);
                n += 1 + (in.get(i + n) & 0xFF);
            }
            n += ((f & 0x20) != 0 ? 2 : 0) + ((f & 0x10) != 0 ? 2 : 0);
            if ((f & 0x01) != 0) {
                need(i + n + 1 <= end, "PES_extension_field_length", i + n);
                n += 1 + (in.get(i + n) & 0x7F);
            }
            need(i + n <= end, "PES_extension", i);
            ext = in.slice(i, n);
            i += n;
        }
        PesHeader h = new PesHeader(streamId, packetLength, (b6 >>> 4) & 3, (b6 & 8) != 0, (b6 & 4) != 0, (b6 & 2) != 0,
                (b6 & 1) != 0, pts, dts, escr, escrExt, rate, trick, copy, crc, ext, end - i);
        in.position(end);
        return h;
    }

    private static void need(boolean ok, String field, int at) {
        if (!ok) {
            throw new TsException(field, "runs past PES_header_data_length", at, SPEC);
        }
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
            Bits.putTimestamp(out, dts >= 0 ? 3 : 2, pts);
        }
        if (dts >= 0) {
            Bits.putTimestamp(out, 1, dts);
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
