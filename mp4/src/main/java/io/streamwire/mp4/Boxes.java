package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One-shot reading and writing of whole box trees (ISO/IEC 14496-12:2022 §4.2): {@link #parse}
 * turns a buffer holding complete boxes (an init segment, a media segment, a whole file in memory)
 * into {@link Box} records, and {@link #write} / {@link #toByteArray} put them back with every size
 * computed. For input that arrives in pieces, or files too large to hold, use {@link Mp4BoxDecoder}.
 *
 * <p>Parsing is zero-copy: raw payloads and configuration records are read-only views of the input
 * buffer, valid while its bytes stay unchanged. Writing a parsed tree gives back the input bytes,
 * except for fields the records document as written in canonical form (reserved fields written as
 * zeros, a size-0 box written with its size).
 *
 * <pre>{@code
 * List<Box> init = Boxes.parse(ByteBuffer.wrap(initSegmentBytes));
 * ContainerBox moov = (ContainerBox) Boxes.first(init, BoxType.MOOV);
 * byte[] again = Boxes.toByteArray(init);
 * }</pre>
 *
 * <p>Thread-safe (stateless).
 *
 * @since 0.2.0
 */
public final class Boxes {
    private Boxes() {}

    /** {@link #parse(ByteBuffer, Mp4Limits)} with {@link Mp4Limits#defaults()}. */
    public static List<Box> parse(ByteBuffer in) {
        return parse(in, Mp4Limits.defaults());
    }

    /**
     * Parses every box from the position of {@code in} to its limit. Offsets in errors count from
     * the position. The position moves to the limit on success and does not move on failure.
     *
     * @throws Mp4Exception for a malformed box (size below its header or past its parent, a field
     *     past the end of its box, a count that does not add up)
     * @throws io.streamwire.core.TruncatedInputException when the input ends inside a box
     * @throws io.streamwire.core.LimitExceededException past {@link Mp4Limits#maxDepth()},
     *     {@link Mp4Limits#maxEntriesPerTable()} or {@link Mp4Limits#maxSamplesPerFragment()}
     */
    public static List<Box> parse(ByteBuffer in, Mp4Limits limits) {
        return parse(in, limits, 0);
    }

    /** {@link #parse(ByteBuffer, Mp4Limits)} with offsets counted from {@code streamOffset} at the position. */
    static List<Box> parse(ByteBuffer in, Mp4Limits limits, long streamOffset) {
        int start = in.position();
        Payload top = new Payload(in, start, in.limit(), streamOffset - start, null, "", limits, BoxHeader.SPEC);
        List<Box> boxes = BoxParser.children(top, 1, true, false);
        in.position(in.limit());
        return boxes;
    }

    /** Bytes {@link #write} needs for {@code boxes}. */
    public static long encodedSize(List<? extends Box> boxes) {
        long n = 0;
        for (Box b : boxes) {
            n += b.encodedSize();
        }
        return n;
    }

    /**
     * Writes {@code boxes} one after the other at the position of {@code out}.
     *
     * @throws java.nio.BufferOverflowException when fewer than {@link #encodedSize} bytes remain
     */
    public static void write(List<? extends Box> boxes, ByteBuffer out) {
        if (out.remaining() < encodedSize(boxes)) {
            throw new java.nio.BufferOverflowException();
        }
        for (Box b : boxes) {
            b.writeTo(out);
        }
    }

    /** {@code boxes} written into a new array. */
    public static byte[] toByteArray(List<? extends Box> boxes) {
        long size = encodedSize(boxes);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(size + " bytes do not fit an array");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        write(boxes, out);
        return out.array();
    }

    /** The first box of {@code type} in {@code boxes}, or null. */
    public static Box first(List<? extends Box> boxes, BoxType type) {
        for (Box b : boxes) {
            if (b.type().equals(type)) {
                return b;
            }
        }
        return null;
    }

    /** Every box of {@code type} in {@code boxes}, in order. */
    public static List<Box> all(List<? extends Box> boxes, BoxType type) {
        List<Box> out = new ArrayList<>();
        for (Box b : boxes) {
            if (b.type().equals(type)) {
                out.add(b);
            }
        }
        return out;
    }

    /**
     * The box at {@code path} below {@code boxes}, following containers and sample entries, e.g.
     * {@code find(init, "moov", "trak", "mdia", "minf", "stbl", "stsd")}; the first match at each
     * level; null when absent.
     */
    public static Box find(List<? extends Box> boxes, String... path) {
        Box current = null;
        List<? extends Box> level = boxes;
        for (String step : path) {
            current = first(level, BoxType.of(step));
            if (current == null) {
                return null;
            }
            level = childrenOf(current);
        }
        return current;
    }

    /** The boxes directly inside {@code box} (containers, stsd, dref, sample entries); empty for others. */
    public static List<Box> childrenOf(Box box) {
        if (box instanceof ContainerBox c) {
            return c.children();
        } else if (box instanceof SampleDescriptionBox s) {
            return s.entries();
        } else if (box instanceof DataReferenceBox d) {
            return d.entries();
        } else if (box instanceof VisualSampleEntry v) {
            return v.children();
        } else if (box instanceof AudioSampleEntry a) {
            return a.children();
        }
        return List.of();
    }

    static int sizeOf(List<? extends Box> boxes) {
        long n = encodedSize(boxes);
        if (n > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("children of " + n + " bytes do not fit one box payload here");
        }
        return (int) n;
    }

    static void checkVersionFlags(int version, int maxVersion, int flags) {
        if (version < 0 || version > maxVersion) {
            throw new IllegalArgumentException("version " + version + " out of range 0.." + maxVersion);
        }
        if (flags < 0 || flags > 0xFF_FFFF) {
            throw new IllegalArgumentException("flags are 24 bits: 0x" + Integer.toHexString(flags));
        }
    }

    static void checkU32(String name, long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(name + " out of range 0..2^32-1: " + value);
        }
    }

    static void checkSameLength(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("columns differ in length: " + a + " and " + b);
        }
    }

    static void checkNoNul(String name, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(name + " holds a NUL character; it is null-terminated on the wire");
        }
    }

    static void putVersionFlags(ByteBuffer out, int version, int flags) {
        BigEndian.putIntRelative(out, version << 24 | flags);
    }

    static void putU32or64(ByteBuffer out, int version, long value) {
        if (version == 1) {
            BigEndian.putLongRelative(out, value);
        } else {
            BigEndian.putIntRelative(out, (int) value);
        }
    }

    /**
     * The version, flags and times that open mvhd (ISO/IEC 14496-12:2022 §8.2.2) and mdhd (§8.4.2):
     * creation_time, modification_time (32 or 64 bits by version), timescale, duration (32 or 64).
     */
    static void putVersionAndTimes(ByteBuffer out, int version, int flags, long creationTime, long modificationTime,
            long timescale, long duration) {
        putVersionFlags(out, version, flags);
        putU32or64(out, version, creationTime);
        putU32or64(out, version, modificationTime);
        BigEndian.putIntRelative(out, (int) timescale);
        putU32or64(out, version, duration);
    }

    /** Version, flags, entry_count and the entry boxes (dref, stsd). */
    static void putCountedBoxes(ByteBuffer out, int version, int flags, List<Box> entries) {
        putVersionFlags(out, version, flags);
        BigEndian.putIntRelative(out, entries.size());
        for (Box b : entries) {
            b.writeTo(out);
        }
    }

    static void putZeros(ByteBuffer out, int n) {
        for (int i = 0; i < n; i++) {
            out.put((byte) 0);
        }
    }
}
