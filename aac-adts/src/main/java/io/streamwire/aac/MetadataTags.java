package io.streamwire.aac;

import java.nio.ByteBuffer;

/**
 * Recognises the metadata tags that files of raw ADTS frames carry besides the frames, with absolute
 * reads in a window {@code w[at, end)}:
 * <ul>
 *   <li>ID3v2 (ID3v2.4.0 structure §3.1), before or between frames (HLS packed audio);</li>
 *   <li>APEv2 with a header ({@code APETAGEX}, version 2000, "is header" flag; as
 *       {@code ffmpeg -write_apetag 1} and tagging tools append after the last frame);</li>
 *   <li>ID3v1 (the 128 bytes starting {@code TAG} that end a file).</li>
 * </ul>
 * Each method returns the tag's size, {@link #NONE} when no such tag starts at {@code at}, or
 * {@link #MORE} when the bytes so far match but more are needed to decide.
 *
 * <p>Thread-safe (stateless).
 */
final class MetadataTags {
    /** No tag of that kind starts there. */
    static final int NONE = -1;
    /** The bytes so far match a tag; more are needed to decide. */
    static final int MORE = -2;

    /** Size of an APEv2 tag header (and footer). */
    static final int APE_HEADER_SIZE = 32;
    /** Size of an ID3v1 tag. */
    static final int ID3V1_SIZE = 128;

    private static final byte[] APE_PREAMBLE = {'A', 'P', 'E', 'T', 'A', 'G', 'E', 'X'};
    private static final int APE_VERSION_2 = 2000;
    /** APEv2 flags: bit 31 "tag contains a header", bit 29 "this is the header". */
    private static final int APE_HAS_HEADER = 1 << 31;
    private static final int APE_IS_HEADER = 1 << 29;

    private MetadataTags() {}

    /**
     * Size of the ID3v2 tag at {@code at} (header + body + footer), {@link #NONE} if none starts there,
     * {@link #MORE} if the bytes so far match a tag header but fewer than 10 are available.
     */
    static int id3v2Size(ByteBuffer w, int at, int end) {
        int available = Math.min(10, end - at);
        for (int i = 0; i < available; i++) {
            int b = w.get(at + i) & 0xFF;
            boolean ok = switch (i) {
                case 0 -> b == 'I';
                case 1 -> b == 'D';
                case 2 -> b == '3';
                case 3, 4 -> b != 0xFF;
                case 5 -> true;
                default -> b < 0x80;
            };
            if (!ok) {
                return NONE;
            }
        }
        if (available < 10) {
            return MORE;
        }
        int size = ((w.get(at + 6) & 0x7F) << 21) | ((w.get(at + 7) & 0x7F) << 14)
                | ((w.get(at + 8) & 0x7F) << 7) | (w.get(at + 9) & 0x7F);
        boolean footer = (w.get(at + 3) & 0xFF) >= 4 && (w.get(at + 5) & 0x10) != 0;
        return 10 + size + (footer ? 10 : 0);
    }

    /**
     * Size of the APEv2 tag whose 32-byte header is at {@code at}: header, items and footer, i.e.
     * the header's tag size (items and footer) + 32. {@link #NONE} unless the header has the
     * preamble {@code APETAGEX}, version 2000, a tag size of at least 32, the "contains a header" and
     * "is header" flags and zero reserved bytes; {@link #MORE} while fewer than 32 bytes match so far.
     * The size is a {@code long}: the field is an unsigned 32-bit value.
     */
    static long apeSize(ByteBuffer w, int at, int end) {
        int available = Math.min(APE_HEADER_SIZE, end - at);
        for (int i = 0; i < available; i++) {
            byte b = w.get(at + i);
            if (i < 8 ? b != APE_PREAMBLE[i] : i >= 24 && b != 0) {
                return NONE;
            }
        }
        if (available < APE_HEADER_SIZE) {
            return MORE;
        }
        int version = intLe(w, at + 8);
        long size = intLe(w, at + 12) & 0xFFFFFFFFL;
        int flags = intLe(w, at + 20);
        if (version != APE_VERSION_2 || size < APE_HEADER_SIZE || (flags & APE_HAS_HEADER) == 0
                || (flags & APE_IS_HEADER) == 0) {
            return NONE;
        }
        return size + APE_HEADER_SIZE;
    }

    /**
     * {@link #ID3V1_SIZE} if an ID3v1 tag starts at {@code at} and ends the input: {@code TAG}, then
     * exactly 125 more bytes, then the end ({@code eoi}). {@link #MORE} while that is still possible
     * (the input has not ended and at most 128 bytes are there), else {@link #NONE}.
     */
    static int id3v1Size(ByteBuffer w, int at, int end, boolean eoi) {
        int available = end - at;
        for (int i = 0, n = Math.min(3, available); i < n; i++) {
            if (w.get(at + i) != "TAG".charAt(i)) {
                return NONE;
            }
        }
        if (available > ID3V1_SIZE) {
            return NONE;
        }
        if (!eoi) {
            return MORE;
        }
        return available == ID3V1_SIZE ? ID3V1_SIZE : NONE;
    }

    private static int intLe(ByteBuffer w, int at) {
        return (w.get(at) & 0xFF) | (w.get(at + 1) & 0xFF) << 8 | (w.get(at + 2) & 0xFF) << 16
                | (w.get(at + 3) & 0xFF) << 24;
    }
}
