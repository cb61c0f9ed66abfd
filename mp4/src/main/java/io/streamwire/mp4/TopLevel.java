package io.streamwire.mp4;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A top-level box found by a header scan (no payload parsed): its header and index in the buffer.
 * Immutable and thread-safe.
 */
record TopLevel(BoxHeader header, int index) {
    /**
     * The top-level boxes of {@code b} from index 0 to its limit (the last one may be cut short: a
     * reader stops there).
     *
     * @param fileOffset the position of index 0 in the file, for offsets
     */
    static List<TopLevel> scan(ByteBuffer b, long fileOffset, Mp4Limits limits) {
        List<TopLevel> out = new ArrayList<>();
        int i = b.position();
        int lim = b.limit();
        while (lim - i >= 8) {
            int headerSize = BoxHeader.peekHeaderSize(b, i, lim);
            if (lim - i < headerSize) {
                break;
            }
            BoxHeader h = BoxHeader.read(b, i, fileOffset + i, -1, 1, BoxType.toString(io.streamwire.core.internal.BigEndian.getInt(b, i + 4)));
            long size = h.size() < 0 ? lim - i : h.size();
            if (h.size() < 0) {
                h = new BoxHeader(h.type(), size, h.headerSize(), h.largeSize(), h.userType(), h.offset(), 1);
            }
            out.add(new TopLevel(h, i));
            if (size > lim - i) {
                break;
            }
            i += (int) size;
        }
        return out;
    }

    /** The box parsed ({@link Boxes#parse} of its bytes); the input ending inside it is a truncation. */
    Box parse(ByteBuffer b, Mp4Limits limits) {
        long size = header.size();
        int available = b.limit() - index;
        if (size > available) {
            throw Mp4Exception.truncated(header.type().toString(), "size", size + " bytes declared, " + available
                    + " remain in the input", header.offset(), BoxHeader.SPEC);
        }
        return Boxes.parse(b.slice(index, (int) size), limits, header.offset()).get(0);
    }
}
