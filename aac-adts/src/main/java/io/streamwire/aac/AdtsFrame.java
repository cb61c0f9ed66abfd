package io.streamwire.aac;

import io.streamwire.core.TruncatedInputException;
import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole ADTS frame: ISO/IEC 14496-3:2019 §1.A.2.2 {@code adts_frame()}, with its error-check words
 * ({@code adts_error_check()}, {@code adts_header_error_check()},
 * {@code adts_raw_data_block_error_check()}, §1.A.2.2.3) and raw data blocks as zero-copy slices.
 *
 * <pre>
 * protection_absent = 1:            header(7) raw_data_block...(all blocks, not separable)
 * protection_absent = 0, 1 block:   header(7) crc_check(16) raw_data_block
 * protection_absent = 0, n+1 blocks: header(7) raw_data_block_position[1..n](16 each) crc_check(16)
 *                                    { raw_data_block crc_check(16) } x (n+1)
 * </pre>
 *
 * <p>Immutable and thread-safe as long as nobody changes the bytes the slices view.
 *
 * @param header the fixed and variable header
 * @param rawDataBlockPositions raw_data_block_position[1..n], 16 bits each: byte offset of raw data
 *     block i from the first byte of the frame (the syncword); empty unless CRC-protected with
 *     several blocks
 * @param crcChecks every crc_check word in frame order, 16 bits each: none without protection;
 *     one for a single block; for n+1 blocks the header check then one per block
 * @param rawDataBlocks the raw data blocks as slices of the parsed buffer (without their CRC
 *     words); a single element holding every block when protection is absent, since
 *     block boundaries are then known only to a decoder
 *
 * @since 0.1.0
 */
public record AdtsFrame(AdtsHeader header, List<Integer> rawDataBlockPositions, List<Integer> crcChecks,
        List<ByteBuffer> rawDataBlocks) {

    private static final String SPEC = "ISO/IEC 14496-3 §1.A.2.2";

    /** Checks that the parts agree with the header and add up to aac_frame_length. */
    public AdtsFrame {
        rawDataBlockPositions = List.copyOf(rawDataBlockPositions);
        crcChecks = List.copyOf(crcChecks);
        rawDataBlocks = List.copyOf(rawDataBlocks);
        int blocks = header.numberOfRawDataBlocksInFrame() + 1;
        boolean crc = !header.protectionAbsent();
        int wantPositions = crc && blocks > 1 ? blocks - 1 : 0;
        int wantCrcs = !crc ? 0 : blocks == 1 ? 1 : blocks + 1;
        int wantBlocks = crc ? blocks : 1;
        if (rawDataBlockPositions.size() != wantPositions || crcChecks.size() != wantCrcs
                || rawDataBlocks.size() != wantBlocks) {
            throw new IllegalArgumentException("expected " + wantPositions + " positions, " + wantCrcs
                    + " CRC words and " + wantBlocks + " blocks for this header");
        }
        for (int word : crcChecks) {
            check16("crc_check", word);
        }
        int at = 7 + 2 * wantPositions + (crc ? 2 : 0);
        for (int i = 0; i < wantBlocks; i++) {
            if (i > 0) {
                check16("raw_data_block_position", rawDataBlockPositions.get(i - 1));
                if (rawDataBlockPositions.get(i - 1) != at) {
                    throw new IllegalArgumentException("raw_data_block_position[" + i + "] "
                            + rawDataBlockPositions.get(i - 1) + " but the block starts at " + at);
                }
            }
            at += rawDataBlocks.get(i).remaining() + (crc && blocks > 1 ? 2 : 0);
        }
        if (at != header.aacFrameLength()) {
            throw new IllegalArgumentException("parts add up to " + at + " bytes, aac_frame_length is "
                    + header.aacFrameLength());
        }
    }

    /**
     * Parses a whole frame at the buffer's position; the buffer must hold at least aac_frame_length
     * bytes from there.
     *
     * <p>On success the position moves past the frame; on failure it is unchanged. The blocks are
     * slices of {@code in}, valid while its bytes are.
     *
     * @throws AacException for a bad header (see {@link AdtsHeader#parse}), or raw_data_block_position
     *     values that go backwards, overlap a CRC word or point past the frame
     * @throws TruncatedInputException if fewer than aac_frame_length bytes remain
     */
    public static AdtsFrame parse(ByteBuffer in) {
        int start = in.position();
        AdtsHeader header = AdtsHeader.parse(in);
        in.position(start);
        int length = header.aacFrameLength();
        if (in.remaining() < length) {
            throw new TruncatedInputException(AacException.MODULE, "adts_frame", "needs " + length + " bytes (aac_frame_length), "
                    + in.remaining() + " remain", start, SPEC);
        }
        int blocks = header.numberOfRawDataBlocksInFrame() + 1;
        List<Integer> positions = new ArrayList<>();
        List<Integer> crcs = new ArrayList<>();
        List<ByteBuffer> slices = new ArrayList<>();
        if (header.protectionAbsent()) {
            slices.add(in.slice(start + 7, length - 7));
        } else if (blocks == 1) {
            crcs.add(u16(in, start + 7));
            slices.add(in.slice(start + 9, length - 9));
        } else {
            int headerEnd = 7 + 2 * (blocks - 1) + 2;
            if (length < headerEnd + 2 * blocks) {
                throw new AacException("adts aac_frame_length", length + " is too short for " + blocks
                        + " protected raw data blocks (needs " + (headerEnd + 2 * blocks) + ")", start, SPEC);
            }
            for (int i = 1; i < blocks; i++) {
                positions.add(u16(in, start + 7 + 2 * (i - 1)));
            }
            crcs.add(u16(in, start + headerEnd - 2));
            int blockStart = headerEnd;
            for (int i = 0; i < blocks; i++) {
                int next = i + 1 < blocks ? positions.get(i) : length;
                if (next - 2 < blockStart || next > length) {
                    throw new AacException("adts raw_data_block_position", "[" + (i + 1) + "] " + next
                            + " leaves no room for block " + i + " starting at " + blockStart + " and its CRC"
                            + " (frame length " + length + ")", start + (i + 1 < blocks ? 7 + 2L * i : 3), SPEC);
                }
                slices.add(in.slice(start + blockStart, next - 2 - blockStart));
                crcs.add(u16(in, start + next - 2));
                blockStart = next;
            }
        }
        in.position(start + length);
        return new AdtsFrame(header, positions, crcs, slices);
    }

    /** Bytes {@link #writeTo} writes: aac_frame_length. */
    public int encodedSize() {
        return header.aacFrameLength();
    }

    /**
     * Writes the frame at the buffer's position and moves it past the frame.
     *
     * @throws java.nio.BufferOverflowException if fewer than {@link #encodedSize()} bytes remain
     */
    public void writeTo(ByteBuffer out) {
        if (out.remaining() < encodedSize()) {
            throw new java.nio.BufferOverflowException();
        }
        header.writeTo(out);
        for (int position : rawDataBlockPositions) {
            BigEndian.putShortRelative(out, (short) position);
        }
        boolean perBlockCrc = !header.protectionAbsent() && rawDataBlocks.size() > 1;
        int crc = 0;
        if (!header.protectionAbsent()) {
            BigEndian.putShortRelative(out, (short) (int) crcChecks.get(crc++)); // adts_error_check or adts_header_error_check
        }
        for (ByteBuffer block : rawDataBlocks) {
            out.put(block.duplicate());
            if (perBlockCrc) {
                BigEndian.putShortRelative(out, (short) (int) crcChecks.get(crc++));
            }
        }
    }

    private static int u16(ByteBuffer in, int at) {
        return BigEndian.getUnsignedShort(in, at);
    }

    private static void check16(String name, int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(name + " " + value + " does not fit 16 bits");
        }
    }
}
