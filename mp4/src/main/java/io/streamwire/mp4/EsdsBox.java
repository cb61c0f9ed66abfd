package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;

/**
 * Elementary stream descriptor box {@code esds}, ISO/IEC 14496-14 §6.7.2, a full box of version 0
 * holding an ES_Descriptor of ISO/IEC 14496-1 §7.2.6.5. Each descriptor starts with an 8-bit tag
 * and a size of 1 to 4 bytes, 7 bits each, the top bit set on all but the last (§8.3.3):
 * <pre>
 * ES_Descriptor (tag 3)      { ES_ID(16) streamDependenceFlag(1) URL_Flag(1) OCRstreamFlag(1) streamPriority(5)
 *                              [dependsOn_ES_ID(16)] [URLlength(8) URLstring] [OCR_ES_Id(16)]
 *   DecoderConfigDescriptor (tag 4) { objectTypeIndication(8) streamType(6) upStream(1) reserved(1)
 *                              bufferSizeDB(24) maxBitrate(32) avgBitrate(32)
 *     DecoderSpecificInfo (tag 5) { AudioSpecificConfig … } }
 *   SLConfigDescriptor (tag 6) { predefined(8) = 2 } }
 * </pre>
 *
 * @param version 0
 * @param flags 24 bits, 0
 * @param esDescriptor the ES_Descriptor bytes as stored (read-only), kept so that any size encoding
 *     is written back unchanged; {@link #decoderConfig()} reads them
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record EsdsBox(int version, int flags, ByteBuffer esDescriptor) implements Box {
    static final String SPEC = "ISO/IEC 14496-1:2010 §7.2.6.5";

    /**
     * What an ES_Descriptor says about the decoder (ISO/IEC 14496-1 §7.2.6.6).
     *
     * @param esId ES_ID
     * @param objectTypeIndication 0x40 MPEG-4 audio, 0x6B MPEG-1 audio, …
     * @param streamType 6 bits, 5 = audio
     * @param bufferSizeDb bufferSizeDB, 24 bits
     * @param maxBitrate bits per second
     * @param avgBitrate bits per second, 0 when variable
     * @param decoderSpecificInfo the DecoderSpecificInfo payload (the AudioSpecificConfig for AAC), read-only, possibly empty
     * @since 0.2.0
     */
    public record DecoderConfig(int esId, int objectTypeIndication, int streamType, int bufferSizeDb, long maxBitrate,
            long avgBitrate, ByteBuffer decoderSpecificInfo) {}

    /** Checks the components; keeps a read-only view. */
    public EsdsBox {
        Boxes.checkVersionFlags(version, 0, flags);
        esDescriptor = esDescriptor.slice().asReadOnlyBuffer();
    }

    /**
     * An esds for MPEG-4 audio (objectTypeIndication 0x40, streamType 5) with the shortest size encodings.
     *
     * @param audioSpecificConfig the AudioSpecificConfig bytes (ISO/IEC 14496-3 §1.6.2.1)
     */
    public static EsdsBox forAudio(int esId, byte[] audioSpecificConfig, int bufferSizeDb, long maxBitrate, long avgBitrate) {
        int dsi = audioSpecificConfig.length;
        int dcdBody = 13 + 1 + sizeBytes(dsi) + dsi;
        int esBody = 3 + 1 + sizeBytes(dcdBody) + dcdBody + 3;
        ByteBuffer b = ByteBuffer.allocate(1 + sizeBytes(esBody) + esBody);
        b.put((byte) 3);
        putSize(b, esBody);
        BigEndian.putShortRelative(b, (short) esId);
        b.put((byte) 0);
        b.put((byte) 4);
        putSize(b, dcdBody);
        b.put((byte) 0x40).put((byte) (5 << 2 | 1));
        BigEndian.putMediumRelative(b, bufferSizeDb);
        BigEndian.putIntRelative(b, (int) maxBitrate);
        BigEndian.putIntRelative(b, (int) avgBitrate);
        b.put((byte) 5);
        putSize(b, dsi);
        b.put(audioSpecificConfig);
        b.put((byte) 6).put((byte) 1).put((byte) 2);
        return new EsdsBox(0, 0, b.flip());
    }

    private static int sizeBytes(int size) {
        return size < 0x80 ? 1 : size < 0x4000 ? 2 : size < 0x20_0000 ? 3 : 4;
    }

    private static void putSize(ByteBuffer b, int size) {
        for (int i = sizeBytes(size) - 1; i > 0; i--) {
            b.put((byte) (0x80 | size >>> 7 * i));
        }
        b.put((byte) (size & 0x7F));
    }

    /**
     * Reads the ES_Descriptor.
     *
     * @throws Mp4Exception when a descriptor is cut short or has another tag than expected
     */
    public DecoderConfig decoderConfig() {
        return read(esDescriptor, "esds", -1);
    }

    /** The RFC 6381 string: {@code mp4a.40.<audioObjectType>} for MPEG-4 audio, {@code mp4a.<OTI in hex>} otherwise. */
    public String codecString() {
        DecoderConfig c = decoderConfig();
        if (c.objectTypeIndication() != 0x40 || c.decoderSpecificInfo().remaining() < 1) {
            return String.format("mp4a.%02X", c.objectTypeIndication());
        }
        ByteBuffer asc = c.decoderSpecificInfo();
        int aot = (asc.get(0) & 0xFF) >> 3;
        if (aot == 31 && asc.remaining() >= 2) {
            aot = 32 + (((asc.get(0) & 0x07) << 3) | ((asc.get(1) & 0xFF) >> 5));
        }
        return "mp4a.40." + aot;
    }

    static DecoderConfig read(ByteBuffer d, String path, long base) {
        int[] pos = {0};
        int esLen = descriptor(d, pos, 3, "ES_Descriptor", path, base);
        int esEnd = pos[0] + esLen;
        need(d, pos[0], 3, esEnd, "ES_Descriptor ES_ID", path, base);
        int esId = BigEndian.getUnsignedShort(d, pos[0]);
        int f = d.get(pos[0] + 2) & 0xFF;
        pos[0] += 3;
        if ((f & 0x80) != 0) {
            pos[0] += 2;
        }
        if ((f & 0x40) != 0) {
            need(d, pos[0], 1, esEnd, "ES_Descriptor URLlength", path, base);
            pos[0] += 1 + (d.get(pos[0]) & 0xFF);
        }
        if ((f & 0x20) != 0) {
            pos[0] += 2;
        }
        int dcdLen = descriptor(d, pos, 4, "DecoderConfigDescriptor", path, base);
        int dcdEnd = pos[0] + dcdLen;
        if (dcdEnd > esEnd) {
            throw error(path, "DecoderConfigDescriptor", "runs past its ES_Descriptor", base, pos[0]);
        }
        need(d, pos[0], 13, dcdEnd, "DecoderConfigDescriptor", path, base);
        int oti = d.get(pos[0]) & 0xFF;
        int streamType = (d.get(pos[0] + 1) & 0xFF) >> 2;
        int buffer = BigEndian.getUnsignedMedium(d, pos[0] + 2);
        long max = BigEndian.getUnsignedInt(d, pos[0] + 5);
        long avg = BigEndian.getUnsignedInt(d, pos[0] + 9);
        pos[0] += 13;
        ByteBuffer dsi = ByteBuffer.allocate(0).asReadOnlyBuffer();
        if (pos[0] < dcdEnd && (d.get(pos[0]) & 0xFF) == 5) {
            int len = descriptor(d, pos, 5, "DecoderSpecificInfo", path, base);
            if (pos[0] + len > dcdEnd) {
                throw error(path, "DecoderSpecificInfo", "runs past its DecoderConfigDescriptor", base, pos[0]);
            }
            dsi = d.slice(pos[0], len).asReadOnlyBuffer();
        }
        return new DecoderConfig(esId, oti, streamType, buffer, max, avg, dsi);
    }

    /** Reads tag and size at pos[0], checks the tag, leaves pos[0] at the body, returns the body size. */
    private static int descriptor(ByteBuffer d, int[] pos, int tag, String name, String path, long base) {
        int lim = d.limit();
        need(d, pos[0], 2, lim, name + " tag", path, base);
        int at = pos[0];
        int t = d.get(at) & 0xFF;
        if (t != tag) {
            throw error(path, name + " tag", t + ", expected " + tag, base, at);
        }
        int p = at + 1;
        int size = 0;
        for (int i = 0; ; i++) {
            if (i == 4) {
                throw error(path, name + " size", "longer than 4 bytes", base, at + 1);
            }
            need(d, p, 1, lim, name + " size", path, base);
            int b = d.get(p++) & 0xFF;
            size = size << 7 | (b & 0x7F);
            if ((b & 0x80) == 0) {
                break;
            }
        }
        if (size > lim - p) {
            throw error(path, name + " size", size + " runs past the end of the box (" + (lim - p) + " bytes remain)", base, at + 1);
        }
        pos[0] = p;
        return size;
    }

    private static void need(ByteBuffer d, int at, int n, int end, String element, String path, long base) {
        if (end - at < n || d.limit() - at < n) {
            throw error(path, element, "needs " + n + " bytes, " + Math.max(0, Math.min(end, d.limit()) - at) + " remain", base, at);
        }
    }

    private static Mp4Exception error(String path, String element, String problem, long base, int at) {
        return new Mp4Exception(path, element, problem, base < 0 ? -1 : base + at, SPEC);
    }

    @Override
    public BoxType type() {
        return BoxType.ESDS;
    }

    static EsdsBox parse(Payload p) {
        int version = p.u8("version");
        int flags = p.u24("flags");
        if (version != 0) {
            return null;
        }
        long base = p.offset();
        ByteBuffer d = p.rest();
        read(d, p.path, base);
        return new EsdsBox(version, flags, d);
    }

    @Override
    public int payloadSize() {
        return 4 + esDescriptor.remaining();
    }

    @Override
    public void writePayload(ByteBuffer out) {
        Boxes.putVersionFlags(out, version, flags);
        out.put(esDescriptor.duplicate());
    }
}
