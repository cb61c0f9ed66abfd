package io.streamwire.mp4;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-shot box walk: reads sibling boxes from a payload cursor, checks each header against its
 * parent and the depth limit, and hands each payload to its typed parser (or keeps it raw).
 * Stateless; thread-safe.
 */
final class BoxParser {
    private BoxParser() {}

    /** Boxes that carry an index in paths because they repeat under one parent. */
    private static boolean indexed(int type, boolean sampleEntry) {
        return sampleEntry || type == BoxType.TRAK.value() || type == BoxType.TRAF.value() || type == BoxType.TRUN.value();
    }

    /**
     * Reads every box in the rest of {@code p} (children of the box {@code p} covers, or the top level).
     *
     * @param depth depth of the boxes read (1 = top level)
     * @param topLevel the input ends where {@code p} ends: a header or box cut short there is
     *     {@link io.streamwire.core.TruncatedInputException}, not a size past the parent
     * @param sampleEntries the children are sample entries (of {@code stsd})
     */
    /**
     * entry_count then that many boxes, as in dref (ISO/IEC 14496-12:2022 §8.7.2) and stsd (§8.5.2):
     * the count is checked against the limits and the bytes, then against the boxes present.
     */
    static List<Box> countedChildren(Payload p, int depth, boolean sampleEntries) {
        long count = p.u32("entry_count");
        p.entries(count, 8, "entry_count");
        List<Box> entries = children(p, depth + 1, false, sampleEntries);
        if (entries.size() != count) {
            throw p.error("entry_count", count + " but the box holds " + entries.size() + " entries", p.header.payloadOffset() + 4);
        }
        return entries;
    }

    static List<Box> children(Payload p, int depth, boolean topLevel, boolean sampleEntries) {
        List<Box> out = new ArrayList<>();
        int[] seenTypes = new int[4];
        int[] seenCounts = new int[4];
        int seen = 0;
        while (p.remaining() > 0) {
            int i = p.position();
            int avail = p.remaining();
            String parent = p.header == null ? "" : p.path + "/";
            if (avail < 8) {
                if (topLevel) {
                    throw Mp4Exception.truncated(parent.isEmpty() ? "" : p.path, "box header",
                            "needs 8 bytes, " + avail + " remain in the input", p.offset(), BoxHeader.SPEC);
                }
                throw p.error("box header", "needs 8 bytes, " + avail + " remain in the parent");
            }
            int typeValue = io.streamwire.core.internal.BigEndian.getInt(p.b, i + 4);
            String path = parent + BoxType.toString(typeValue);
            if (indexed(typeValue, sampleEntries)) {
                int k = 0;
                while (k < seen && seenTypes[k] != typeValue) {
                    k++;
                }
                if (k == seen) {
                    if (seen == seenTypes.length) {
                        seenTypes = java.util.Arrays.copyOf(seenTypes, seen * 2);
                        seenCounts = java.util.Arrays.copyOf(seenCounts, seen * 2);
                    }
                    seenTypes[seen++] = typeValue;
                }
                path += "[" + ++seenCounts[k] + "]";
            }
            if (depth > p.limits.maxDepth()) {
                throw Mp4Exception.limit(path, null, "maxDepth", p.limits.maxDepth(), depth, p.offset());
            }
            int headerSize = BoxHeader.peekHeaderSize(p.b, i, i + avail);
            if (avail < headerSize) {
                String problem = "needs " + headerSize + " bytes, " + avail + " remain in the " + (topLevel ? "input" : "parent");
                if (topLevel) {
                    throw Mp4Exception.truncated(path, "box header", problem, p.offset(), BoxHeader.SPEC);
                }
                throw p.error("box header", problem);
            }
            long parentEnd = topLevel ? -1 : p.offset() + avail;
            BoxHeader h = BoxHeader.read(p.b, i, p.offset(), parentEnd, depth, path);
            long size = h.size() < 0 ? avail : h.size();
            if (topLevel && size > avail) {
                throw Mp4Exception.truncated(path, h.largeSize() ? "largesize" : "size", size + " bytes declared, "
                        + avail + " remain in the input", h.offset(), BoxHeader.SPEC);
            }
            if (h.size() < 0) {
                h = new BoxHeader(h.type(), size, h.headerSize(), h.largeSize(), h.userType(), h.offset(), depth);
            }
            p.skip(h.headerSize(), "box header");
            Payload body = p.child((int) (size - h.headerSize()), h, path, BoxParsers.spec(h.type().value()));
            out.add(parse(h, body, depth));
        }
        return out;
    }

    /** A typed box, a container, or a raw box when the type is unknown or its payload does not fit its syntax exactly. */
    static Box parse(BoxHeader h, Payload body, int depth) {
        int type = h.type().value();
        if (BoxType.isContainer(type)) {
            return new ContainerBox(h.type(), children(body, depth + 1, false, false));
        }
        int start = body.position();
        Box typed = h.largeSize() ? null : BoxParsers.parse(h, body, depth);
        if (typed != null && body.remaining() == 0) {
            return typed;
        }
        ByteBuffer raw = body.b.slice(start, body.position() - start + body.remaining()).asReadOnlyBuffer();
        return new RawBox(h.type(), h.userType(), h.largeSize(), raw);
    }
}
