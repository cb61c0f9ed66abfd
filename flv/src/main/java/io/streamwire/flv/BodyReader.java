package io.streamwire.flv;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Bounds-checked reads over a tag body for the tag-body parsers. Not thread-safe. */
final class BodyReader {
    final ByteBuffer in;
    final String spec;
    int pos;
    int end;

    BodyReader(ByteBuffer in, String spec) {
        this.in = in;
        this.spec = spec;
        this.pos = in.position();
        this.end = in.limit();
    }

    int remaining() {
        return end - pos;
    }

    void require(int n, String field) {
        if (end - pos < n) {
            throw FlvException.truncated(field, n, end - pos, pos, spec);
        }
    }

    int u8(String field) {
        require(1, field);
        return in.get(pos++) & 0xFF;
    }

    int u16(String field) {
        require(2, field);
        pos += 2;
        return BigEndian.getShort(in, pos - 2) & 0xFFFF;
    }

    int u24(String field) {
        require(3, field);
        pos += 3;
        return BigEndian.getUnsignedMedium(in, pos - 3);
    }

    int si24(String field) {
        return u24(field) << 8 >> 8;
    }

    int u32(String field) {
        require(4, field);
        pos += 4;
        return BigEndian.getInt(in, pos - 4);
    }

    ByteBuffer slice(int n, String field) {
        require(n, field);
        pos += n;
        return in.slice(pos - n, n).asReadOnlyBuffer();
    }

    ByteBuffer rest() {
        return slice(end - pos, "data");
    }

    /** Reads the ModEx chain; returns the final packet type in {@code packetType[0]}. */
    List<ModEx> modEx(int[] packetType) {
        List<ModEx> list = List.of();
        while (packetType[0] == 7) {
            if (list.isEmpty()) {
                list = new ArrayList<>(2);
            }
            if (list.size() >= 16) {
                throw new FlvException("ModEx", "chain longer than 16 entries", pos, spec);
            }
            int size = u8("modExDataSize") + 1;
            if (size == 256) {
                size = u16("modExDataSize") + 1;
            }
            ByteBuffer data = slice(size, "modExData");
            int b = u8("ModExType");
            list.add(new ModEx(b >>> 4, data));
            packetType[0] = b & 0x0F;
        }
        return list;
    }

    /**
     * Reads the AvMultitrackType byte that follows a Multitrack packet type (Enhanced RTMP v2, the
     * same for audio and video): returns AvMultitrackType (0..2) and puts the inner packet type in
     * {@code packetType[0]}.
     *
     * @param multitrack the packet type value meaning Multitrack (5 for audio, 6 for video)
     * @param packetTypeField {@code "AudioPacketType"} or {@code "VideoPacketType"}, for errors
     * @throws FlvException if the multitrack type is reserved or the inner packet type is again
     *     Multitrack or ModEx
     */
    int multitrackType(int[] packetType, int multitrack, String packetTypeField) {
        int at = pos;
        int m = u8("AvMultitrackType");
        int type = m >>> 4;
        packetType[0] = m & 0x0F;
        if (type > 2) {
            throw new FlvException("AvMultitrackType", type + " is reserved", at, spec);
        }
        if (packetType[0] == multitrack || packetType[0] == 7) {
            throw new FlvException(packetTypeField, packetType[0] + " inside a multitrack header", at, spec);
        }
        return type;
    }

    /**
     * Resolves an Enhanced RTMP packet type without allocating: walks the ModEx chain and the
     * multitrack byte starting with {@code packetType} read from the first byte (the byte before
     * {@code pos}). Returns {@code (position of the FourCC) << 4 | packetType}, or -1 when the header
     * is truncated or would be rejected by the parser.
     */
    static long peekExPacketType(ByteBuffer in, int pos, int end, int packetType, int multitrack) {
        int entries = 0;
        while (packetType == 7) {
            if (++entries > 16 || pos >= end) {
                return -1;
            }
            int size = (in.get(pos++) & 0xFF) + 1;
            if (size == 256) {
                if (end - pos < 2) {
                    return -1;
                }
                size = (BigEndian.getShort(in, pos) & 0xFFFF) + 1;
                pos += 2;
            }
            if (end - pos < size + 1L) {
                return -1;
            }
            pos += size;
            packetType = in.get(pos++) & 0x0F;
        }
        if (packetType == multitrack) {
            if (pos >= end) {
                return -1;
            }
            int m = in.get(pos++) & 0xFF;
            packetType = m & 0x0F;
            if (m >>> 4 > 2 || packetType == multitrack || packetType == 7) {
                return -1;
            }
        }
        return (long) pos << 4 | packetType;
    }
}
