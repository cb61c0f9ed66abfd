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

    /** The constant equal to the {@code length} bytes of {@code a} at {@code index}, or null. */
    public static String lookup(byte[] a, int index, int length) {
        if (length == 0 || length > 24) {
            return null;
        }
        int slot = hash(length, a[index], a[index + length - 1], a[index + length / 2]) & (SIZE - 1);
        for (String name; (name = TABLE[slot]) != null; slot = (slot + 1) & (SIZE - 1)) {
            byte[] b = BYTES[slot];
            if (b.length == length && java.util.Arrays.equals(a, index, index + length, b, 0, length)) {
                return name;
            }
        }
        return null;
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
