package io.streamwire.amf.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The strings RTMP commands and onMetaData repeat in every message (command names, connect and
 * onStatus properties, metadata keys), returned as shared constants instead of decoding a new
 * String each time. Thread-safe (immutable tables).
 */
public final class KnownStrings {
    private static final String[] NAMES = {
        "connect", "_result", "_error", "onStatus", "createStream", "releaseStream", "FCPublish", "FCUnpublish",
        "publish", "play", "play2", "deleteStream", "closeStream", "receiveAudio", "receiveVideo", "pause", "seek",
        "getStreamLength", "onBWDone", "_checkbw", "@setDataFrame", "onMetaData", "onCuePoint", "onTextData",
        "app", "flashVer", "swfUrl", "tcUrl", "type", "fpad", "capabilities", "audioCodecs", "videoCodecs",
        "videoFunction", "pageUrl", "objectEncoding", "fourCcList", "videoFourCcInfoMap", "audioFourCcInfoMap",
        "capsEx", "level", "code", "description", "details", "clientid", "fmsVer", "mode", "data", "version",
        "status", "error", "live", "record", "append", "nonprivate",
        "duration", "width", "height", "videodatarate", "framerate", "videocodecid", "audiodatarate",
        "audiosamplerate", "audiosamplesize", "stereo", "audiocodecid", "filesize", "encoder", "major_brand",
        "minor_version", "compatible_brands", "keyframes", "times", "filepositions", "hasVideo", "hasAudio",
        "hasKeyframes", "hasMetadata", "hasCuePoints", "canSeekToEnd", "datasize", "videosize", "audiosize",
        "lasttimestamp", "lastkeyframetimestamp", "lastkeyframelocation", "metadatacreator", "creationdate",
        "audiodelay", "cuePoints", "name", "time", "parameters",
    };
    private static final int SIZE = 512;
    private static final String[] TABLE = new String[SIZE];
    private static final byte[][] BYTES = new byte[SIZE][];

    static {
        for (String name : NAMES) {
            byte[] b = name.getBytes(StandardCharsets.US_ASCII);
            int slot = hash(b.length, b[0], b[b.length - 1], b[b.length / 2]) & (SIZE - 1);
            while (TABLE[slot] != null) {
                slot = (slot + 1) & (SIZE - 1);
            }
            TABLE[slot] = name;
            BYTES[slot] = b;
        }
    }

    private KnownStrings() {}

    private static int hash(int length, byte first, byte last, byte middle) {
        return (length * 31 + first) * 31 * 31 + last * 31 + middle;
    }

    /** The constant equal to the {@code length} bytes at absolute {@code index}, or null. */
    public static String lookup(ByteBuffer in, int index, int length) {
        if (length == 0 || length > 24) {
            return null;
        }
        int slot = hash(length, in.get(index), in.get(index + length - 1), in.get(index + length / 2)) & (SIZE - 1);
        for (String name; (name = TABLE[slot]) != null; slot = (slot + 1) & (SIZE - 1)) {
            byte[] b = BYTES[slot];
            if (b.length == length && matches(in, index, b)) {
                return name;
            }
        }
        return null;
    }

    /**
     * The constant equal to the {@code length} bytes of {@code a} at {@code index}, or null. Compares
     * the name as up to three big-endian 8-byte words (zero-padded) against words kept per entry.
     */
    public static String lookup(byte[] a, int index, int length) {
        if (length == 0 || length > 24) {
            return null;
        }
        long w0 = word(a, index, length);
        long w1 = length > 8 ? word(a, index + 8, length - 8) : 0;
        long w2 = length > 16 ? word(a, index + 16, length - 16) : 0;
        // wordHash, written out: the JIT would not inline it here
        int slot = (int) ((w0 + w1 * 0xC2B2AE3D27D4EB4FL + w2 * 0x165667B19E3779F9L + length) * 0x9E3779B97F4A7C15L
                >>> 40) & (WORD_SIZE - 1);
        long[] words = WORDS;
        while (true) {
            int w = slot * 4;
            long stored = words[w + 3];
            if (stored == 0) {
                return null;
            }
            if (stored == length && words[w] == w0 && words[w + 1] == w1 && words[w + 2] == w2) {
                return WORD_TABLE[slot];
            }
            slot = (slot + 1) & (WORD_SIZE - 1);
        }
    }

    private static final java.lang.invoke.VarHandle LONG = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.BIG_ENDIAN);
    private static final int WORD_SIZE = 256;
    private static final String[] WORD_TABLE = new String[WORD_SIZE];
    /** Per slot: the name's three words and its length (0: empty slot). */
    private static final long[] WORDS = new long[WORD_SIZE * 4];

    static {
        for (String name : NAMES) {
            byte[] b = name.getBytes(StandardCharsets.US_ASCII);
            long w0 = word(b, 0, b.length);
            long w1 = b.length > 8 ? word(b, 8, b.length - 8) : 0;
            long w2 = b.length > 16 ? word(b, 16, b.length - 16) : 0;
            int slot = wordHash(w0, w1, w2, b.length) & (WORD_SIZE - 1);
            while (WORD_TABLE[slot] != null) {
                slot = (slot + 1) & (WORD_SIZE - 1);
            }
            WORD_TABLE[slot] = name;
            WORDS[slot * 4] = w0;
            WORDS[slot * 4 + 1] = w1;
            WORDS[slot * 4 + 2] = w2;
            WORDS[slot * 4 + 3] = b.length;
        }
    }

    /** Up to 8 bytes at {@code at} (fewer when {@code remaining} is under 8) as a big-endian word, zero-padded. */
    private static long word(byte[] a, int at, int remaining) {
        if (remaining >= 8) {
            return (long) LONG.get(a, at);
        }
        if (at + 8 <= a.length) {
            return (long) LONG.get(a, at) & -1L << (64 - 8 * remaining);
        }
        long w = 0;
        for (int i = 0; i < 8; i++) {
            w = w << 8 | (i < remaining ? a[at + i] & 0xFF : 0);
        }
        return w;
    }

    private static int wordHash(long w0, long w1, long w2, int length) {
        long h = (w0 + w1 * 0xC2B2AE3D27D4EB4FL + w2 * 0x165667B19E3779F9L + length) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40);
    }

    private static boolean matches(ByteBuffer in, int index, byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (in.get(index + i) != b[i]) {
                return false;
            }
        }
        return true;
    }
}
