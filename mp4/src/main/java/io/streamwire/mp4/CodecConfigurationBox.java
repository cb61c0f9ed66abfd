package io.streamwire.mp4;

import io.streamwire.core.internal.BigEndian;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A decoder configuration box carrying a codec's configuration record as bytes:
 * {@code avcC} (AVCConfigurationBox, ISO/IEC 14496-15 §5.4.2.1, holding an
 * AVCDecoderConfigurationRecord of §5.3.2.1), {@code hvcC} (HEVCConfigurationBox, §8.4.1.1, holding an
 * HEVCDecoderConfigurationRecord of §8.3.2.1) and {@code av1C} (AV1CodecConfigurationBox,
 * AV1-ISOBMFF v1.2.0 §2.3). The record is parsed by the codec modules; this box reads only the
 * leading fields the {@linkplain #codecString codec string} needs.
 *
 * @param type {@code avcC}, {@code hvcC} or {@code av1C}
 * @param record the configuration record (read-only)
 *
 * @implNote A box too short for the fields the codec string reads is kept as a {@link RawBox}
 *     (ffmpeg 7.0 writes an empty {@code av1C} into fragmented files whose moov comes before the
 *     first frame); a record that starts with the wrong version is refused.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public record CodecConfigurationBox(BoxType type, ByteBuffer record) implements Box {
    /** Checks the components; keeps a read-only view of the record. */
    public CodecConfigurationBox {
        Objects.requireNonNull(type, "type");
        record = record.slice().asReadOnlyBuffer();
        int need = minimumLength(type);
        if (need < 0) {
            throw new IllegalArgumentException("not a configuration box type: " + type);
        }
        if (record.remaining() < need) {
            throw new IllegalArgumentException(type + " record needs at least " + need + " bytes, has " + record.remaining());
        }
    }

    /** An {@code avcC} box around an AVCDecoderConfigurationRecord. */
    public static CodecConfigurationBox avcC(byte[] record) {
        return new CodecConfigurationBox(BoxType.AVCC, ByteBuffer.wrap(record.clone()));
    }

    /** An {@code hvcC} box around an HEVCDecoderConfigurationRecord. */
    public static CodecConfigurationBox hvcC(byte[] record) {
        return new CodecConfigurationBox(BoxType.HVCC, ByteBuffer.wrap(record.clone()));
    }

    /** An {@code av1C} box around an AV1CodecConfigurationRecord. */
    public static CodecConfigurationBox av1C(byte[] record) {
        return new CodecConfigurationBox(BoxType.AV1C, ByteBuffer.wrap(record.clone()));
    }

    /** Bytes the codec string reads: avcC 4 (§5.3.2.1), hvcC 23 (§8.3.2.1), av1C 4 (§2.3.3); -1 for other types. */
    static int minimumLength(BoxType type) {
        int t = type.value();
        return t == BoxType.AVCC.value() ? 4 : t == BoxType.HVCC.value() ? 23 : t == BoxType.AV1C.value() ? 4 : -1;
    }

    static CodecConfigurationBox parse(Payload p) {
        int need = minimumLength(p.header.type());
        if (p.remaining() < need) {
            return null;
        }
        int t = p.header.type().value();
        int first = p.b.get(p.position()) & 0xFF;
        if (t == BoxType.AV1C.value() && first != 0x81) {
            throw p.error("marker, version", String.format("0x%02x, expected 0x81 (marker 1, version 1)", first));
        }
        if (t != BoxType.AV1C.value() && first != 1) {
            throw p.error("configurationVersion", first + ", expected 1");
        }
        return new CodecConfigurationBox(p.header.type(), p.rest());
    }

    /**
     * The RFC 6381 codec string for a sample entry of {@code entryType} with this configuration:
     * {@code avc1.PPCCLL} (profile_idc, constraint flags, level_idc in hex; ISO/IEC 14496-15 Annex E.2),
     * {@code hvc1.[A-C]P.C.TL.B…} (Annex E.3: profile space and idc, compatibility flags bit-reversed
     * in hex, tier and level, constraint bytes without trailing zeros) or {@code av01.P.LLT.DD}
     * (AV1-ISOBMFF v1.2.0 Annex A: profile, level, tier, bit depth).
     */
    public String codecString(BoxType entryType) {
        ByteBuffer r = record;
        int t = type.value();
        if (t == BoxType.AVCC.value()) {
            return String.format("%s.%02X%02X%02X", entryType, r.get(1) & 0xFF, r.get(2) & 0xFF, r.get(3) & 0xFF);
        }
        if (t == BoxType.HVCC.value()) {
            int b1 = r.get(1) & 0xFF;
            int space = b1 >> 6;
            StringBuilder s = new StringBuilder(entryType.toString()).append('.');
            if (space > 0) {
                s.append((char) ('A' + space - 1));
            }
            s.append(b1 & 0x1F).append('.');
            s.append(Integer.toHexString(Integer.reverse(BigEndian.getInt(r, 2))).toUpperCase(java.util.Locale.ROOT));
            s.append('.').append((b1 & 0x20) != 0 ? 'H' : 'L').append(r.get(12) & 0xFF);
            int last = 11;
            while (last >= 6 && r.get(last) == 0) {
                last--;
            }
            for (int i = 6; i <= last; i++) {
                s.append('.').append(String.format("%02X", r.get(i) & 0xFF));
            }
            return s.toString();
        }
        int b1 = r.get(1) & 0xFF;
        int b2 = r.get(2) & 0xFF;
        int profile = b1 >> 5;
        boolean high = (b2 & 0x40) != 0;
        boolean twelve = (b2 & 0x20) != 0;
        int bitDepth = profile == 2 && high ? (twelve ? 12 : 10) : high ? 10 : 8;
        return String.format("%s.%d.%02d%c.%02d", entryType, profile, b1 & 0x1F, (b2 & 0x80) != 0 ? 'H' : 'M', bitDepth);
    }

    @Override
    public int payloadSize() {
        return record.remaining();
    }

    @Override
    public void writePayload(ByteBuffer out) {
        out.put(record.duplicate());
    }
}
