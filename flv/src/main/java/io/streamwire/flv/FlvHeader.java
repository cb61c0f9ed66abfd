package io.streamwire.flv;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * The FLV file header: Adobe FLV/F4V specification v10.1, Annex E.2 "The FLV header".
 *
 * <pre>
 * 'F' 'L' 'V' | Version (8) | 00000 A 0 V | DataOffset (32)
 * A TypeFlagsAudio (1)   V TypeFlagsVideo (1); the other five bits are TypeFlagsReserved
 * </pre>
 *
 * @param version Version, 8 bits (1 in every file written so far)
 * @param typeFlagsAudio TypeFlagsAudio: audio tags are present
 * @param typeFlagsVideo TypeFlagsVideo: video tags are present
 * @param typeFlagsReserved the five reserved bits of the flags byte (bits 7..3) and bit 1, kept
 *     so that a file round-trips; 0 in valid files
 * @param dataOffset DataOffset, 32 bits: the header's length, at least 9
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public record FlvHeader(int version, boolean typeFlagsAudio, boolean typeFlagsVideo, int typeFlagsReserved, long dataOffset) {
    /** Bytes of a version 1 header, and the smallest valid DataOffset. */
    public static final int LENGTH = 9;

    static final String SPEC = "Adobe FLV/F4V v10.1 §E.2";

    /** Checks ranges. */
    public FlvHeader {
        if (version >>> 8 != 0 || (typeFlagsReserved & ~0xFA) != 0 || dataOffset < LENGTH || dataOffset > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("FLV header out of range: version " + version + ", reserved flags "
                    + typeFlagsReserved + ", data offset " + dataOffset);
        }
    }

    /** A header for a version 1 file with the given streams and a 9-byte DataOffset. */
    public static FlvHeader of(boolean audio, boolean video) {
        return new FlvHeader(1, audio, video, 0, LENGTH);
    }

    /**
     * Parses the 9 header bytes at the buffer's position and moves the position past them (not
     * past any bytes up to {@link #dataOffset()}).
     *
     * @throws io.streamwire.core.TruncatedInputException if fewer than 9 bytes remain (position unchanged)
     * @throws FlvException if the signature is not "FLV" or DataOffset is below 9 (position unchanged)
     */
    public static FlvHeader parse(ByteBuffer in) {
        int at = in.position();
        if (in.remaining() < LENGTH) {
            throw FlvException.truncated("flv header", LENGTH, in.remaining(), at, SPEC);
        }
        if (in.get(at) != 'F' || in.get(at + 1) != 'L' || in.get(at + 2) != 'V') {
            throw new FlvException("flv Signature", String.format("0x%02X%02X%02X is not \"FLV\"",
                    in.get(at) & 0xFF, in.get(at + 1) & 0xFF, in.get(at + 2) & 0xFF), at, SPEC);
        }
        int flags = in.get(at + 4) & 0xFF;
        long dataOffset = BigEndian.getInt(in, at + 5) & 0xFFFF_FFFFL;
        if (dataOffset < LENGTH) {
            throw new FlvException("flv DataOffset", dataOffset + " is below 9", at + 5, SPEC);
        }
        in.position(at + LENGTH);
        return new FlvHeader(in.get(at + 3) & 0xFF, (flags & 4) != 0, (flags & 1) != 0, flags & 0xFA, dataOffset);
    }

    /** Writes the 9 header bytes at the buffer's position and moves the position past them. */
    public void writeTo(ByteBuffer out) {
        out.put((byte) 'F').put((byte) 'L').put((byte) 'V').put((byte) version)
                .put((byte) (typeFlagsReserved | (typeFlagsAudio ? 4 : 0) | (typeFlagsVideo ? 1 : 0)));
        BigEndian.putIntRelative(out, (int) dataOffset);
    }
}
