package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over one box's payload for the one-shot parsers: absolute reads from a buffer the caller
 * still owns, every shortfall raised as an {@link Mp4Exception} naming the box path, the element and
 * the stream offset, every count checked against {@link Mp4Limits} and the bytes left in the box
 * before anything is allocated. Not thread-safe.
 */
final class Payload {
    final ByteBuffer b;
    final BoxHeader header;
    final String path;
    final Mp4Limits limits;
    final String spec;
    private final int start;
    private final int end;
    /** Stream offset of index 0 of {@code b}. */
    private final long base;
    private int pos;

    Payload(ByteBuffer b, int start, int end, long base, BoxHeader header, String path, Mp4Limits limits, String spec) {
        this.b = b;
        this.start = start;
        this.end = end;
        this.base = base;
        this.header = header;
        this.path = path;
        this.limits = limits;
        this.spec = spec;
        this.pos = start;
    }

    int remaining() {
        return end - pos;
    }

    int position() {
        return pos;
    }

    /** Stream offset of the next byte. */
    long offset() {
        return base + pos;
    }

    Mp4Exception error(String element, String problem) {
        return new Mp4Exception(path, element, problem, offset(), spec);
    }

    Mp4Exception error(String element, String problem, long at) {
        return new Mp4Exception(path, element, problem, at, spec);
    }

    void need(int n, String element) {
        if (end - pos < n) {
            throw error(element, "needs " + n + " bytes, " + (end - pos) + " remain in the box");
        }
    }

    int u8(String element) {
        need(1, element);
        return b.get(pos++) & 0xFF;
    }

    int u16(String element) {
        need(2, element);
        int v = BigEndian.getUnsignedShort(b, pos);
        pos += 2;
        return v;
    }

    int u24(String element) {
        need(3, element);
        int v = BigEndian.getUnsignedMedium(b, pos);
        pos += 3;
        return v;
    }

    /** 32 bits as an int (signed view of an unsigned field where the caller says so). */
    int i32(String element) {
        need(4, element);
        int v = BigEndian.getInt(b, pos);
        pos += 4;
        return v;
    }

    long u32(String element) {
        return i32(element) & 0xFFFF_FFFFL;
    }

    long i64(String element) {
        need(8, element);
        long v = BigEndian.getLong(b, pos);
        pos += 8;
        return v;
    }

    /** A 32-bit field in version 0, a 64-bit one in version 1 (unsigned either way). */
    long u32or64(int version, String element) {
        return version == 1 ? i64(element) : u32(element);
    }

    /** A read-only slice of the next {@code n} bytes. */
    ByteBuffer bytes(int n, String element) {
        need(n, element);
        ByteBuffer s = b.slice(pos, n).asReadOnlyBuffer();
        pos += n;
        return s;
    }

    /** The rest of the payload, read-only. */
    ByteBuffer rest() {
        return bytes(end - pos, "payload");
    }

    void skip(int n, String element) {
        need(n, element);
        pos += n;
    }

    /** A null-terminated UTF-8 string (ISO/IEC 14496-12:2022 §4.2 {@code utf8string}); the terminator is consumed. */
    String utf8z(String element) {
        for (int i = pos; i < end; i++) {
            if (b.get(i) == 0) {
                byte[] a = new byte[i - pos];
                b.get(pos, a);
                pos = i + 1;
                return new String(a, StandardCharsets.UTF_8);
            }
        }
        throw error(element, "null-terminated string has no terminator before the end of the box");
    }

    /**
     * Checks a declared entry count against {@link Mp4Limits#maxEntriesPerTable()} and against the
     * bytes left ({@code entryBytes} each), before the caller allocates for it.
     */
    int entries(long count, int entryBytes, String element) {
        if (count > limits.maxEntriesPerTable()) {
            throw Mp4Exception.limit(path, element, "maxEntriesPerTable", limits.maxEntriesPerTable(), count, offset() - 4);
        }
        if (count * entryBytes > end - pos) {
            throw error(element, count + " entries need " + count * entryBytes + " bytes, " + (end - pos)
                    + " remain in the box", offset() - 4);
        }
        return (int) count;
    }

    /** Fails unless every byte was read (a box longer than its syntax). */
    void requireEnd(String element) {
        if (pos != end) {
            throw error(element, (end - pos) + " bytes left over after the last field");
        }
    }

    /** A sub-cursor over the next {@code n} bytes (a child structure), advancing past them. */
    Payload child(int n, BoxHeader childHeader, String childPath, String childSpec) {
        need(n, "box");
        Payload p = new Payload(b, pos, pos + n, base, childHeader, childPath, limits, childSpec);
        pos += n;
        return p;
    }
}
